import {
  PERSONALIZATION_SCOPES,
  type PersonalizationPreferences,
  type PersonalizationTarget,
  type RecommendationMode,
  type RecommendationModeData,
  type ScopeModes,
} from './types.js';

/** Every scope set to one mode. */
export function allScopes(mode: RecommendationMode): ScopeModes {
  return { feed: mode, ads: mode, push: mode, search: mode };
}

/** The privacy-protective fallback: nothing personalized. */
export function protectivePreferences(): PersonalizationPreferences {
  return { master: 'non-personalized', scopes: allScopes('non-personalized'), strategy: null };
}

/** The mode each scope is actually in: every scope is non-personalized while the master switch is off. */
export function effectiveModes(preferences: PersonalizationPreferences): ScopeModes {
  return preferences.master === 'non-personalized' ? allScopes('non-personalized') : { ...preferences.scopes };
}

/** The mode a switch shows: the master switch is on while any scope is personalized. */
export function displayedMode(preferences: PersonalizationPreferences, target: PersonalizationTarget): RecommendationMode {
  const modes = effectiveModes(preferences);
  if (target === 'all') {
    return PERSONALIZATION_SCOPES.some((scope) => modes[scope] === 'personalized') ? 'personalized' : 'non-personalized';
  }
  return modes[target];
}

/**
 * The preferences after the user sets `target` to `mode`. Turning something on
 * never turns on more than the user asked for: turning one scope on while the
 * master switch is off leaves every other scope off.
 */
export function applyChange(
  preferences: PersonalizationPreferences,
  target: PersonalizationTarget,
  mode: RecommendationMode,
  strategy?: string,
): PersonalizationPreferences {
  const next = applyModeChange(preferences, target, mode);
  return { ...next, strategy: strategy ?? preferences.strategy ?? null };
}

function applyModeChange(
  preferences: PersonalizationPreferences,
  target: PersonalizationTarget,
  mode: RecommendationMode,
): Pick<PersonalizationPreferences, 'master' | 'scopes'> {
  if (target === 'all') {
    if (mode === 'non-personalized') {
      return { master: 'non-personalized', scopes: { ...preferences.scopes } };
    }
    const anyScopeOn = PERSONALIZATION_SCOPES.some((scope) => preferences.scopes[scope] === 'personalized');
    return { master: 'personalized', scopes: anyScopeOn ? { ...preferences.scopes } : allScopes('personalized') };
  }
  if (mode === 'personalized' && preferences.master === 'non-personalized') {
    return { master: 'personalized', scopes: { ...allScopes('non-personalized'), [target]: 'personalized' } };
  }
  return { master: preferences.master, scopes: { ...preferences.scopes, [target]: mode } };
}

/** What a feed request needs: each scope's mode, and the feed's strategy while it is non-personalized. */
export function recommendationModeData(preferences: PersonalizationPreferences): RecommendationModeData {
  const modes = effectiveModes(preferences);
  return { ...modes, strategy: modes.feed === 'non-personalized' ? (preferences.strategy ?? null) : null };
}

/** Equal in everything a user chose; an absent strategy equals `null`. */
export function samePreferences(first: PersonalizationPreferences, second: PersonalizationPreferences): boolean {
  return (
    first.master === second.master &&
    (first.strategy ?? null) === (second.strategy ?? null) &&
    PERSONALIZATION_SCOPES.every((scope) => first.scopes[scope] === second.scopes[scope])
  );
}

/** True when `mode` is the choice that protects privacy, which is kept even if its write fails. */
export function isProtective(mode: RecommendationMode): boolean {
  return mode === 'non-personalized';
}

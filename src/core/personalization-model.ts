import {
  PERSONALIZATION_SCOPES,
  type PersonalizationPreferences,
  type PersonalizationTarget,
  type RecommendationMode,
  type ScopeModes,
} from './types.js';

/** Every scope set to one mode. */
export function allScopes(mode: RecommendationMode): ScopeModes {
  return { feed: mode, ads: mode, push: mode, search: mode };
}

/** The privacy-protective fallback: nothing personalized. */
export function protectivePreferences(): PersonalizationPreferences {
  return { master: 'non-personalized', scopes: allScopes('non-personalized') };
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
): PersonalizationPreferences {
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

/** True when `mode` is the choice that protects privacy, which is kept even if its write fails. */
export function isProtective(mode: RecommendationMode): boolean {
  return mode === 'non-personalized';
}

import {
  PERSONALIZATION_SCOPES,
  PREFERENCE_FIELDS,
  type PersonalizationPreferences,
  type PreferenceField,
  type PreferenceRevisions,
  type PreferencesRecord,
  type PersonalizationTarget,
  type RecommendationMode,
  type RecommendationModeData,
  type ScopeModes,
} from '../../../kernel/core/types.js';

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

/* -------------------------------------------------------------------------------------------------
 * Revisions: how two views of the preferences are merged
 * -----------------------------------------------------------------------------------------------*/

/** A field's value in `preferences`: a mode, or the strategy (`null` for none). */
export function fieldValue(preferences: PersonalizationPreferences, field: PreferenceField): string | null {
  switch (field) {
    case 'master':
      return preferences.master;
    case 'strategy':
      return preferences.strategy ?? null;
    default:
      return preferences.scopes[field];
  }
}

/** Every revision set to `revision`. */
export function allRevisions(revision: number): PreferenceRevisions {
  return { master: revision, feed: revision, ads: revision, push: revision, search: revision, strategy: revision };
}

/** The fields whose value differs between two preferences. */
export function changedFields(before: PersonalizationPreferences, after: PersonalizationPreferences): PreferenceField[] {
  return PREFERENCE_FIELDS.filter((field) => fieldValue(before, field) !== fieldValue(after, field));
}

/** The highest revision in a record. */
export function highestRevision(revisions: PreferenceRevisions): number {
  return Math.max(...PREFERENCE_FIELDS.map((field) => revisions[field]));
}

/** True when every field of `first` is at least as new as in `second`: writing `second` after `first` changes nothing. */
export function dominates(first: PreferenceRevisions, second: PreferenceRevisions): boolean {
  return PREFERENCE_FIELDS.every((field) => first[field] >= second[field]);
}

/** On equal revisions, the value to keep: the privacy-protective mode, or for the strategy a fixed order so every device agrees. */
function tieBreak(field: PreferenceField, first: string | null, second: string | null): string | null {
  if (field !== 'strategy') {
    return first === 'non-personalized' || second === 'non-personalized' ? 'non-personalized' : first;
  }
  return (first ?? '') <= (second ?? '') ? first : second;
}

/** `preferences` with one field set to `value`. */
export function withField(preferences: PersonalizationPreferences, field: PreferenceField, value: string | null): PersonalizationPreferences {
  switch (field) {
    case 'master':
      return { ...preferences, master: value as RecommendationMode };
    case 'strategy':
      return { ...preferences, strategy: value };
    default:
      return { ...preferences, scopes: { ...preferences.scopes, [field]: value as RecommendationMode } };
  }
}

/**
 * Merges two records field by field: the higher revision wins, and on a tie
 * the privacy-protective value. Order does not matter, and merging a record
 * with itself changes nothing, so every tab, device and backend that merges
 * the same writes ends with the same preferences. A backend adapter stores
 * `mergePreferenceRecords(stored, incoming)` on `save`.
 */
export function mergePreferenceRecords(first: PreferencesRecord, second: PreferencesRecord): PreferencesRecord {
  let preferences: PersonalizationPreferences = {
    master: first.preferences.master,
    scopes: { ...first.preferences.scopes },
    strategy: first.preferences.strategy ?? null,
  };
  const revisions = { ...first.revisions };
  for (const field of PREFERENCE_FIELDS) {
    const mine = fieldValue(first.preferences, field);
    const theirs = fieldValue(second.preferences, field);
    const value =
      second.revisions[field] > first.revisions[field] ? theirs : second.revisions[field] < first.revisions[field] ? mine : tieBreak(field, mine, theirs);
    preferences = withField(preferences, field, value);
    revisions[field] = Math.max(first.revisions[field], second.revisions[field]);
  }
  return { preferences, revisions };
}

/** The same preferences and revisions. */
export function sameRecord(first: PreferencesRecord, second: PreferencesRecord): boolean {
  return samePreferences(first.preferences, second.preferences) && PREFERENCE_FIELDS.every((field) => first.revisions[field] === second.revisions[field]);
}

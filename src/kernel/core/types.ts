/** A value, or a promise of one. Every adapter method returns this. */
export type Awaitable<T> = T | PromiseLike<T>;

/**
 * The places a platform personalizes, each with its own switch.
 * PIPL 24 ¶2 covers push messages and marketing as well as the feed; the
 * E-Commerce Law art. 18 requires a non-personalized search option.
 */
export const PERSONALIZATION_SCOPES = ['feed', 'ads', 'push', 'search'] as const;

/** One of {@link PERSONALIZATION_SCOPES}. */
export type PersonalizationScope = (typeof PERSONALIZATION_SCOPES)[number];

/**
 * Whether a scope is personalized. `'non-personalized'` is the option
 * "不针对其个人特征" of ALG 17 ¶1 and PIPL 24 ¶2.
 */
export type RecommendationMode = 'personalized' | 'non-personalized';

/** The mode of each scope. */
export type ScopeModes = Record<PersonalizationScope, RecommendationMode>;

/** What a change targets: the master switch, or one scope. */
export type PersonalizationTarget = 'all' | PersonalizationScope;

/** A user's personalization choices: the master switch over all scopes, and each scope's own choice. */
export interface PersonalizationPreferences {
  /** The master switch. When `'non-personalized'`, every scope is non-personalized, whatever its own choice. */
  master: RecommendationMode;
  /** Each scope's own choice, kept while the master switch is off so that turning it on restores them. */
  scopes: ScopeModes;
  /**
   * The non-personalized strategy the user chose for the feed, such as
   * `'popular-nearby'`, from those a `RecommendationModePicker` declares.
   * Kept while the feed is personalized, so that it comes back when the user
   * leaves personalization again. `null` or absent: none chosen, the
   * platform's default non-personalized ranking (ALG 17 ¶1, DSA 27(3)).
   */
  strategy?: string | null;
}

/**
 * What a feed, ad, push or search request needs to know: each scope's mode,
 * and the feed's chosen non-personalized strategy.
 */
export interface RecommendationModeData extends ScopeModes {
  /**
   * The non-personalized strategy the user chose for the feed, while the feed
   * is non-personalized. `null` while it is personalized, or when the user
   * chose none: then use your default non-personalized ranking.
   */
  strategy: string | null;
}

/**
 * Where a slice's data stands: `'idle'` before anything asked for it,
 * `'loading'` while it is read, `'ready'` once known, `'error'` when the read
 * failed and the slice shows its privacy-protective fallback.
 */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** The fields of {@link PersonalizationPreferences} that change on their own, each with its own revision. */
export const PREFERENCE_FIELDS = ['master', 'feed', 'ads', 'push', 'search', 'strategy'] as const;

/** One of {@link PREFERENCE_FIELDS}. */
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

/**
 * The revision of each field's last change. A revision is a number the kit
 * issues: above every revision the device has seen, and at least the device's
 * clock in milliseconds. Writes are ordered by revision, never by a server's
 * timestamp, and a tie keeps the privacy-protective value.
 */
export type PreferenceRevisions = Record<PreferenceField, number>;

/**
 * Preferences as they travel to and from a {@link PreferencesAdapter}: the
 * user's choices and the revision of each. A backend stores what it is sent,
 * keeping for each field whichever value has the higher revision
 * (`mergePreferenceRecords` does exactly that).
 */
export interface PreferencesRecord {
  preferences: PersonalizationPreferences;
  revisions: PreferenceRevisions;
}

export function isPromiseLike<T>(value: Awaitable<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<T>).then === 'function';
}

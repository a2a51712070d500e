import type { StoredPreferences } from '../schema.js';
import type { InterestOption, NotInterestedFeedback, StoredPendingTags, TagIntensity, UserTag, UserTagProfile } from '../tags.js';
import type { Awaitable } from '../types.js';

/**
 * Reads and writes a user's personalization preferences (ALG 17, PIPL 24).
 *
 * The platform's backend stays the source of truth; the kit validates what
 * `load` returns, so an adapter may pass through whatever it stored.
 */
export interface PreferencesAdapter {
  /**
   * Reads the stored preferences.
   * @returns the stored value, or `null` when none is stored.
   * Throw (or reject) when the read itself fails; the kit then falls back to
   * non-personalized for every scope and reports the failure.
   */
  load(): Awaitable<StoredPreferences | null>;
  /**
   * Replaces the stored preferences with `preferences`. Resolve only once the
   * write is durable. Reject on failure: the kit keeps privacy-protective
   * choices and retries them, and rolls other choices back.
   */
  save(preferences: StoredPreferences): Awaitable<void>;
  /** Removes the stored preferences, so that a later `load` returns `null`. */
  clear(): Awaitable<void>;
}

/**
 * Reads the user's tags and carries out what the user does with them
 * (ALG 17 ¶2: 选择或者删除…用户标签; 清朗 2024: 负反馈). Only `load` and
 * `remove` are required; the manager offers undo, interests, intensity and
 * "not interested" only where the adapter has the method behind them.
 */
export interface TagsAdapter {
  /**
   * Reads the user's tags, their categories and intensities.
   * @returns the profile, or `null` when the user has none. Throw (or reject)
   * when the read fails; the manager shows a localized message and a retry.
   */
  load(): Awaitable<UserTagProfile | null>;
  /**
   * Deletes tags, so that the recommender no longer uses them. Resolve only
   * once the deletion is durable. On failure the tags stay deleted on screen,
   * the ids are kept on this device, and the kit retries.
   */
  remove(ids: readonly string[]): Awaitable<void>;
  /** Puts back tags the user just deleted, for "undo". Without it the manager offers no undo. */
  restore?(tags: readonly UserTag[]): Awaitable<void>;
  /** Adds interests the user chose from the platform's catalogue. Without it the manager offers no catalogue. */
  select?(interests: readonly InterestOption[]): Awaitable<void>;
  /** Sets how much of a category the user wants (减少 / 默认 / 增加). Without it the manager shows no intensity. */
  setIntensity?(categoryId: string, intensity: TagIntensity): Awaitable<void>;
  /** Records "not interested" feedback on one item. `NotInterestedButton` needs it. */
  notInterested?(feedback: NotInterestedFeedback): Awaitable<void>;
}

/** A store on this device for tag deletions and feedback that the tags adapter has not yet confirmed. */
export interface PendingTagsAdapter {
  /** @returns what is pending, or `null` when nothing is. */
  load(): Awaitable<StoredPendingTags | null>;
  save(pending: StoredPendingTags): Awaitable<void>;
  clear(): Awaitable<void>;
}

/** The adapters a `RightsProvider` or `createRightsStore` works through. */
export interface RightsAdapters {
  /** Where preferences live. Default: {@link createLocalStoragePreferencesAdapter}. */
  preferences?: PreferencesAdapter;
  /**
   * A store on this device for privacy-protective choices that `preferences`
   * has not yet confirmed, so that no opt-out is lost across a reload while a
   * backend is failing. Default: localStorage under `algorights:pending-sync`.
   */
  pendingSync?: PreferencesAdapter;
  /** Where the user's tags live. Default: {@link createLocalStorageTagsAdapter}. */
  tags?: TagsAdapter;
  /**
   * A store on this device for tag deletions and "not interested" feedback
   * that `tags` has not yet confirmed. Default: localStorage under
   * `algorights:pending-tags`.
   */
  pendingTags?: PendingTagsAdapter;
}

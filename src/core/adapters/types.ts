import type { StoredPreferences } from '../schema.js';
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
}

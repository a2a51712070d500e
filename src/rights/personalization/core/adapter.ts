import type { ReadOptions, Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { Awaitable, PreferencesRecord } from '../../../kernel/core/types.js';

/**
 * Reads and writes a user's personalization preferences (ALG 17, PIPL 24).
 * The platform's backend stays the source of truth; the kit validates what
 * `load` returns.
 */
export interface PreferencesAdapter {
  /**
   * Reads the stored preferences.
   * @returns the stored record, or `null` when none is stored. Throw (or reject) when the read itself
   * fails; the kit then falls back to non-personalized for every scope and reports the failure.
   */
  load(options: ReadOptions): Awaitable<PreferencesRecord | null>;
  /**
   * Stores `record`, keeping for each field whichever value has the higher revision, and on equal
   * revisions the privacy-protective one: store `mergePreferenceRecords(stored, record)`. Resolve once
   * it is durable, optionally with the record now stored. Reject on failure: the kit keeps
   * privacy-protective choices and retries them, and rolls other choices back.
   */
  save(record: PreferencesRecord, options: WriteOptions): Awaitable<PreferencesRecord | void>;
  /** Optional: tells the kit when the preferences changed elsewhere. */
  subscribe?: Subscribe;
}

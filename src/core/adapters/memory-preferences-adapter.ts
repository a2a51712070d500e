import type { StoredPreferences } from '../schema.js';
import { createMemoryCellAdapter } from './json-storage.js';
import type { PreferencesAdapter } from './types.js';

/** A box holding what a memory adapter stores; pass your own to read it from outside. */
export interface MemoryCell {
  value: unknown;
}

export interface MemoryPreferencesAdapterOptions {
  /** The box to store into. Default: a new, empty one. Tests read it to check writes independently. */
  cell?: MemoryCell;
}

/**
 * Keeps preferences in memory, for tests and stories. Values are copied in
 * and out, so a caller can never mutate what is stored.
 */
export function createMemoryPreferencesAdapter(options: MemoryPreferencesAdapterOptions = {}): PreferencesAdapter {
  return createMemoryCellAdapter<StoredPreferences>(options.cell ?? { value: null });
}

import type { StoredPreferences } from '../schema.js';
import { createLocalStorageCellAdapter, type KeyValueStorage } from './json-storage.js';
import type { PreferencesAdapter } from './types.js';

export type { KeyValueStorage };

export interface LocalStoragePreferencesAdapterOptions {
  /** The storage key. Default: `'algorights:preferences'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time so that import and server rendering never touch `window`. */
  storage?: KeyValueStorage;
}

/**
 * Keeps preferences in the browser's localStorage: the embedded default that
 * works with no backend. Corrupt JSON is reported as `storage-corrupt`.
 */
export function createLocalStoragePreferencesAdapter(options: LocalStoragePreferencesAdapterOptions = {}): PreferencesAdapter {
  return createLocalStorageCellAdapter<StoredPreferences>(options.key ?? 'algorights:preferences', options.storage, 'preferences');
}

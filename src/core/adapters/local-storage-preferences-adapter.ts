import { RightsError } from '../errors.js';
import type { StoredPreferences } from '../schema.js';
import type { PreferencesAdapter } from './types.js';

/** The part of the Web Storage API the adapter uses. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface LocalStoragePreferencesAdapterOptions {
  /** The storage key. Default: `'algorights:preferences'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time so that import and server rendering never touch `window`. */
  storage?: KeyValueStorage;
}

function resolveStorage(storage: KeyValueStorage | undefined): KeyValueStorage | null {
  if (storage) {
    return storage;
  }
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Access throws where storage is disabled (some privacy modes, sandboxed iframes).
    return null;
  }
}

/**
 * Keeps preferences in the browser's localStorage: the embedded default that
 * works with no backend. Corrupt JSON is reported as `storage-corrupt`.
 */
export function createLocalStoragePreferencesAdapter(options: LocalStoragePreferencesAdapterOptions = {}): PreferencesAdapter {
  const key = options.key ?? 'algorights:preferences';
  const requireStorage = (operation: string): KeyValueStorage => {
    const storage = resolveStorage(options.storage);
    if (!storage) {
      throw new RightsError('write-failed', `localStorage is unavailable, so preferences cannot be ${operation}.`);
    }
    return storage;
  };
  return {
    load() {
      const storage = resolveStorage(options.storage);
      const raw = storage?.getItem(key) ?? null;
      if (raw === null) {
        return null;
      }
      try {
        return JSON.parse(raw) as StoredPreferences;
      } catch (cause) {
        throw new RightsError('storage-corrupt', `The value under "${key}" is not valid JSON.`, { cause });
      }
    },
    save(preferences) {
      requireStorage('saved').setItem(key, JSON.stringify(preferences));
    },
    clear() {
      requireStorage('cleared').removeItem(key);
    },
  };
}

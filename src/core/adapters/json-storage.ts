import { RightsError } from '../errors.js';

/** The part of the Web Storage API the localStorage adapters use. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

/** One JSON value under one key. Storage is looked up at call time, so that import and server rendering never touch `window`. */
export interface JsonStorageCell {
  read(): unknown;
  write(value: unknown): void;
  remove(): void;
}

export function createJsonStorageCell(key: string, storage: KeyValueStorage | undefined, what: string): JsonStorageCell {
  const requireStorage = (operation: string): KeyValueStorage => {
    const resolved = resolveStorage(storage);
    if (!resolved) {
      throw new RightsError('write-failed', `localStorage is unavailable, so ${what} cannot be ${operation}.`);
    }
    return resolved;
  };
  return {
    read() {
      const raw = resolveStorage(storage)?.getItem(key) ?? null;
      if (raw === null) {
        return null;
      }
      try {
        return JSON.parse(raw) as unknown;
      } catch (cause) {
        throw new RightsError('storage-corrupt', `The value under "${key}" is not valid JSON.`, { cause });
      }
    },
    write(value) {
      requireStorage('saved').setItem(key, JSON.stringify(value));
    },
    remove() {
      requireStorage('cleared').removeItem(key);
    },
  };
}

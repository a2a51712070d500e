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

/** A load/save/clear adapter over one JSON value in localStorage: what the preferences and pending-tags adapters are. */
export function createLocalStorageCellAdapter<T>(key: string, storage: KeyValueStorage | undefined, what: string) {
  const cell = createJsonStorageCell(key, storage, what);
  return {
    load: () => cell.read() as T | null,
    save: (value: T) => cell.write(value),
    clear: () => cell.remove(),
  };
}

/** The same over a {@link MemoryCell}: values are copied in and out, so no caller can change what is stored. */
export function createMemoryCellAdapter<T>(cell: { value: unknown }) {
  return {
    load: () => (cell.value === null || cell.value === undefined ? null : (structuredClone(cell.value) as T)),
    save: (value: T) => {
      cell.value = structuredClone(value);
    },
    clear: () => {
      cell.value = null;
    },
  };
}

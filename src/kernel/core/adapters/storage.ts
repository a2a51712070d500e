import { RightsError } from '../errors.js';
import type { ReadOptions, Subscribe, WriteOptions } from './types.js';

/** The part of the Web Storage API the localStorage adapters use. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The storage to use, looked up at call time so that import and server
 * rendering never touch `window`. Where storage cannot be used (a
 * `SecurityError` in some private modes and in-app WebViews, or `null`), this
 * throws `storage-unavailable`: the kit then keeps choices in memory, falls
 * back to privacy-protective values and says so, instead of reading "nothing
 * stored".
 */
function resolveStorage(storage: KeyValueStorage | undefined): KeyValueStorage {
  if (storage) {
    return storage;
  }
  let resolved: KeyValueStorage | null | undefined;
  try {
    resolved = globalThis.localStorage;
  } catch (cause) {
    throw new RightsError('storage-unavailable', 'localStorage cannot be used here.', { cause });
  }
  if (!resolved) {
    throw new RightsError('storage-unavailable', 'localStorage is not available here.');
  }
  return resolved;
}

/** Throws when the kit has stopped waiting for this call, so a late call has no effect. */
export function throwIfAborted(options: ReadOptions | WriteOptions | undefined): void {
  if (options?.signal.aborted) {
    throw new RightsError('write-failed', 'The kit stopped waiting for this call.', { cause: options.signal.reason });
  }
}

/** One JSON value under one storage key, with change notices across tabs and providers. */
export interface JsonStorageCell {
  /** The stored value, `null` when none; throws `storage-corrupt` for invalid JSON. */
  read(): unknown;
  /** The stored text itself, for setting it aside. */
  readRaw(): string | null;
  write(value: unknown): void;
  remove(): void;
  subscribe: Subscribe;
}

type Channel = { postMessage(message: unknown): void; close(): void; onmessage: ((event: unknown) => void) | null; unref?(): void };

function openChannel(name: string): Channel | null {
  const Constructor = (globalThis as { BroadcastChannel?: new (name: string) => Channel }).BroadcastChannel;
  if (typeof Constructor !== 'function') {
    return null;
  }
  const channel = new Constructor(name);
  // In Node (tests, server) an open channel would keep the process alive.
  channel.unref?.();
  return channel;
}

/**
 * A cell over `storage` under `key`. Other tabs hear of a write through the
 * `storage` event, and every other cell on the same key (another provider on
 * this page too, where the `storage` event does not fire) through a
 * BroadcastChannel.
 */
export function createJsonStorageCell(key: string, storage: KeyValueStorage | undefined): JsonStorageCell {
  let sender: Channel | null | undefined;
  const announce = () => {
    if (sender === undefined) {
      sender = openChannel(`algorights:${key}`);
    }
    sender?.postMessage('changed');
  };
  return {
    read() {
      const raw = resolveStorage(storage).getItem(key);
      if (raw === null) {
        return null;
      }
      try {
        return JSON.parse(raw) as unknown;
      } catch (cause) {
        throw new RightsError('storage-corrupt', `The value under "${key}" is not valid JSON.`, { cause });
      }
    },
    readRaw() {
      return resolveStorage(storage).getItem(key);
    },
    write(value) {
      try {
        resolveStorage(storage).setItem(key, JSON.stringify(value));
      } catch (cause) {
        // QuotaExceededError, or storage that cannot be used: the write did not happen.
        throw cause instanceof RightsError ? cause : new RightsError('write-failed', `Could not store "${key}".`, { cause });
      }
      announce();
    },
    remove() {
      resolveStorage(storage).removeItem(key);
      announce();
    },
    subscribe(onChange) {
      const channel = openChannel(`algorights:${key}`);
      if (channel) {
        channel.onmessage = () => onChange();
      }
      const onStorage = (event: Event) => {
        const changedKey = (event as StorageEvent).key;
        if (changedKey === key || changedKey === null) {
          onChange();
        }
      };
      const target = typeof window === 'undefined' ? null : window;
      target?.addEventListener('storage', onStorage);
      return () => {
        channel?.close();
        target?.removeEventListener('storage', onStorage);
      };
    },
  };
}

/** A box holding what a memory adapter stores; pass the same box to two adapters to share it, as two tabs share storage. */
export interface MemoryCell {
  value: unknown;
}

const memoryListeners = new WeakMap<MemoryCell, Set<{ owner: object; onChange: () => void }>>();

/**
 * Change notices between memory adapters sharing one {@link MemoryCell}: each
 * hears of the others' writes, asynchronously, as tabs do.
 */
export function memoryCellChannel(cell: MemoryCell, owner: object) {
  return {
    announce() {
      for (const listener of memoryListeners.get(cell) ?? []) {
        if (listener.owner !== owner) {
          queueMicrotask(listener.onChange);
        }
      }
    },
    subscribe: ((onChange) => {
      const listener = { owner, onChange };
      const listeners = memoryListeners.get(cell) ?? new Set();
      memoryListeners.set(cell, listeners);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    }) satisfies Subscribe,
  };
}

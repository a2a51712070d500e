import { systemClock } from '../../../kernel/core/clock.js';
import type { ConsentReceipt, StoredConsentReceipt } from './model.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { createJsonStorageCell, memoryCellChannel, throwIfAborted, type KeyValueStorage, type MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { Subscribe } from '../../../kernel/core/adapters/types.js';
import type { ConsentAdapter } from './adapter.js';

/** The version of {@link StoredConsent}. */
export const STORED_CONSENT_VERSION = 1;

/** How many recent idempotency keys the embedded adapters remember, so a retried record stores one receipt. */
const REMEMBERED_KEYS = 500;

/** What the memory and localStorage consent adapters store. */
export interface StoredConsent {
  version: typeof STORED_CONSENT_VERSION;
  /** Every receipt, oldest first: append-only. */
  receipts: StoredConsentReceipt[];
  /** The receipt each recent idempotency key stored, oldest first. */
  keys: [key: string, receiptId: string][];
}

function emptyConsent(): StoredConsent {
  return { version: STORED_CONSENT_VERSION, receipts: [], keys: [] };
}

function normalize(stored: Partial<StoredConsent> | null): StoredConsent | null {
  return stored === null || typeof stored !== 'object' ? null : { ...emptyConsent(), ...stored, version: STORED_CONSENT_VERSION };
}

/** Options every embedded consent adapter takes. */
export interface EmbeddedConsentAdapterOptions {
  /** Receipts to start with, such as a story's user who agreed to an earlier version. */
  initial?: readonly StoredConsentReceipt[];
  /** The clock for `storedAt`. Default: the system clock. */
  now?: () => number;
}

function consentAdapterOn(cell: { read(): StoredConsent | null; write(value: StoredConsent): void; subscribe: Subscribe }, options: EmbeddedConsentAdapterOptions): Required<ConsentAdapter> {
  const now = options.now ?? systemClock.now;
  return {
    load(readOptions) {
      throwIfAborted(readOptions);
      const stored = cell.read();
      return stored ? structuredClone(stored.receipts) : null;
    },
    record(receipt, writeOptions) {
      throwIfAborted(writeOptions);
      const stored = cell.read() ?? emptyConsent();
      const earlier = stored.keys.find(([key]) => key === writeOptions.idempotencyKey);
      const existing = earlier ? stored.receipts.find((candidate) => candidate.receiptId === earlier[1]) : undefined;
      if (existing) {
        return structuredClone(existing);
      }
      const kept: StoredConsentReceipt = { ...structuredClone(receipt), receiptId: `R-${createCorrelationId()}`, storedAt: new Date(now()).toISOString() };
      stored.receipts.push(kept);
      stored.keys = [...stored.keys, [writeOptions.idempotencyKey, kept.receiptId] as [string, string]].slice(-REMEMBERED_KEYS);
      cell.write(stored);
      return structuredClone(kept);
    },
    subscribe: cell.subscribe,
  };
}

function seed(initial: readonly StoredConsentReceipt[] | undefined): StoredConsent | null {
  return initial ? { ...emptyConsent(), receipts: structuredClone([...initial]) } : null;
}

export interface MemoryConsentAdapterOptions extends EmbeddedConsentAdapterOptions {
  /** The box to store into. Default: a new one. Tests read it to check writes independently. */
  cell?: MemoryCell;
}

/** Keeps consent receipts in memory, for tests and stories. */
export function createMemoryConsentAdapter(options: MemoryConsentAdapterOptions = {}): Required<ConsentAdapter> {
  const box = options.cell ?? { value: null };
  if (options.initial) {
    box.value = seed(options.initial);
  }
  const channel = memoryCellChannel(box, {});
  return consentAdapterOn(
    {
      read: () => normalize(box.value as Partial<StoredConsent> | null),
      write: (value) => {
        box.value = value;
        channel.announce();
      },
      subscribe: channel.subscribe,
    },
    options,
  );
}

/** The storage key of the localStorage consent adapter by default. */
export const CONSENT_STORAGE_KEY = 'algorights:consent';

export interface LocalStorageConsentAdapterOptions extends EmbeddedConsentAdapterOptions {
  /** The storage key. Default: {@link CONSENT_STORAGE_KEY}. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Keeps consent receipts in the browser's localStorage: for demos, Storybook and a host's own e2e
 * tests. A receipt kept only on the device is no proof for an audit; a real app passes an adapter that
 * stores receipts on its backend.
 */
export function createLocalStorageConsentAdapter(options: LocalStorageConsentAdapterOptions = {}): Required<ConsentAdapter> {
  const json = createJsonStorageCell(options.key ?? CONSENT_STORAGE_KEY, options.storage);
  if (options.initial && json.readRaw() === null) {
    json.write(seed(options.initial));
  }
  return consentAdapterOn(
    {
      read: () => normalize(json.read() as Partial<StoredConsent> | null),
      write: (value) => json.write(value),
      subscribe: json.subscribe,
    },
    options,
  );
}

/** A stored receipt as the embedded adapters keep it, for seeding storage (see `seedConsents` in `algorights/testing`). */
export function toStoredConsentReceipt(receipt: ConsentReceipt, storedAt = receipt.collectedAt): StoredConsentReceipt {
  return { ...receipt, receiptId: `R-${receipt.recordId}`, storedAt };
}

import * as v from 'valibot';
import { RightsError } from '../errors.js';
import { createCorrelationId } from '../events.js';
import type { OutboxEntry } from './outbox.js';
import { createJsonStorageCell, memoryCellChannel, type KeyValueStorage, type MemoryCell } from '../adapters/storage.js';
import type { OutboxAdapter } from '../adapters/types.js';

/** The version of the outbox record the embedded adapters store on the device. */
export const STORED_OUTBOX_VERSION = 1;

/** How many set-aside values are kept for inspection; older ones are dropped. */
const KEPT_ASIDE = 50;

interface StoredOutbox {
  version: typeof STORED_OUTBOX_VERSION;
  entries: unknown[];
}

const storedOutboxSchema = v.object({ version: v.number(), entries: v.array(v.unknown()) });

/** Reads a stored outbox record; throws when the record itself cannot be trusted. */
function readRecord(data: unknown): StoredOutbox | null {
  if (data === null || data === undefined) {
    return null;
  }
  const result = v.safeParse(storedOutboxSchema, data);
  if (!result.success) {
    throw new RightsError('outbox-unreadable', 'The outbox on this device is not an outbox record.');
  }
  if (result.output.version > STORED_OUTBOX_VERSION) {
    throw new RightsError('outbox-unreadable', `The outbox on this device has version ${result.output.version}; this build reads ${STORED_OUTBOX_VERSION}.`);
  }
  return { version: STORED_OUTBOX_VERSION, entries: result.output.entries };
}

interface OutboxCell {
  /** The stored record; throws when it cannot be read. */
  read(): StoredOutbox | null;
  write(record: StoredOutbox): void;
  /** Moves an unreadable record, or values, out of the way. */
  setAside(values: unknown[]): void;
}

const sameJson = (first: unknown, second: unknown) => JSON.stringify(first) === JSON.stringify(second);

function outboxAdapterOn(cell: OutboxCell, subscribe: OutboxAdapter['subscribe']): OutboxAdapter {
  // A record that cannot be read blocks nothing: the next write sets it aside and starts afresh.
  const readForWrite = (): StoredOutbox => {
    try {
      return cell.read() ?? { version: STORED_OUTBOX_VERSION, entries: [] };
    } catch {
      cell.setAside([]);
      return { version: STORED_OUTBOX_VERSION, entries: [] };
    }
  };
  const keyOf = (value: unknown) => (typeof value === 'object' && value !== null ? (value as { key?: unknown }).key : undefined);
  return {
    load() {
      return cell.read()?.entries ?? null;
    },
    put(entries) {
      const record = readForWrite();
      const replaced = new Map(entries.map((entry) => [entry.key, entry]));
      const kept = record.entries.filter((value) => {
        const key = keyOf(value);
        return typeof key !== 'string' || !replaced.has(key);
      });
      cell.write({ version: STORED_OUTBOX_VERSION, entries: [...kept, ...structuredClone(entries)] });
    },
    delete(keys) {
      const record = readForWrite();
      const removed = new Set(keys);
      const kept = record.entries.filter((value) => {
        const key = keyOf(value);
        return typeof key !== 'string' || !removed.has(key);
      });
      if (kept.length !== record.entries.length) {
        cell.write({ version: STORED_OUTBOX_VERSION, entries: kept });
      }
    },
    setAside(values) {
      const record = readForWrite();
      cell.write({ version: STORED_OUTBOX_VERSION, entries: record.entries.filter((entry) => !values.some((value) => sameJson(entry, value))) });
      cell.setAside([...values]);
    },
    subscribe,
  };
}

export interface MemoryOutboxAdapterOptions {
  /** The box to store into. Default: a new one. Pass one box to two adapters to share an outbox, as tabs do. */
  cell?: MemoryCell;
  /** Where set-aside values go. Default: a new box; tests read it. */
  asideCell?: MemoryCell;
}

/** An outbox in memory, for tests and stories. Values are copied in and out. */
export function createMemoryOutboxAdapter(options: MemoryOutboxAdapterOptions = {}): OutboxAdapter {
  const box = options.cell ?? { value: null };
  const aside = options.asideCell ?? { value: null };
  const channel = memoryCellChannel(box, {});
  return outboxAdapterOn(
    {
      read: () => readRecord(structuredClone(box.value)),
      write: (record) => {
        box.value = structuredClone(record);
        channel.announce();
      },
      setAside: (values) => {
        const unreadable = values.length === 0 ? [box.value] : values;
        aside.value = [...((aside.value as unknown[] | null) ?? []), ...structuredClone(unreadable)].slice(-KEPT_ASIDE);
      },
    },
    channel.subscribe,
  );
}

export interface LocalStorageOutboxAdapterOptions {
  /** The storage key. Default: `'algorights:outbox'`; set-aside values go under the same key with `:set-aside`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Turns what version 0.1 kept pending under `algorights:pending-sync` (a personalization opt-out) into the
 * fields of an outbox entry and its time. Supplied by personalization, which knows that record; the kernel
 * knows no right.
 */
export type LegacyPreferencesReplay = (stored: { updatedAt?: unknown }) => {
  fields: Pick<OutboxEntry, 'slice' | 'action' | 'adapter' | 'method' | 'args' | 'target'>;
  createdAt: string;
};

/**
 * The outbox in the browser's localStorage: the default. Every tab and
 * provider of the origin shares it and hears of the others' changes. It also
 * takes over what version 0.1 of the kit left pending under
 * `algorights:pending-tags`, and under `algorights:pending-sync` when given
 * `replayPreferences` (the package's export always is).
 */
export function createLocalStorageOutboxAdapter(options: LocalStorageOutboxAdapterOptions = {}, replayPreferences?: LegacyPreferencesReplay): OutboxAdapter {
  const key = options.key ?? 'algorights:outbox';
  const json = createJsonStorageCell(key, options.storage);
  const aside = createJsonStorageCell(`${key}:set-aside`, options.storage);
  const legacy = options.key === undefined ? legacyOutbox(options.storage, replayPreferences) : null;
  const cell: OutboxCell = {
    read: () => {
      legacy?.takeOver(json);
      return readRecord(json.read());
    },
    write: (record) => json.write(record),
    setAside: (values) => {
      let kept: unknown[] = [];
      try {
        const stored = aside.read();
        kept = Array.isArray(stored) ? stored : [];
      } catch {
        // A corrupt set-aside list is itself set aside by overwriting it.
      }
      const added = values.length === 0 ? [json.readRaw()] : values;
      aside.write([...kept, ...added].slice(-KEPT_ASIDE));
    },
  };
  return outboxAdapterOn(cell, json.subscribe);
}

/** Converts what version 0.1 kept pending into outbox entries, once, then removes the old keys. */
function legacyOutbox(storage: KeyValueStorage | undefined, replayPreferences: LegacyPreferencesReplay | undefined) {
  const pendingSync = createJsonStorageCell('algorights:pending-sync', storage);
  const pendingTags = createJsonStorageCell('algorights:pending-tags', storage);
  let done = false;
  const entry = (fields: Pick<OutboxEntry, 'slice' | 'action' | 'adapter' | 'method' | 'args' | 'target'>, createdAt: string): OutboxEntry => ({
    ...fields,
    key: createCorrelationId(),
    policy: 'protective',
    correlationId: createCorrelationId(),
    createdAt,
    attempts: 0,
  });
  const convert = (): OutboxEntry[] => {
    const entries: OutboxEntry[] = [];
    // Without the replay, what 0.1 left under pending-sync stays where it is rather than be lost.
    const sync = replayPreferences ? (pendingSync.read() as { updatedAt?: unknown } | null) : null;
    if (sync !== null && replayPreferences) {
      const { fields, createdAt } = replayPreferences(sync);
      entries.push(entry(fields, createdAt));
    }
    const tags = pendingTags.read() as { removals?: unknown; feedback?: unknown; updatedAt?: unknown } | null;
    if (tags !== null) {
      const createdAt = typeof tags.updatedAt === 'string' ? tags.updatedAt : new Date(0).toISOString();
      const removals = Array.isArray(tags.removals) ? tags.removals.filter((id): id is string => typeof id === 'string') : [];
      if (removals.length > 0) {
        entries.push(entry({ slice: 'tags', action: 'remove', adapter: 'tags', method: 'remove', target: 'tags', args: [removals] }, createdAt));
      }
      for (const feedback of Array.isArray(tags.feedback) ? tags.feedback : []) {
        const itemId = (feedback as { itemId?: unknown } | null)?.itemId;
        if (typeof itemId === 'string') {
          entries.push(entry({ slice: 'tags', action: 'not-interested', adapter: 'tags', method: 'notInterested', target: `feedback:${itemId}`, args: [feedback] }, createdAt));
        }
      }
    }
    return entries;
  };
  return {
    takeOver(json: ReturnType<typeof createJsonStorageCell>) {
      if (done) {
        return;
      }
      done = true;
      let entries: OutboxEntry[];
      try {
        entries = convert();
      } catch {
        // What 0.1 left cannot be read; leave it where it is rather than lose it.
        return;
      }
      if (entries.length === 0) {
        return;
      }
      const current = readRecord(json.read()) ?? { version: STORED_OUTBOX_VERSION, entries: [] };
      json.write({ version: STORED_OUTBOX_VERSION, entries: [...current.entries, ...entries] });
      if (replayPreferences) {
        pendingSync.remove();
      }
      pendingTags.remove();
    },
  };
}

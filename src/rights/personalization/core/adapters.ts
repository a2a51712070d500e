import * as v from 'valibot';
import { RightsError } from '../../../kernel/core/errors.js';
import { allRevisions, mergePreferenceRecords } from './model.js';
import { parsePreferencesRecord } from './schema.js';
import type { PreferencesRecord } from '../../../kernel/core/types.js';
import { createJsonStorageCell, memoryCellChannel, throwIfAborted, type KeyValueStorage, type MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { PreferencesAdapter } from './adapter.js';

/** The version of the preferences record the embedded adapters store on the device. */
export const STORED_PREFERENCES_VERSION = 3;

const versioned = v.object({ version: v.number() });

/**
 * Reads what an embedded adapter stored, migrating older versions: 1 and 2
 * kept `{ personalization, updatedAt }` (2 added the strategy); 3 keeps the
 * domain record and its revisions. Storage versions never leave the adapter.
 */
export function readStoredPreferences(data: unknown): PreferencesRecord {
  const header = v.safeParse(versioned, data);
  if (!header.success) {
    throw new RightsError('storage-invalid', 'Stored preferences have no version.');
  }
  const { version } = header.output;
  if (version > STORED_PREFERENCES_VERSION) {
    throw new RightsError('storage-newer-version', `Stored preferences have version ${version}; this build reads up to ${STORED_PREFERENCES_VERSION}.`);
  }
  const record = data as Record<string, unknown>;
  if (version === 1 || version === 2) {
    // Versions 1 and 2 kept no revisions: whatever they hold is older than any choice made since.
    return parsePreferencesRecord({ preferences: record.personalization, revisions: allRevisions(0) });
  }
  if (version !== STORED_PREFERENCES_VERSION) {
    throw new RightsError('storage-invalid', `No migration from preferences version ${version}.`);
  }
  return parsePreferencesRecord({ preferences: record.preferences, revisions: record.revisions });
}

function toStored(record: PreferencesRecord) {
  return { version: STORED_PREFERENCES_VERSION, preferences: record.preferences, revisions: record.revisions };
}

function preferencesAdapterOn(cell: { read(): unknown; write(value: unknown): void; subscribe: PreferencesAdapter['subscribe'] }): PreferencesAdapter {
  const stored = (): PreferencesRecord | null => {
    const data = cell.read();
    return data === null || data === undefined ? null : readStoredPreferences(data);
  };
  return {
    load(options) {
      throwIfAborted(options);
      return stored();
    },
    save(record, options) {
      throwIfAborted(options);
      let current: PreferencesRecord | null = null;
      try {
        current = stored();
      } catch {
        // What was stored cannot be read: the incoming record replaces it.
      }
      const merged = current ? mergePreferenceRecords(current, record) : parsePreferencesRecord(structuredClone(record));
      cell.write(toStored(merged));
      return structuredClone(merged);
    },
    subscribe: cell.subscribe,
  };
}

export interface MemoryPreferencesAdapterOptions {
  /** The box to store into. Default: a new, empty one. Pass one box to two adapters to share it, as tabs share storage. */
  cell?: MemoryCell;
}

/**
 * Keeps preferences in memory, for tests and stories. Values are copied in
 * and out, and a save merges by revision as a backend must.
 */
export function createMemoryPreferencesAdapter(options: MemoryPreferencesAdapterOptions = {}): PreferencesAdapter {
  const box = options.cell ?? { value: null };
  const owner = {};
  const channel = memoryCellChannel(box, owner);
  return preferencesAdapterOn({
    read: () => (box.value === null || box.value === undefined ? null : structuredClone(box.value)),
    write: (value) => {
      box.value = structuredClone(value);
      channel.announce();
    },
    subscribe: channel.subscribe,
  });
}

export interface LocalStoragePreferencesAdapterOptions {
  /** The storage key. Default: `'algorights:preferences'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Keeps preferences in the browser's localStorage: the embedded default that
 * works with no backend. Every tab and provider of the origin shares it and
 * hears of the others' changes. Corrupt JSON is `storage-corrupt`; storage
 * that cannot be used is `storage-unavailable`.
 */
export function createLocalStoragePreferencesAdapter(options: LocalStoragePreferencesAdapterOptions = {}): PreferencesAdapter {
  return preferencesAdapterOn(createJsonStorageCell(options.key ?? 'algorights:preferences', options.storage));
}

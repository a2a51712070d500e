import type { InterestOption, NotInterestedFeedback, TagIntensity, UserTag, UserTagProfile } from './model.js';
import { createJsonStorageCell, memoryCellChannel, throwIfAborted, type KeyValueStorage, type MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { TagsAdapter } from './adapter.js';

/** The version of {@link StoredTags}. */
export const STORED_TAGS_VERSION = 2;

/** How many recent idempotency keys the embedded adapters remember, so a retried write has one effect. */
const REMEMBERED_KEYS = 500;

/** What the memory and localStorage tags adapters store on the device. */
export interface StoredTags {
  version: typeof STORED_TAGS_VERSION;
  tags: UserTag[];
  categories: UserTagProfile['categories'];
  intensities: Record<string, TagIntensity>;
  /** Every "not interested" feedback received, oldest first. */
  feedback: NotInterestedFeedback[];
  /** Idempotency keys of recent writes, newest last. */
  keys: string[];
}

/** Turns a profile into what the embedded adapters store, for seeding them. */
export function toStoredTags(profile: UserTagProfile): StoredTags {
  return {
    version: STORED_TAGS_VERSION,
    tags: profile.tags,
    categories: profile.categories,
    intensities: { ...profile.intensities },
    feedback: [],
    keys: [],
  };
}

function emptyTags(): StoredTags {
  return { version: STORED_TAGS_VERSION, tags: [], categories: [], intensities: {}, feedback: [], keys: [] };
}

/** Reads version 1, which kept no keys, as version 2. */
function upgrade(stored: Partial<StoredTags> | null): StoredTags | null {
  if (stored === null || typeof stored !== 'object') {
    return null;
  }
  return { ...emptyTags(), ...stored, version: STORED_TAGS_VERSION, intensities: { ...stored.intensities }, keys: stored.keys ?? [] };
}

function tagsAdapterOn(cell: { read(): StoredTags | null; write(value: StoredTags): void; subscribe: Subscribe }): Required<TagsAdapter> {
  // The embedded adapters trust their own format; the store validates what `load` returns.
  const change = (options: WriteOptions, edit: (stored: StoredTags) => void) => {
    throwIfAborted(options);
    const stored = cell.read() ?? emptyTags();
    if (stored.keys.includes(options.idempotencyKey)) {
      return;
    }
    edit(stored);
    stored.keys = [...stored.keys, options.idempotencyKey].slice(-REMEMBERED_KEYS);
    cell.write(stored);
  };
  return {
    load(options) {
      throwIfAborted(options);
      const stored = cell.read();
      if (stored === null) {
        return null;
      }
      return structuredClone({ tags: stored.tags, categories: stored.categories, intensities: stored.intensities });
    },
    remove(ids, options) {
      const removed = new Set(ids);
      change(options, (stored) => {
        stored.tags = stored.tags.filter((tag) => !removed.has(tag.id));
      });
    },
    restore(tags, options) {
      change(options, (stored) => {
        const present = new Set(stored.tags.map((tag) => tag.id));
        stored.tags.push(...tags.filter((tag) => !present.has(tag.id)).map((tag) => structuredClone(tag)));
      });
    },
    select(interests: readonly InterestOption[], options) {
      change(options, (stored) => {
        const present = new Set(stored.tags.map((tag) => tag.id));
        for (const interest of interests) {
          if (!present.has(interest.id)) {
            stored.tags.push({ id: interest.id, label: interest.label, categoryId: interest.categoryId, source: 'selected' });
          }
        }
      });
    },
    setIntensity(categoryId, intensity, options) {
      change(options, (stored) => {
        stored.intensities[categoryId] = intensity;
      });
    },
    notInterested(feedback, options) {
      change(options, (stored) => {
        stored.feedback.push(structuredClone(feedback));
      });
    },
    subscribe: cell.subscribe,
  };
}

export interface MemoryTagsAdapterOptions {
  /** The box to store into. Default: a new one. Tests read it to check writes independently; two adapters may share one. */
  cell?: MemoryCell;
  /** Tags to start with, such as a story's sample user. */
  initial?: UserTagProfile;
}

/** Keeps tags in memory, for tests and stories. Writes edit the stored object in place; `load` hands out a copy. */
export function createMemoryTagsAdapter(options: MemoryTagsAdapterOptions = {}): Required<TagsAdapter> {
  const box = options.cell ?? { value: null };
  if (options.initial) {
    box.value = structuredClone(toStoredTags(options.initial));
  }
  const channel = memoryCellChannel(box, {});
  return tagsAdapterOn({
    read: () => {
      const stored = upgrade(box.value as Partial<StoredTags> | null);
      box.value = stored;
      return stored;
    },
    write: (value) => {
      box.value = value;
      channel.announce();
    },
    subscribe: channel.subscribe,
  });
}

export interface LocalStorageTagsAdapterOptions {
  /** The storage key. Default: `'algorights:tags'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Keeps tags in the browser's localStorage: the embedded default, for a
 * platform that keeps its tag profile on the device. Tabs and providers hear
 * of each other's changes. Corrupt JSON is `storage-corrupt`.
 */
export function createLocalStorageTagsAdapter(options: LocalStorageTagsAdapterOptions = {}): Required<TagsAdapter> {
  const json = createJsonStorageCell(options.key ?? 'algorights:tags', options.storage);
  return tagsAdapterOn({
    read: () => upgrade(json.read() as Partial<StoredTags> | null),
    write: (value) => json.write(value),
    subscribe: json.subscribe,
  });
}

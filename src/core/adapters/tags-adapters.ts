import type { InterestOption, NotInterestedFeedback, StoredPendingTags, TagIntensity, UserTag, UserTagProfile } from '../tags.js';
import { createJsonStorageCell, createLocalStorageCellAdapter, createMemoryCellAdapter, type KeyValueStorage } from './json-storage.js';
import type { MemoryCell } from './memory-preferences-adapter.js';
import type { PendingTagsAdapter, TagsAdapter } from './types.js';

/** The version of {@link StoredTags}. */
export const STORED_TAGS_VERSION = 1;

/**
 * What the memory and localStorage tags adapters store, and what
 * `runTagsAdapterConformance` expects an independent reader to return.
 */
export interface StoredTags {
  version: typeof STORED_TAGS_VERSION;
  tags: UserTag[];
  categories: UserTagProfile['categories'];
  intensities: Record<string, TagIntensity>;
  /** Every "not interested" feedback received, oldest first. */
  feedback: NotInterestedFeedback[];
}

/** Turns a profile into what the embedded adapters store, for seeding them. */
export function toStoredTags(profile: UserTagProfile): StoredTags {
  return {
    version: STORED_TAGS_VERSION,
    tags: profile.tags,
    categories: profile.categories,
    intensities: profile.intensities ?? {},
    feedback: [],
  };
}

/** Where an embedded adapter keeps its {@link StoredTags}; `read` may return the live object, which the adapter never hands out. */
interface StoredTagsCell {
  read(): StoredTags | null;
  write(value: StoredTags): void;
}

function emptyTags(): StoredTags {
  return { version: STORED_TAGS_VERSION, tags: [], categories: [], intensities: {}, feedback: [] };
}

function tagsAdapterOn(cell: StoredTagsCell): Required<TagsAdapter> {
  // The embedded adapters trust their own format; the store validates what `load` returns.
  // Edits work on what `read` returns and never on a caller's objects, so only `load`'s answer and the inputs are copied.
  const change = (edit: (stored: StoredTags) => void) => {
    const stored = cell.read() ?? emptyTags();
    edit(stored);
    cell.write(stored);
  };
  return {
    load() {
      const stored = cell.read();
      if (stored === null) {
        return null;
      }
      return structuredClone({ tags: stored.tags, categories: stored.categories, intensities: stored.intensities });
    },
    remove(ids) {
      const removed = new Set(ids);
      change((stored) => {
        stored.tags = stored.tags.filter((tag) => !removed.has(tag.id));
      });
    },
    restore(tags) {
      change((stored) => {
        const present = new Set(stored.tags.map((tag) => tag.id));
        stored.tags.push(...tags.filter((tag) => !present.has(tag.id)).map((tag) => structuredClone(tag)));
      });
    },
    select(interests: readonly InterestOption[]) {
      change((stored) => {
        const present = new Set(stored.tags.map((tag) => tag.id));
        const createdAt = new Date().toISOString();
        for (const interest of interests) {
          if (!present.has(interest.id)) {
            stored.tags.push({ id: interest.id, label: interest.label, categoryId: interest.categoryId, source: 'selected', createdAt });
          }
        }
      });
    },
    setIntensity(categoryId, intensity) {
      change((stored) => {
        stored.intensities[categoryId] = intensity;
      });
    },
    notInterested(feedback) {
      change((stored) => {
        stored.feedback.push(structuredClone(feedback));
      });
    },
  };
}

export interface MemoryTagsAdapterOptions {
  /** The box to store into. Default: a new one. Tests read it to check writes independently. */
  cell?: MemoryCell;
  /** Tags to start with, such as a story's sample user. */
  initial?: UserTagProfile;
}

/** Keeps tags in memory, for tests and stories. Values are copied in and out. */
export function createMemoryTagsAdapter(options: MemoryTagsAdapterOptions = {}): Required<TagsAdapter> {
  const cell = options.cell ?? { value: null };
  if (options.initial) {
    cell.value = structuredClone(toStoredTags(options.initial));
  }
  return tagsAdapterOn({
    read: () => (cell.value === null || cell.value === undefined ? null : (cell.value as StoredTags)),
    write: (value) => {
      cell.value = value;
    },
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
 * platform that keeps its tag profile on the device. Corrupt JSON is reported
 * as `storage-corrupt`.
 */
export function createLocalStorageTagsAdapter(options: LocalStorageTagsAdapterOptions = {}): Required<TagsAdapter> {
  const json = createJsonStorageCell(options.key ?? 'algorights:tags', options.storage, 'tags');
  return tagsAdapterOn({ read: () => json.read() as StoredTags | null, write: (value) => json.write(value) });
}

/** Pending tag actions in memory, for tests and stories. */
export function createMemoryPendingTagsAdapter(options: { cell?: MemoryCell } = {}): PendingTagsAdapter {
  return createMemoryCellAdapter<StoredPendingTags>(options.cell ?? { value: null });
}

/** Pending tag actions in localStorage: the default. */
export function createLocalStoragePendingTagsAdapter(options: LocalStorageTagsAdapterOptions = {}): PendingTagsAdapter {
  return createLocalStorageCellAdapter<StoredPendingTags>(options.key ?? 'algorights:pending-tags', options.storage, 'pending tag actions');
}

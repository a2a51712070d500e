import type { UserTag } from '../../tags.js';
import type { Awaitable } from '../../types.js';
import { STORED_TAGS_VERSION, type StoredTags } from '../tags-adapters.js';
import type { TagsAdapter } from '../types.js';
import type { ConformanceRunner } from './run-adapter-conformance.js';

/** The optional methods of a {@link TagsAdapter}. */
export type TagsAdapterCapability = 'restore' | 'select' | 'setIntensity' | 'notInterested';

/** One fresh tags adapter plus an independent view of what it stored. */
export interface TagsConformanceSubject {
  adapter: TagsAdapter;
  /** Reads what is stored, without going through the adapter, in the {@link StoredTags} shape: `null` when nothing is. */
  read(): Awaitable<StoredTags | null>;
  /** Stores a value without going through the adapter. */
  write(value: StoredTags): Awaitable<void>;
}

export interface TagsAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** The optional methods the adapter has; each is tested, and the adapter must have exactly these. */
  capabilities: readonly TagsAdapterCapability[];
  /** Returns a new, empty adapter for each test. */
  setup(): Awaitable<TagsConformanceSubject>;
}

const ALL_CAPABILITIES: readonly TagsAdapterCapability[] = ['restore', 'select', 'setIntensity', 'notInterested'];

function tag(id: string, categoryId = 'travel'): UserTag {
  return { id, label: `label ${id}`, categoryId, source: 'inferred', createdAt: '2026-11-01T08:00:00.000Z' };
}

function sample(): StoredTags {
  return {
    version: STORED_TAGS_VERSION,
    tags: [tag('camping'), tag('hiking'), tag('football', 'sports')],
    categories: [
      { id: 'travel', label: 'Travel' },
      { id: 'sports', label: 'Sports' },
    ],
    intensities: { sports: 'less' },
    feedback: [],
  };
}

const ids = (stored: StoredTags | null) => (stored?.tags ?? []).map((entry) => entry.id).sort();

/**
 * Checks a {@link TagsAdapter} against the interface's contract, through an
 * independent reader, the same way `runAdapterConformance` checks a
 * preferences adapter:
 *
 * ```ts
 * runTagsAdapterConformance({ describe, test, beforeEach, expect }, {
 *   name: 'http', capabilities: ['select', 'notInterested'], setup: … });
 * ```
 */
export function runTagsAdapterConformance(runner: ConformanceRunner, options: TagsAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  const has = (capability: TagsAdapterCapability) => options.capabilities.includes(capability);
  describe(`TagsAdapter conformance: ${options.name}`, () => {
    let subject: TagsConformanceSubject;
    beforeEach(async () => {
      subject = await options.setup();
    });

    test('has load() and remove(), and exactly the optional methods it declares', async () => {
      expect([typeof subject.adapter.load, typeof subject.adapter.remove]).toEqual(['function', 'function']);
      const present = ALL_CAPABILITIES.filter((capability) => typeof subject.adapter[capability] === 'function');
      expect(present).toEqual(ALL_CAPABILITIES.filter(has));
    });

    test('load() returns null when nothing is stored', async () => {
      expect(await subject.adapter.load()).toBeNull();
    });

    test('load() returns the tags, categories and intensities another writer stored', async () => {
      const stored = sample();
      await subject.write(stored);
      const loaded = await subject.adapter.load();
      expect(loaded?.tags).toEqual(stored.tags);
      expect(loaded?.categories).toEqual(stored.categories);
      expect(loaded?.intensities ?? {}).toEqual(stored.intensities);
    });

    test('remove() deletes exactly the given tags, as an independent reader sees it', async () => {
      await subject.write(sample());
      await subject.adapter.remove(['camping', 'football']);
      expect(ids(await subject.read())).toEqual(['hiking']);
    });

    test('remove() of tags that are already gone is not an error', async () => {
      await subject.write(sample());
      await subject.adapter.remove(['camping']);
      await subject.adapter.remove(['camping', 'no-such-tag']);
      expect(ids(await subject.read())).toEqual(['football', 'hiking']);
    });

    test('changing a loaded profile afterwards does not change what is stored', async () => {
      await subject.write(sample());
      const loaded = await subject.adapter.load();
      loaded?.tags.splice(0, 1);
      expect(ids(await subject.read())).toEqual(['camping', 'football', 'hiking']);
    });

    if (has('restore')) {
      test('restore() puts deleted tags back once, with what they carried', async () => {
        await subject.write(sample());
        await subject.adapter.remove(['camping']);
        await subject.adapter.restore?.([tag('camping')]);
        await subject.adapter.restore?.([tag('camping')]);
        const stored = await subject.read();
        expect(ids(stored)).toEqual(['camping', 'football', 'hiking']);
        expect(stored?.tags.find((entry) => entry.id === 'camping')).toEqual(tag('camping'));
      });
    }

    if (has('select')) {
      test('select() adds chosen interests once, marked as selected', async () => {
        await subject.write(sample());
        await subject.adapter.select?.([{ id: 'cycling', label: 'Cycling', categoryId: 'sports' }]);
        await subject.adapter.select?.([{ id: 'cycling', label: 'Cycling', categoryId: 'sports' }]);
        const stored = await subject.read();
        expect(ids(stored)).toEqual(['camping', 'cycling', 'football', 'hiking']);
        const cycling = stored?.tags.find((entry) => entry.id === 'cycling');
        expect([cycling?.label, cycling?.categoryId, cycling?.source]).toEqual(['Cycling', 'sports', 'selected']);
      });
    }

    if (has('setIntensity')) {
      test('setIntensity() records the intensity of one category', async () => {
        await subject.write(sample());
        await subject.adapter.setIntensity?.('travel', 'more');
        expect((await subject.read())?.intensities).toEqual({ sports: 'less', travel: 'more' });
      });
    }

    if (has('notInterested')) {
      test('notInterested() records the feedback with its reason', async () => {
        await subject.write(sample());
        await subject.adapter.notInterested?.({ itemId: 'item-7', reasonId: 'seen-too-often' });
        expect((await subject.read())?.feedback).toEqual([{ itemId: 'item-7', reasonId: 'seen-too-often' }]);
      });
    }
  });
}

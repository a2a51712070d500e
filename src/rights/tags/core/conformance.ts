import type { NotInterestedFeedback, TagIntensity, UserTag, UserTagProfile } from './model.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { TagsAdapter } from './adapter.js';
import { abortedOptions, fails, readOptions, writeOptions, type ConformanceRunner } from '../../../kernel/core/adapters/conformance.js';

/** The optional methods of a {@link TagsAdapter}. */
export type TagsAdapterCapability = 'restore' | 'select' | 'setIntensity' | 'notInterested';

/** Reads and seeds a tags adapter's storage without going through it, entity by entity. */
export interface TagsInspector {
  /** Stores a user's profile as the platform would. */
  seed(profile: UserTagProfile): Awaitable<void>;
  /** The ids of the stored tags, in any order. */
  tagIds(): Awaitable<string[]>;
  /** One stored tag, or `null`. */
  tag(id: string): Awaitable<UserTag | null>;
  /** A category's stored intensity, or `null` when none is set. */
  intensity(categoryId: string): Awaitable<TagIntensity | null>;
  /** Every "not interested" feedback recorded, oldest first. */
  feedback(): Awaitable<NotInterestedFeedback[]>;
}

export interface TagsAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** The optional methods the adapter has; each is tested, and the adapter must have exactly these. */
  capabilities: readonly TagsAdapterCapability[];
  /** Returns a new, empty adapter for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: TagsAdapter; inspector: TagsInspector }>;
}

const ALL_CAPABILITIES: readonly TagsAdapterCapability[] = ['restore', 'select', 'setIntensity', 'notInterested'];

function tag(id: string, categoryId = 'travel'): UserTag {
  return { id, label: `label ${id}`, categoryId, source: 'inferred', createdAt: '2026-11-01T08:00:00.000Z' };
}

function sample(): UserTagProfile {
  return {
    tags: [tag('camping'), tag('hiking'), tag('football', 'sports')],
    categories: [
      { id: 'travel', label: 'Travel' },
      { id: 'sports', label: 'Sports' },
    ],
    intensities: { sports: 'less' },
  };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

/**
 * Checks a {@link TagsAdapter} against contract v2, reading back through the
 * inspector you supply, the way `runPreferencesAdapterConformance` checks a
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
    let adapter: TagsAdapter;
    let inspector: TagsInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('has load() and remove(), and exactly the optional methods it declares', async () => {
      expect([typeof adapter.load, typeof adapter.remove]).toEqual(['function', 'function']);
      expect(ALL_CAPABILITIES.filter((capability) => typeof adapter[capability] === 'function')).toEqual(ALL_CAPABILITIES.filter(has));
    });

    test('load() returns null when nothing is stored', async () => {
      expect(await adapter.load(readOptions())).toBeNull();
    });

    test('load() returns the tags, categories and intensities the platform stored', async () => {
      await inspector.seed(sample());
      const loaded = await adapter.load(readOptions());
      expect(loaded?.tags).toEqual(sample().tags);
      expect(loaded?.categories).toEqual(sample().categories);
      expect(loaded?.intensities ?? {}).toEqual(sample().intensities);
    });

    test('remove() deletes exactly the given tags, as the inspector sees it', async () => {
      await inspector.seed(sample());
      await adapter.remove(['camping', 'football'], writeOptions());
      expect(sorted(await inspector.tagIds())).toEqual(['hiking']);
    });

    test('remove() of tags that are already gone is not an error', async () => {
      await inspector.seed(sample());
      await adapter.remove(['camping'], writeOptions());
      await adapter.remove(['camping', 'no-such-tag'], writeOptions());
      expect(sorted(await inspector.tagIds())).toEqual(['football', 'hiking']);
    });

    test('a remove() whose signal is aborted fails and deletes nothing', async () => {
      await inspector.seed(sample());
      expect(await fails(() => adapter.remove(['camping'], abortedOptions()))).toEqual(true);
      expect(sorted(await inspector.tagIds())).toEqual(['camping', 'football', 'hiking']);
    });

    test('changing a loaded profile afterwards does not change what is stored', async () => {
      await inspector.seed(sample());
      const loaded = await adapter.load(readOptions());
      loaded?.tags.splice(0, 1);
      expect(sorted(await inspector.tagIds())).toEqual(['camping', 'football', 'hiking']);
    });

    if (has('restore')) {
      test('restore() puts deleted tags back once, with what they carried', async () => {
        await inspector.seed(sample());
        await adapter.remove(['camping'], writeOptions());
        await adapter.restore?.([tag('camping')], writeOptions());
        await adapter.restore?.([tag('camping')], writeOptions());
        expect(sorted(await inspector.tagIds())).toEqual(['camping', 'football', 'hiking']);
        expect(await inspector.tag('camping')).toEqual(tag('camping'));
      });
    }

    if (has('select')) {
      test('select() adds chosen interests once, marked as selected', async () => {
        await inspector.seed(sample());
        await adapter.select?.([{ id: 'cycling', label: 'Cycling', categoryId: 'sports' }], writeOptions());
        await adapter.select?.([{ id: 'cycling', label: 'Cycling', categoryId: 'sports' }], writeOptions());
        expect(sorted(await inspector.tagIds())).toEqual(['camping', 'cycling', 'football', 'hiking']);
        const cycling = await inspector.tag('cycling');
        expect([cycling?.label, cycling?.categoryId, cycling?.source]).toEqual(['Cycling', 'sports', 'selected']);
      });
    }

    if (has('setIntensity')) {
      test('setIntensity() records the intensity of one category', async () => {
        await inspector.seed(sample());
        await adapter.setIntensity?.('travel', 'more', writeOptions());
        expect([await inspector.intensity('travel'), await inspector.intensity('sports')]).toEqual(['more', 'less']);
      });
    }

    if (has('notInterested')) {
      test('notInterested() records the feedback with its reason', async () => {
        await inspector.seed(sample());
        await adapter.notInterested?.({ itemId: 'item-7', reasonId: 'repetitive' }, writeOptions());
        expect(await inspector.feedback()).toEqual([{ itemId: 'item-7', reasonId: 'repetitive' }]);
      });

      test('notInterested() retried with the same idempotency key has one effect', async () => {
        await inspector.seed(sample());
        const options = writeOptions();
        await adapter.notInterested?.({ itemId: 'item-7' }, options);
        await adapter.notInterested?.({ itemId: 'item-7' }, options);
        await adapter.notInterested?.({ itemId: 'item-7' }, writeOptions());
        expect((await inspector.feedback()).length).toEqual(2);
      });

      test('a notInterested() whose signal is aborted fails and records nothing', async () => {
        await inspector.seed(sample());
        expect(await fails(() => adapter.notInterested?.({ itemId: 'item-7' }, abortedOptions()))).toEqual(true);
        expect(await inspector.feedback()).toEqual([]);
      });
    }
  });
}

import { allRevisions } from './model.js';
import type { Awaitable, PreferencesRecord } from '../../../kernel/core/types.js';
import type { PreferencesAdapter } from './adapter.js';
import { abortedOptions, fails, readOptions, writeOptions, type ConformanceRunner } from '../../../kernel/core/adapters/conformance.js';

/** Reads and seeds what a preferences adapter stored without going through it, so the adapter never grades its own writes. */
export interface PreferencesInspector {
  /** The stored record, in the domain shape; `null` when none. */
  stored(): Awaitable<PreferencesRecord | null>;
  /** Stores a record as another writer (another device) would. */
  seed(record: PreferencesRecord): Awaitable<void>;
}

export interface PreferencesAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** Returns a new, empty adapter for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: PreferencesAdapter; inspector: PreferencesInspector }>;
}

function record(
  overrides: { master?: 'personalized' | 'non-personalized'; feed?: 'personalized' | 'non-personalized'; ads?: 'personalized' | 'non-personalized'; strategy?: string | null } = {},
  revisions: Partial<PreferencesRecord['revisions']> = {},
): PreferencesRecord {
  return {
    preferences: {
      master: overrides.master ?? 'personalized',
      scopes: { feed: overrides.feed ?? 'personalized', ads: overrides.ads ?? 'non-personalized', push: 'personalized', search: 'non-personalized' },
      strategy: overrides.strategy ?? null,
    },
    revisions: { ...allRevisions(1), ...revisions },
  };
}

/**
 * Checks a {@link PreferencesAdapter} against contract v2, reading back
 * through the inspector you supply. Run it in your own test file:
 *
 * ```ts
 * import { beforeEach, describe, expect, test } from 'vitest';
 * runPreferencesAdapterConformance({ describe, test, beforeEach, expect }, { name: 'http', setup: … });
 * ```
 */
export function runPreferencesAdapterConformance(runner: ConformanceRunner, options: PreferencesAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`PreferencesAdapter conformance: ${options.name}`, () => {
    let adapter: PreferencesAdapter;
    let inspector: PreferencesInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('load() returns null when nothing is stored', async () => {
      expect(await adapter.load(readOptions())).toBeNull();
    });

    test('save() stores exactly the record, as the inspector sees it', async () => {
      await adapter.save(record({ strategy: 'popular-nearby' }), writeOptions());
      expect(await inspector.stored()).toEqual(record({ strategy: 'popular-nearby' }));
    });

    test('load() returns what another writer stored', async () => {
      await inspector.seed(record({ master: 'non-personalized' }, { master: 7 }));
      expect(await adapter.load(readOptions())).toEqual(record({ master: 'non-personalized' }, { master: 7 }));
    });

    test('save() keeps, field by field, the value with the higher revision', async () => {
      await inspector.seed(record({ feed: 'non-personalized' }, { feed: 5 }));
      await adapter.save(record({ feed: 'personalized', ads: 'non-personalized' }, { feed: 3, ads: 6 }), writeOptions());
      expect(await inspector.stored()).toEqual(record({ feed: 'non-personalized', ads: 'non-personalized' }, { feed: 5, ads: 6 }));
    });

    test('on equal revisions save() keeps the non-personalized value', async () => {
      await inspector.seed(record({ feed: 'non-personalized' }, { feed: 5 }));
      await adapter.save(record({ feed: 'personalized' }, { feed: 5 }), writeOptions());
      expect((await inspector.stored())?.preferences.scopes.feed).toEqual('non-personalized');
    });

    test('a retried save() with the same key never goes back over a newer value', async () => {
      const options = writeOptions();
      await adapter.save(record({ feed: 'personalized' }, { feed: 2 }), options);
      await inspector.seed(record({ feed: 'non-personalized' }, { feed: 9 }));
      await adapter.save(record({ feed: 'personalized' }, { feed: 2 }), options);
      expect((await inspector.stored())?.preferences.scopes.feed).toEqual('non-personalized');
    });

    test('a save() whose signal is aborted fails and stores nothing', async () => {
      expect(await fails(() => adapter.save(record(), abortedOptions()))).toEqual(true);
      expect(await inspector.stored()).toBeNull();
    });

    test('save() resolves with nothing, or with the record now stored', async () => {
      await inspector.seed(record({ ads: 'personalized' }, { ads: 4 }));
      const answer = await adapter.save(record({ feed: 'non-personalized' }, { feed: 3 }), writeOptions());
      if (answer !== undefined) {
        expect(answer).toEqual(await inspector.stored());
      }
    });

    test('changing a saved or loaded object afterwards does not change what is stored', async () => {
      const value = record();
      await adapter.save(value, writeOptions());
      value.preferences.master = 'non-personalized';
      const loaded = await adapter.load(readOptions());
      if (loaded) {
        loaded.preferences.scopes.feed = 'non-personalized';
      }
      expect(await inspector.stored()).toEqual(record());
    });
  });
}

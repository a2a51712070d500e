import { PREFERENCES_VERSION, type StoredPreferences } from '../../schema.js';
import type { Awaitable } from '../../types.js';
import type { PreferencesAdapter } from '../types.js';

/** The parts of a test runner the suite needs; Vitest's and Jest's globals fit. */
export interface ConformanceRunner {
  describe(name: string, body: () => void): void;
  test(name: string, body: () => Promise<void>): void;
  beforeEach(body: () => Awaitable<void>): void;
  expect(actual: unknown): { toEqual(expected: unknown): void; toBeNull(): void };
}

/**
 * One fresh adapter plus an independent view of what it stored, so that the
 * adapter never grades its own writes.
 */
export interface ConformanceSubject {
  adapter: PreferencesAdapter;
  /** Reads what is stored without going through the adapter: `null` when nothing is. */
  read(): Awaitable<unknown>;
  /** Stores a value without going through the adapter. */
  write(value: unknown): Awaitable<void>;
}

export interface AdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** Returns a new, empty adapter for each test. */
  setup(): Awaitable<ConformanceSubject>;
}

function sample(overrides: Partial<Omit<StoredPreferences['personalization'], 'strategy'>> & { strategy?: string | null } = {}, updatedAt = '2026-01-01T00:00:00.000Z'): StoredPreferences {
  return {
    version: PREFERENCES_VERSION,
    personalization: {
      master: 'personalized',
      scopes: { feed: 'personalized', ads: 'non-personalized', push: 'personalized', search: 'non-personalized' },
      strategy: null,
      ...overrides,
    },
    updatedAt,
  };
}

/**
 * Checks a {@link PreferencesAdapter} against the interface's contract. Run it
 * in your own test file for your own adapter:
 *
 * ```ts
 * import { describe, test, beforeEach, expect } from 'vitest';
 * runAdapterConformance({ describe, test, beforeEach, expect }, { name: 'http', setup: … });
 * ```
 */
export function runAdapterConformance(runner: ConformanceRunner, options: AdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`PreferencesAdapter conformance: ${options.name}`, () => {
    let subject: ConformanceSubject;
    beforeEach(async () => {
      subject = await options.setup();
    });

    test('load() returns null when nothing is stored', async () => {
      expect(await subject.adapter.load()).toBeNull();
    });

    test('save() stores exactly what it was given, as an independent reader sees it', async () => {
      const value = sample();
      await subject.adapter.save(value);
      expect(await subject.read()).toEqual(value);
    });

    test('load() returns what another writer stored', async () => {
      const value = sample({ master: 'non-personalized' });
      await subject.write(value);
      expect(await subject.adapter.load()).toEqual(value);
    });

    test('a second save() replaces the first', async () => {
      await subject.adapter.save(sample());
      const second = sample({ master: 'non-personalized' }, '2026-02-01T00:00:00.000Z');
      await subject.adapter.save(second);
      expect(await subject.read()).toEqual(second);
      expect(await subject.adapter.load()).toEqual(second);
    });

    test('clear() removes the stored value', async () => {
      await subject.adapter.save(sample());
      await subject.adapter.clear();
      expect(await subject.read()).toBeNull();
      expect(await subject.adapter.load()).toBeNull();
    });

    test('changing a saved or loaded object afterwards does not change what is stored', async () => {
      const value = sample();
      await subject.adapter.save(value);
      value.personalization.master = 'non-personalized';
      const loaded = await subject.adapter.load();
      if (loaded) {
        loaded.personalization.scopes.feed = 'non-personalized';
      }
      expect(await subject.read()).toEqual(sample());
    });
  });
}

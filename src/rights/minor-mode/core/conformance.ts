import { defaultMinorModeSettings, type MinorModeRecord, type MinorModeUsage } from './model.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { MinorModeAdapter } from './adapter.js';
import { abortedOptions, fails, readOptions, writeOptions, type ConformanceRunner } from '../../../kernel/core/adapters/conformance.js';

/** Reads a minor-mode adapter's storage without going through it. */
export interface MinorModeInspector {
  /** The stored record, or `null`. */
  record(): Awaitable<MinorModeRecord | null>;
  /** The stored usage, or `null`. */
  usage(): Awaitable<MinorModeUsage | null>;
  /** Everything stored for the PIN, as text (for checking that the PIN itself is not there), or `null`. */
  pinStorage(): Awaitable<string | null>;
}

export interface MinorModeAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** Returns a new, empty adapter for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: MinorModeAdapter; inspector: MinorModeInspector }>;
}

function record(revision: number, on = true): MinorModeRecord {
  return { on, source: 'guardian', settings: defaultMinorModeSettings('8-12'), revision };
}

function usage(): MinorModeUsage {
  return {
    day: '2026-11-30',
    usedMs: 1_200_000,
    grantedMs: 0,
    continuousMs: 600_000,
    spent: 500,
    lastRecordedAt: Date.UTC(2026, 10, 30, 4),
    promptDay: '2026-11-30',
    failures: 2,
    lockedUntil: null,
    on: true,
  };
}

/**
 * Checks a {@link MinorModeAdapter} against its contract, reading back through the inspector you supply:
 *
 * ```ts
 * runMinorModeAdapterConformance({ describe, test, beforeEach, expect }, { name: 'http', setup: … });
 * ```
 */
export function runMinorModeAdapterConformance(runner: ConformanceRunner, options: MinorModeAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`MinorModeAdapter conformance: ${options.name}`, () => {
    let adapter: MinorModeAdapter;
    let inspector: MinorModeInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('load() and loadUsage() return null when nothing is stored, and hasPin() false', async () => {
      expect(await adapter.load(readOptions())).toBeNull();
      expect(await adapter.loadUsage(readOptions())).toBeNull();
      expect(await adapter.hasPin(readOptions())).toEqual(false);
    });

    test('save() stores the record, and load() returns it', async () => {
      await adapter.save(record(10), writeOptions());
      expect(await inspector.record()).toEqual(record(10));
      expect(await adapter.load(readOptions())).toEqual(record(10));
    });

    test('save() keeps a stored record of a higher revision', async () => {
      await adapter.save(record(20, true), writeOptions());
      await adapter.save(record(10, false), writeOptions());
      expect(await inspector.record()).toEqual(record(20, true));
    });

    test('a save() whose signal is aborted fails and stores nothing', async () => {
      expect(await fails(() => adapter.save(record(10), abortedOptions()))).toEqual(true);
      expect(await inspector.record()).toBeNull();
    });

    test('changing a loaded record afterwards does not change what is stored', async () => {
      await adapter.save(record(10), writeOptions());
      const loaded = await adapter.load(readOptions());
      if (loaded) {
        loaded.on = false;
      }
      expect((await inspector.record())?.on).toEqual(true);
    });

    test('saveUsage() stores the usage, and loadUsage() returns it', async () => {
      await adapter.saveUsage(usage());
      expect(await inspector.usage()).toEqual(usage());
      expect(await adapter.loadUsage(readOptions())).toEqual(usage());
    });

    test('setPin() keeps no trace of the PIN itself; verifyPin() accepts it and refuses another', async () => {
      await adapter.setPin('482913', writeOptions());
      expect(await adapter.hasPin(readOptions())).toEqual(true);
      const stored = (await inspector.pinStorage()) ?? '';
      expect([stored.length > 0, stored.includes('482913')]).toEqual([true, false]);
      expect(await adapter.verifyPin('482913', readOptions())).toEqual(true);
      expect(await adapter.verifyPin('482914', readOptions())).toEqual(false);
    });

    test('the same PIN set twice is stored differently (a new salt each time)', async () => {
      await adapter.setPin('2468', writeOptions());
      const first = await inspector.pinStorage();
      await adapter.setPin('2468', writeOptions());
      expect(first === (await inspector.pinStorage())).toEqual(false);
      expect(await adapter.verifyPin('2468', readOptions())).toEqual(true);
    });

    test('verifyPin() is false while no PIN is set', async () => {
      expect(await adapter.verifyPin('1234', readOptions())).toEqual(false);
    });
  });
}

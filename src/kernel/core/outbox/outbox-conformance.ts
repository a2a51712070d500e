import type { OutboxEntry } from './outbox.js';
import type { Awaitable } from '../types.js';
import type { OutboxAdapter } from '../adapters/types.js';
import { readOptions, type ConformanceRunner } from '../adapters/conformance.js';

/** Reads and seeds an outbox's storage without going through the adapter. */
export interface OutboxInspector {
  /** The stored values, oldest first; `[]` when none. */
  entries(): Awaitable<unknown[]>;
  /** Stores values as another tab (or a corrupting bug) would. */
  seed(values: unknown[]): Awaitable<void>;
  /** What was set aside, oldest first. */
  setAside(): Awaitable<unknown[]>;
}

export interface OutboxAdapterConformanceOptions {
  name: string;
  /** Returns a new, empty outbox for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: OutboxAdapter; inspector: OutboxInspector }>;
}

function entry(key: string, args: unknown[] = [['camping']]): OutboxEntry {
  return {
    key,
    slice: 'tags',
    action: 'remove',
    adapter: 'tags',
    method: 'remove',
    args,
    policy: 'protective',
    target: 'tags',
    correlationId: `correlation-${key}`,
    createdAt: '2026-11-30T08:00:00.000Z',
    attempts: 0,
  };
}

/**
 * Checks an {@link OutboxAdapter} against its contract, reading back through
 * the inspector you supply.
 */
export function runOutboxAdapterConformance(runner: ConformanceRunner, options: OutboxAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`OutboxAdapter conformance: ${options.name}`, () => {
    let adapter: OutboxAdapter;
    let inspector: OutboxInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('load() returns null or nothing when the outbox is empty', async () => {
      const loaded = await adapter.load(readOptions());
      expect(loaded === null || loaded.length === 0).toEqual(true);
    });

    test('put() stores entries in order, as the inspector sees them', async () => {
      await adapter.put([entry('a')]);
      await adapter.put([entry('b'), entry('c')]);
      expect(await inspector.entries()).toEqual([entry('a'), entry('b'), entry('c')]);
    });

    test('put() of a key already stored replaces that entry', async () => {
      await adapter.put([entry('a'), entry('b')]);
      await adapter.put([{ ...entry('a'), attempts: 3 }]);
      const stored = (await inspector.entries()) as OutboxEntry[];
      expect(stored.map((value) => [value.key, value.attempts])).toEqual([
        ['b', 0],
        ['a', 3],
      ]);
    });

    test('delete() removes the entries with the given keys and ignores unknown keys', async () => {
      await adapter.put([entry('a'), entry('b'), entry('c')]);
      await adapter.delete(['a', 'c', 'unknown']);
      expect(await inspector.entries()).toEqual([entry('b')]);
    });

    test('load() returns what another tab stored, invalid values included, for the kit to check', async () => {
      await inspector.seed([entry('a'), { not: 'an entry' }]);
      expect(await adapter.load(readOptions())).toEqual([entry('a'), { not: 'an entry' }]);
    });

    test('setAside() takes values out of the outbox and keeps them for inspection', async () => {
      await inspector.seed([entry('a'), { not: 'an entry' }]);
      await adapter.setAside([{ not: 'an entry' }]);
      expect(await inspector.entries()).toEqual([entry('a')]);
      expect(await inspector.setAside()).toEqual([{ not: 'an entry' }]);
    });

    test('changing a put entry afterwards does not change what is stored', async () => {
      const value = entry('a');
      await adapter.put([value]);
      value.args = [['changed']];
      expect(await inspector.entries()).toEqual([entry('a')]);
    });
  });
}

import type { ConsentReceipt, StoredConsentReceipt } from './model.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { ConsentAdapter } from './adapter.js';
import { abortedOptions, fails, readOptions, writeOptions, type ConformanceRunner } from '../../../kernel/core/adapters/conformance.js';

/** Reads and seeds a consent adapter's storage without going through it. */
export interface ConsentInspector {
  /** Stores receipts as the backend would, such as ones from another device. */
  seed(receipts: readonly StoredConsentReceipt[]): Awaitable<void>;
  /** Every stored receipt, in any order. */
  receipts(): Awaitable<StoredConsentReceipt[]>;
}

export interface ConsentAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** Returns a new, empty adapter for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: ConsentAdapter; inspector: ConsentInspector }>;
}

function receipt(recordId = 'rec-1', event: ConsentReceipt['event'] = 'given'): ConsentReceipt {
  return {
    recordId,
    documentId: 'service-agreement',
    documentVersion: '2026-11',
    textSha256: 'a'.repeat(64),
    locale: 'zh-CN',
    event,
    collectedAt: '2026-11-30T08:00:00.000Z',
    collectionMethod: 'checkbox-in-dialog',
    purposes: ['service-agreement'],
    subjectId: 'user-42',
  };
}

const withoutStorage = ({ receiptId: _id, storedAt: _at, ...rest }: StoredConsentReceipt) => rest;

/**
 * Checks a {@link ConsentAdapter} against its contract, reading back through the inspector you supply:
 *
 * ```ts
 * runConsentAdapterConformance({ describe, test, beforeEach, expect }, { name: 'http', setup: … });
 * ```
 */
export function runConsentAdapterConformance(runner: ConformanceRunner, options: ConsentAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`ConsentAdapter conformance: ${options.name}`, () => {
    let adapter: ConsentAdapter;
    let inspector: ConsentInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('has load() and record()', async () => {
      expect([typeof adapter.load, typeof adapter.record]).toEqual(['function', 'function']);
    });

    test('load() is empty or null when the user has no receipts', async () => {
      expect(((await adapter.load(readOptions())) ?? []).length).toEqual(0);
    });

    test('record() stores the receipt as given, and returns it with a receipt id and the time stored', async () => {
      const stored = await adapter.record(receipt(), writeOptions());
      expect([typeof stored.receiptId, stored.receiptId.length > 0, Number.isNaN(Date.parse(stored.storedAt))]).toEqual(['string', true, false]);
      expect(withoutStorage(stored)).toEqual(receipt());
      const kept = await inspector.receipts();
      expect(kept.map(withoutStorage)).toEqual([receipt()]);
      expect(kept[0]?.receiptId).toEqual(stored.receiptId);
    });

    test('a repeated key stores one receipt, and returns it again', async () => {
      const options = writeOptions();
      const first = await adapter.record(receipt(), options);
      const again = await adapter.record(receipt(), options);
      expect(again.receiptId).toEqual(first.receiptId);
      expect((await inspector.receipts()).length).toEqual(1);
      await adapter.record(receipt('rec-2', 'withdrawn'), writeOptions());
      expect((await inspector.receipts()).length).toEqual(2);
    });

    test('receipts are kept, never replaced: a withdrawal adds to the consent it withdraws', async () => {
      await adapter.record(receipt('rec-1', 'given'), writeOptions());
      await adapter.record(receipt('rec-2', 'withdrawn'), writeOptions());
      expect((await inspector.receipts()).map((stored) => stored.event).sort()).toEqual(['given', 'withdrawn']);
    });

    test('a record() whose signal is aborted fails and stores nothing', async () => {
      expect(await fails(() => adapter.record(receipt(), abortedOptions()))).toEqual(true);
      expect((await inspector.receipts()).length).toEqual(0);
    });

    test('load() returns the receipts the backend stored', async () => {
      const stored: StoredConsentReceipt = { ...receipt(), receiptId: 'R-1', storedAt: '2026-11-30T08:00:01.000Z' };
      await inspector.seed([stored]);
      expect(await adapter.load(readOptions())).toEqual([stored]);
    });

    test('changing a loaded receipt afterwards does not change what is stored', async () => {
      await inspector.seed([{ ...receipt(), receiptId: 'R-1', storedAt: '2026-11-30T08:00:01.000Z' }]);
      const [loaded] = (await adapter.load(readOptions())) ?? [];
      if (loaded) {
        (loaded as { event: string }).event = 'withdrawn';
      }
      expect(((await adapter.load(readOptions())) ?? [])[0]?.event).toEqual('given');
    });
  });
}

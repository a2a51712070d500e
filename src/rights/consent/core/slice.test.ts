import { beforeEach, describe, expect, test } from 'vitest';
import { runConsentAdapterConformance } from './conformance.js';
import { createLocalStorageConsentAdapter, createMemoryConsentAdapter, type StoredConsent } from './adapters.js';
import { withAdapterFaults } from '../../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../../kernel/core/outbox/outbox-adapters.js';
import type { MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { ConsentAdapter } from './adapter.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import { consentStanding, createConsentReceipt, type ConsentDocument } from './model.js';
import type { RightsEvent } from '../../../kernel/core/events.js';
import { createRightsStore } from '../../../store.js';
import { consentSlice, selectEffectiveReceipts, selectPendingConsent, type RightsStateWithConsent } from './slice.js';

const runner = { describe, test, beforeEach, expect };

runConsentAdapterConformance(runner, {
  name: 'memory',
  setup() {
    const cell: MemoryCell = { value: null };
    return {
      adapter: createMemoryConsentAdapter({ cell }),
      inspector: {
        seed: (receipts) => {
          cell.value = { version: 1, receipts: structuredClone([...receipts]), keys: [] } satisfies StoredConsent;
        },
        receipts: () => structuredClone((cell.value as StoredConsent | null)?.receipts ?? []),
      },
    };
  },
});

runConsentAdapterConformance(runner, {
  name: 'localStorage',
  setup() {
    localStorage.clear();
    const key = 'conformance:consent';
    return {
      adapter: createLocalStorageConsentAdapter({ key }),
      inspector: {
        seed: (receipts) => localStorage.setItem(key, JSON.stringify({ version: 1, receipts, keys: [] })),
        receipts: () => (JSON.parse(localStorage.getItem(key) ?? '{"receipts":[]}') as StoredConsent).receipts,
      },
    };
  },
});

const agreement: ConsentDocument = {
  id: 'service-agreement',
  version: '2026-11',
  kind: 'service-agreement',
  title: '用户服务协议',
  effectiveDate: '2026-11-01',
  text: '一、服务内容\n本服务向注册用户提供……',
};

function open(options: { adapter?: ConsentAdapter; cell?: MemoryCell; outbox?: MemoryCell; clock?: ReturnType<typeof createManualClock> } = {}) {
  const clock = options.clock ?? createManualClock(Date.parse('2026-11-30T08:00:00Z'));
  const events: RightsEvent[] = [];
  const cell = options.cell ?? { value: null };
  const store = createRightsStore({
    clock,
    adapters: {
      consent: options.adapter ?? createMemoryConsentAdapter({ cell, now: clock.now }),
      outbox: createMemoryOutboxAdapter({ cell: options.outbox ?? { value: null } }),
    },
    onEvent: (event) => events.push(event),
    slices: [consentSlice],
    retryDelayMs: 1000,
  });
  const stop = store.connect();
  const state = () => store.getState() as RightsStateWithConsent;
  state().loadConsent();
  return { store, state, clock, events, cell, stop };
}

const receiptFor = (event: 'given' | 'declined' | 'withdrawn', now: number) => createConsentReceipt(agreement, { event, locale: 'zh-CN', subjectId: 'user-1', now });

describe('consent slice', () => {
  test('giving consent is submit-once: in effect once the adapter stored the receipt, with its id and time', async () => {
    const { state, clock, cell } = open();
    await state().recordConsent(await receiptFor('given', clock.now()));
    await clock.settle();
    expect(selectPendingConsent(state())).toEqual([]);
    const [stored] = state().consent.receipts;
    expect(stored).toMatchObject({ event: 'given', documentVersion: '2026-11' });
    expect(stored?.receiptId).toMatch(/.+/);
    expect((cell.value as StoredConsent).receipts).toHaveLength(1);
    expect(consentStanding(selectEffectiveReceipts(state()), agreement, clock.now()).standing).toBe('given');
  });

  test('while the receipt cannot be stored, the consent is not in effect; retried with one key, the backend stores one receipt', async () => {
    const cell: MemoryCell = { value: null };
    const keys: string[] = [];
    const backend = createMemoryConsentAdapter({ cell });
    let online = false;
    const adapter: ConsentAdapter = {
      ...backend,
      // The backend stores it, but the answer is lost while offline.
      record(receipt, options) {
        keys.push(options.idempotencyKey);
        const stored = backend.record(receipt, options);
        if (!online) {
          throw new Error('offline');
        }
        return stored;
      },
    };
    const { state, clock } = open({ adapter });
    await state().recordConsent(await receiptFor('given', clock.now()));
    await clock.settle();
    expect(selectPendingConsent(state())).toHaveLength(1);
    expect(consentStanding(selectEffectiveReceipts(state()), agreement, clock.now()).standing).toBe('ask');
    await clock.advance(1000);
    online = true;
    await clock.advance(2000);
    expect(selectPendingConsent(state())).toEqual([]);
    expect(new Set(keys).size).toBe(1);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect((cell.value as StoredConsent).receipts).toHaveLength(1);
    expect(consentStanding(selectEffectiveReceipts(state()), agreement, clock.now()).standing).toBe('given');
  });

  test('a withdrawal is protective: in effect at once, kept through a reload while the backend fails, then stored', async () => {
    const outbox: MemoryCell = { value: null };
    const cell: MemoryCell = { value: null };
    const clock = createManualClock(Date.parse('2026-11-30T08:00:00Z'));
    const given = await receiptFor('given', clock.now());
    createMemoryConsentAdapter({ cell, initial: [{ ...given, receiptId: 'R-1', storedAt: given.collectedAt }] });
    const first = open({ adapter: withAdapterFaults(createMemoryConsentAdapter({ cell }), { reject: ['record'] }), outbox, clock });
    await clock.settle();
    await first.state().recordConsent(await receiptFor('withdrawn', clock.now()));
    await clock.settle();
    expect(consentStanding(selectEffectiveReceipts(first.state()), agreement, clock.now()).standing).toBe('quiet');
    first.stop();
    await clock.advance(10);

    const second = open({ cell, outbox, clock });
    await clock.settle();
    expect(consentStanding(selectEffectiveReceipts(second.state()), agreement, clock.now()).standing).toBe('quiet');
    await clock.advance(1000);
    expect(selectPendingConsent(second.state())).toEqual([]);
    expect((cell.value as StoredConsent).receipts.map((receipt) => receipt.event)).toEqual(['given', 'withdrawn']);
  });

  test('a withdrawal another tab stored stays in effect in the tab that made it until its receipts show it', async () => {
    const outbox: MemoryCell = { value: null };
    const cell: MemoryCell = { value: null };
    const clock = createManualClock(Date.parse('2026-11-30T08:00:00Z'));
    const given = await receiptFor('given', clock.now());
    createMemoryConsentAdapter({ cell, initial: [{ ...given, receiptId: 'R-1', storedAt: given.collectedAt }] });
    // The first tab read the receipts; then it can neither read them again nor reach the backend to store.
    const backend = createMemoryConsentAdapter({ cell, now: clock.now });
    let reachable = true;
    const adapter: ConsentAdapter = {
      ...backend,
      load(options) {
        if (!reachable) {
          throw new Error('offline');
        }
        return backend.load(options);
      },
      record(receipt, options) {
        if (!reachable) {
          throw new Error('offline');
        }
        return backend.record(receipt, options);
      },
    };
    const first = open({ adapter, outbox, clock });
    await clock.settle();
    expect(consentStanding(selectEffectiveReceipts(first.state()), agreement, clock.now()).standing).toBe('given');
    reachable = false;
    const withdrawn = await receiptFor('withdrawn', clock.now());
    await first.state().recordConsent(withdrawn);
    await clock.settle();
    expect(consentStanding(selectEffectiveReceipts(first.state()), agreement, clock.now()).standing).toBe('quiet');

    // A second tab stores it: it leaves the outbox, and the first tab cannot read that it was stored.
    const second = open({ cell, outbox, clock });
    await clock.settle();
    await clock.advance(10);
    expect((cell.value as StoredConsent).receipts.map((receipt) => receipt.recordId)).toContain(withdrawn.recordId);
    expect(selectPendingConsent(first.state())).toEqual([]);
    expect(first.state().consent.receipts.map((receipt) => receipt.recordId)).not.toContain(withdrawn.recordId);
    expect(consentStanding(selectEffectiveReceipts(first.state()), agreement, clock.now()).standing).toBe('quiet');
    expect(consentStanding(selectEffectiveReceipts(second.state()), agreement, clock.now()).standing).toBe('quiet');

    // Once the first tab reads the receipts again, the stored withdrawal is what keeps it in effect.
    reachable = true;
    await first.state().retryConsent();
    await clock.settle();
    expect(first.state().consent.receipts.map((receipt) => receipt.recordId)).toContain(withdrawn.recordId);
    expect(first.state().consent.refusals).toEqual([]);
    expect(selectEffectiveReceipts(first.state()).filter((receipt) => receipt.recordId === withdrawn.recordId)).toHaveLength(1);
    expect(consentStanding(selectEffectiveReceipts(first.state()), agreement, clock.now()).standing).toBe('quiet');
  });

  test('a decline survives a reload: the next visit does not ask within the quiet period', async () => {
    const outbox: MemoryCell = { value: null };
    const cell: MemoryCell = { value: null };
    const clock = createManualClock(Date.parse('2026-11-30T08:00:00Z'));
    const first = open({ cell, outbox, clock });
    await first.state().recordConsent(await receiptFor('declined', clock.now()));
    await clock.settle();
    first.stop();
    await clock.advance(60 * 60 * 1000);
    const second = open({ cell, outbox, clock });
    await clock.settle();
    expect(consentStanding(selectEffectiveReceipts(second.state()), agreement, clock.now()).standing).toBe('quiet');
    await clock.advance(48 * 60 * 60 * 1000);
    expect(consentStanding(selectEffectiveReceipts(second.state()), agreement, clock.now()).standing).toBe('ask');
  });

  test('events carry ids, versions and hashes, never the text or the subject', async () => {
    const { state, clock, events } = open();
    const given = await receiptFor('given', clock.now());
    await state().recordConsent(given);
    await clock.settle();
    expect(events.map((event) => event.type)).toEqual(['consent.given', 'consent.synced', 'consent.recorded']);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(agreement.text.slice(0, 4));
    expect(serialized).not.toContain('user-1');
    expect(events[0]).toMatchObject({ documentId: 'service-agreement', documentVersion: '2026-11', textSha256: given.textSha256, recordId: given.recordId });
  });

  test('invalid receipts from the adapter are left out and counted', async () => {
    const cell: MemoryCell = { value: { version: 1, receipts: [{ recordId: 'x' }], keys: [] } };
    const { state, clock } = open({ cell });
    await clock.settle();
    expect(state().consent).toMatchObject({ load: 'ready', receipts: [], invalidCount: 1 });
  });
});

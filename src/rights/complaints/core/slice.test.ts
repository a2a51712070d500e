import { beforeEach, describe, expect, test } from 'vitest';
import { runComplaintsAdapterConformance } from './conformance.js';
import {
  createLocalStorageComplaintDraftsAdapter,
  createLocalStorageComplaintsAdapter,
  createMemoryComplaintDraftsAdapter,
  createMemoryComplaintsAdapter,
  type StoredComplaints,
} from './adapters.js';
import { withAdapterFaults } from '../../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../../kernel/core/outbox/outbox-adapters.js';
import type { MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { ComplaintsAdapter } from './adapter.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import { complaintDeadline, emptyComplaintDraft, type Complaint } from './model.js';
import { RightsDeveloperError } from '../../../kernel/core/errors.js';
import type { RightsEvent } from '../../../kernel/core/events.js';
import { createRightsStore } from '../../../store.js';
import { complaintsSlice, selectPendingComplaints, type RightsStateWithComplaints } from './slice.js';

const runner = { describe, test, beforeEach, expect };

function inspectorOf(read: () => StoredComplaints | null, write: (value: StoredComplaints) => void) {
  return {
    seed: (tickets: readonly StoredComplaints['tickets'][number][]) =>
      write({ version: 1, tickets: structuredClone([...tickets]), complaints: {}, keys: [], attachments: [] }),
    ticketIds: () => (read()?.tickets ?? []).map((ticket) => ticket.id),
    complaint: (id: string) => read()?.complaints[id] ?? null,
  };
}

runComplaintsAdapterConformance(runner, {
  name: 'memory',
  setup() {
    const cell: MemoryCell = { value: null };
    return {
      adapter: createMemoryComplaintsAdapter({ cell }),
      inspector: inspectorOf(
        () => structuredClone(cell.value as StoredComplaints | null),
        (value) => {
          cell.value = structuredClone(value);
        },
      ),
    };
  },
});

runComplaintsAdapterConformance(runner, {
  name: 'localStorage',
  setup() {
    localStorage.clear();
    const key = 'conformance:complaints';
    return {
      adapter: createLocalStorageComplaintsAdapter({ key }),
      inspector: inspectorOf(
        () => {
          const raw = localStorage.getItem(key);
          return raw === null ? null : (JSON.parse(raw) as StoredComplaints);
        },
        (value) => localStorage.setItem(key, JSON.stringify(value)),
      ),
    };
  },
});

const complaint: Complaint = { kind: 'illegal-content', text: '这条内容涉嫌诈骗', contact: '13800000000', subject: { id: 'item-7', label: '某视频' } };

function open(options: { adapter?: ComplaintsAdapter; cell?: MemoryCell; outbox?: MemoryCell; drafts?: MemoryCell } = {}) {
  const clock = createManualClock(Date.parse('2025-09-30T02:00:00Z'));
  const events: RightsEvent[] = [];
  const cell = options.cell ?? { value: null };
  const store = createRightsStore({
    clock,
    adapters: {
      complaints: options.adapter ?? createMemoryComplaintsAdapter({ cell, now: clock.now }),
      complaintDrafts: createMemoryComplaintDraftsAdapter({ cell: options.drafts ?? { value: null } }),
      outbox: createMemoryOutboxAdapter({ cell: options.outbox ?? { value: null } }),
    },
    onEvent: (event) => events.push(event),
    slices: [complaintsSlice],
    retryDelayMs: 1000,
  });
  const stop = store.connect();
  const state = () => store.getState() as RightsStateWithComplaints;
  return { store, state, clock, events, cell, stop };
}

describe('complaints slice', () => {
  test('a submission returns a ticket due in 15 working days, counted in the PRC calendar, and clears the draft', async () => {
    const { state, clock } = open();
    state().saveComplaintDraft('item-7', { ...emptyComplaintDraft('illegal-content'), text: complaint.text });
    await state().submitComplaint('item-7', complaint);
    await clock.settle();
    const [ticket] = state().complaints.tickets;
    expect(ticket).toMatchObject({ kind: 'illegal-content', status: 'received', dueDate: '2025-10-28' });
    expect(state().complaints.issued['item-7']).toBe(ticket?.id);
    expect(state().complaints.drafts['item-7']).toBeUndefined();
    expect(selectPendingComplaints(state())).toEqual([]);
  });

  test('a failing backend keeps the submission in the outbox and retries with the same key: the backend makes one ticket', async () => {
    const cell: MemoryCell = { value: null };
    const keys: string[] = [];
    const backend = createMemoryComplaintsAdapter({ cell });
    let online = false;
    const adapter: ComplaintsAdapter = {
      ...backend,
      // The request reaches the backend, which files it, but the answer is lost while offline.
      submit(value, options) {
        keys.push(options.idempotencyKey);
        const ticket = backend.submit(value, options);
        if (!online) {
          throw new Error('offline');
        }
        return ticket;
      },
    };
    const { state, clock } = open({ adapter });
    await state().submitComplaint('center', complaint);
    await clock.settle();
    expect(selectPendingComplaints(state(), 'center')).toHaveLength(1);
    await clock.advance(1000);
    expect(selectPendingComplaints(state(), 'center')[0]?.attempts).toBe(2);
    online = true;
    await clock.advance(4000);
    expect(selectPendingComplaints(state())).toEqual([]);
    expect(new Set(keys).size).toBe(1);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect((cell.value as StoredComplaints).tickets).toHaveLength(1);
    expect(state().complaints.tickets).toHaveLength(1);
  });

  test('a submission made offline survives a reload and is sent, once, by the next store', async () => {
    const outbox: MemoryCell = { value: null };
    const cell: MemoryCell = { value: null };
    const first = open({ adapter: withAdapterFaults(createMemoryComplaintsAdapter({ cell }), { reject: ['submit'] }), outbox });
    await first.state().submitComplaint('center', complaint);
    await first.clock.settle();
    first.stop();
    expect((cell.value as StoredComplaints | null)?.tickets ?? []).toHaveLength(0);

    const second = open({ cell, outbox });
    await second.clock.settle();
    await second.clock.advance(10);
    expect((cell.value as StoredComplaints).tickets).toHaveLength(1);
    expect(second.state().complaints.issued.center).toBe((cell.value as StoredComplaints).tickets[0]?.id);
  });

  test('events carry the kind and ids, never the text or the contact', async () => {
    const { state, clock, events } = open();
    await state().submitComplaint('item-7', complaint);
    await clock.settle();
    expect(events.map((event) => event.type)).toEqual(['complaints.submitted', 'complaints.synced', 'complaints.ticket-issued']);
    const serialized = JSON.stringify(events);
    expect(serialized).not.toContain(complaint.text);
    expect(serialized).not.toContain('13800000000');
    expect(serialized).not.toContain('某视频');
    expect(events[0]).toMatchObject({ kind: 'illegal-content', subjectId: 'item-7' });
  });

  test('drafts are kept on the device, by form, and read back by the next store', async () => {
    const drafts: MemoryCell = { value: null };
    const first = open({ drafts });
    first.state().loadComplaintDrafts();
    first.state().saveComplaintDraft('center', { ...emptyComplaintDraft('appeal'), text: '请恢复我的账号' });
    first.stop();
    const second = open({ drafts });
    second.state().loadComplaintDrafts();
    await second.clock.settle();
    expect(second.state().complaints.drafts.center).toMatchObject({ kind: 'appeal', text: '请恢复我的账号' });
    second.state().discardComplaintDraft('center');
    expect(drafts.value).toEqual({});
  });

  test('tickets are validated one by one; a refusal without reasons is not shown (PIPL 50)', async () => {
    const cell: MemoryCell = {
      value: {
        version: 1,
        complaints: {},
        keys: [],
        attachments: [],
        tickets: [
          { id: 'T-1', kind: 'appeal', receivedAt: '2025-09-01T00:00:00.000Z', status: 'refused', refusal: { reasons: ['超出平台处理范围'] } },
          { id: 'T-2', kind: 'appeal', receivedAt: '2025-09-02T00:00:00.000Z', status: 'refused' },
          { id: 'T-3', kind: 'nonsense', receivedAt: '2025-09-03T00:00:00.000Z', status: 'received' },
        ],
      },
    };
    const { state, clock } = open({ cell });
    state().loadComplaints();
    await clock.settle();
    expect(state().complaints.tickets.map((ticket) => ticket.id)).toEqual(['T-1']);
    expect(state().complaints.invalidCount).toBe(2);
  });

  test('a deadline over 15 working days is a developer error', () => {
    expect(complaintDeadline('appeal', { appeal: 10 })).toBe(10);
    expect(complaintDeadline('appeal', undefined)).toBe(15);
    expect(() => complaintDeadline('appeal', { appeal: 20 })).toThrow(RightsDeveloperError);
  });

  test('the localStorage drafts adapter keeps drafts across adapters on the same key', () => {
    createLocalStorageComplaintDraftsAdapter({ key: 'drafts-test' }).save({ center: emptyComplaintDraft('minor') });
    expect(createLocalStorageComplaintDraftsAdapter({ key: 'drafts-test' }).load({ signal: new AbortController().signal })).toEqual({
      center: emptyComplaintDraft('minor'),
    });
  });
});

import type { Complaint, ComplaintTicket } from './model.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { ComplaintsAdapter } from './adapter.js';
import { abortedOptions, fails, readOptions, writeOptions, type ConformanceRunner } from '../../../kernel/core/adapters/conformance.js';

/** Reads and seeds a complaints adapter's storage (the ticket system) without going through it. */
export interface ComplaintsInspector {
  /** Stores tickets as the platform's ticket system would, such as ones its staff have answered. */
  seed(tickets: readonly ComplaintTicket[]): Awaitable<void>;
  /** The ids of every stored ticket, in any order. */
  ticketIds(): Awaitable<string[]>;
  /** What a ticket was filed with, or `null`. */
  complaint(ticketId: string): Awaitable<Complaint | null>;
}

export interface ComplaintsAdapterConformanceOptions {
  /** Names the adapter in test titles. */
  name: string;
  /** Returns a new, empty adapter for each test, with an inspector of its storage. */
  setup(): Awaitable<{ adapter: ComplaintsAdapter; inspector: ComplaintsInspector }>;
}

function complaint(text = 'The feed keeps showing the same video.'): Complaint {
  return { kind: 'recommendation', text, contact: 'user@example.com', subject: { id: 'item-7', label: 'A video' } };
}

function answered(id: string): ComplaintTicket {
  return { id, kind: 'appeal', receivedAt: '2025-09-30T02:00:00.000Z', dueDate: '2025-10-28', status: 'answered', result: 'The account is restored.' };
}

/**
 * Checks a {@link ComplaintsAdapter} against its contract, reading back
 * through the inspector you supply:
 *
 * ```ts
 * runComplaintsAdapterConformance({ describe, test, beforeEach, expect }, { name: 'http', setup: … });
 * ```
 */
export function runComplaintsAdapterConformance(runner: ConformanceRunner, options: ComplaintsAdapterConformanceOptions): void {
  const { describe, test, beforeEach, expect } = runner;
  describe(`ComplaintsAdapter conformance: ${options.name}`, () => {
    let adapter: ComplaintsAdapter;
    let inspector: ComplaintsInspector;
    beforeEach(async () => {
      ({ adapter, inspector } = await options.setup());
    });

    test('has submit() and list()', async () => {
      expect([typeof adapter.submit, typeof adapter.list]).toEqual(['function', 'function']);
    });

    test('list() is empty when the user has filed nothing', async () => {
      expect(await adapter.list(readOptions())).toEqual([]);
    });

    test('submit() returns a ticket with an id, the time received, the kind and a status, and stores what was filed', async () => {
      const ticket = await adapter.submit(complaint(), writeOptions());
      expect([typeof ticket.id, ticket.kind, ticket.status, Number.isNaN(Date.parse(ticket.receivedAt))]).toEqual(['string', 'recommendation', 'received', false]);
      expect(await inspector.ticketIds()).toEqual([ticket.id]);
      expect(await inspector.complaint(ticket.id)).toEqual(complaint());
    });

    test('a submit() repeated with the same idempotency key makes one ticket, and returns it again', async () => {
      const options = writeOptions();
      const first = await adapter.submit(complaint(), options);
      const again = await adapter.submit(complaint(), options);
      expect(again.id).toEqual(first.id);
      expect(await inspector.ticketIds()).toEqual([first.id]);
      const other = await adapter.submit(complaint('Another matter.'), writeOptions());
      expect((await inspector.ticketIds()).length).toEqual(2);
      expect(other.id === first.id).toEqual(false);
    });

    test('a submit() whose signal is aborted fails and makes no ticket', async () => {
      expect(await fails(() => adapter.submit(complaint(), abortedOptions()))).toEqual(true);
      expect(await inspector.ticketIds()).toEqual([]);
    });

    test('list() returns the tickets the platform stored, with their results', async () => {
      await inspector.seed([answered('T-1')]);
      expect(await adapter.list(readOptions())).toEqual([answered('T-1')]);
    });

    test('changing a listed ticket afterwards does not change what is stored', async () => {
      await inspector.seed([answered('T-1')]);
      const [listed] = await adapter.list(readOptions());
      if (listed) {
        (listed as { status: string }).status = 'refused';
      }
      expect((await adapter.list(readOptions()))[0]?.status).toEqual('answered');
    });

    test('get(), where offered, returns one ticket, or null for an unknown id', async () => {
      if (!adapter.get) {
        return;
      }
      await inspector.seed([answered('T-1')]);
      expect(await adapter.get('T-1', readOptions())).toEqual(answered('T-1'));
      expect(await adapter.get('no-such-ticket', readOptions())).toBeNull();
    });

    test('uploadAttachment(), where offered, returns an id with the name, type and size of the file', async () => {
      if (!adapter.uploadAttachment) {
        return;
      }
      const file = Object.assign(new Blob(['png'], { type: 'image/png' }), { name: 'screenshot.png' });
      const attachment = await adapter.uploadAttachment(file, writeOptions());
      expect([typeof attachment.id, attachment.name, attachment.type, attachment.size]).toEqual(['string', 'screenshot.png', 'image/png', 3]);
    });
  });
}

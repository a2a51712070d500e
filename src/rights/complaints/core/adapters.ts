import type { Complaint, ComplaintAttachment, ComplaintDeadlines, ComplaintDraft, ComplaintTicket } from './model.js';
import { systemClock } from '../../../kernel/core/clock.js';
import { complaintDeadline, parseComplaintDrafts } from './model.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { PRC_WORKING_DAY_CALENDAR, addWorkingDays, type WorkingDayCalendar } from '../../../kernel/core/calendar.js';
import { createJsonStorageCell, memoryCellChannel, throwIfAborted, type KeyValueStorage, type MemoryCell } from '../../../kernel/core/adapters/storage.js';
import type { Subscribe } from '../../../kernel/core/adapters/types.js';
import type { ComplaintDraftsAdapter, ComplaintsAdapter } from './adapter.js';

/** The version of {@link StoredComplaints}. */
export const STORED_COMPLAINTS_VERSION = 1;

/** How many recent idempotency keys the embedded adapters remember, so a retried submission makes one ticket. */
const REMEMBERED_KEYS = 500;

/** What the memory and localStorage complaints adapters store. */
export interface StoredComplaints {
  version: typeof STORED_COMPLAINTS_VERSION;
  /** The user's tickets, oldest first. */
  tickets: ComplaintTicket[];
  /** What each ticket was filed with, by ticket id. */
  complaints: Record<string, Complaint>;
  /** The ticket each recent idempotency key made, oldest first. */
  keys: [key: string, ticketId: string][];
  /** Attachments taken by `uploadAttachment`: what the user chose, never the file's content. */
  attachments: ComplaintAttachment[];
}

function emptyComplaints(): StoredComplaints {
  return { version: STORED_COMPLAINTS_VERSION, tickets: [], complaints: {}, keys: [], attachments: [] };
}

function normalize(stored: Partial<StoredComplaints> | null): StoredComplaints | null {
  return stored === null || typeof stored !== 'object' ? null : { ...emptyComplaints(), ...stored, version: STORED_COMPLAINTS_VERSION };
}

/** Options every embedded complaints adapter takes. */
export interface EmbeddedComplaintsAdapterOptions {
  /** Tickets to start with, such as a story's sample user with one of each status. */
  initial?: readonly ComplaintTicket[];
  /** The clock for `receivedAt`. Default: the system clock. */
  now?: () => number;
  /** Feedback deadlines per kind, in working days, for the due dates of new tickets. Default: 15 for every kind. */
  deadlines?: ComplaintDeadlines;
  /** The calendar due dates are counted in. Default: {@link PRC_WORKING_DAY_CALENDAR}. */
  calendar?: WorkingDayCalendar;
}

function complaintsAdapterOn(
  cell: { read(): StoredComplaints | null; write(value: StoredComplaints): void; subscribe: Subscribe },
  options: EmbeddedComplaintsAdapterOptions,
): Required<ComplaintsAdapter> {
  const now = options.now ?? systemClock.now;
  const calendar = options.calendar ?? PRC_WORKING_DAY_CALENDAR;
  return {
    submit(complaint, writeOptions) {
      throwIfAborted(writeOptions);
      const stored = cell.read() ?? emptyComplaints();
      const earlier = stored.keys.find(([key]) => key === writeOptions.idempotencyKey);
      const existing = earlier ? stored.tickets.find((ticket) => ticket.id === earlier[1]) : undefined;
      if (existing) {
        return structuredClone(existing);
      }
      const received = now();
      const ticket: ComplaintTicket = {
        id: `T${new Date(received).toISOString().slice(0, 10).replaceAll('-', '')}-${createCorrelationId().replace(/[^0-9a-f]/gi, '').slice(0, 6).toUpperCase()}`,
        kind: complaint.kind,
        receivedAt: new Date(received).toISOString(),
        dueDate: addWorkingDays(received, complaintDeadline(complaint.kind, options.deadlines), calendar),
        status: 'received',
        ...(complaint.subject ? { subject: structuredClone(complaint.subject) } : {}),
        ...(complaint.complainant && complaint.complainant !== 'user' ? { complainant: complaint.complainant } : {}),
      };
      stored.tickets.push(ticket);
      stored.complaints[ticket.id] = structuredClone(complaint);
      stored.keys = [...stored.keys, [writeOptions.idempotencyKey, ticket.id] as [string, string]].slice(-REMEMBERED_KEYS);
      cell.write(stored);
      return structuredClone(ticket);
    },
    list(readOptions) {
      throwIfAborted(readOptions);
      return structuredClone(cell.read()?.tickets ?? []);
    },
    get(id, readOptions) {
      throwIfAborted(readOptions);
      const ticket = cell.read()?.tickets.find((candidate) => candidate.id === id);
      return ticket ? structuredClone(ticket) : null;
    },
    uploadAttachment(file, writeOptions) {
      throwIfAborted(writeOptions);
      const stored = cell.read() ?? emptyComplaints();
      const attachment: ComplaintAttachment = { id: `A-${writeOptions.idempotencyKey}`, name: file.name ?? '', type: file.type, size: file.size };
      if (!stored.attachments.some((candidate) => candidate.id === attachment.id)) {
        stored.attachments.push(attachment);
        cell.write(stored);
      }
      return { ...attachment };
    },
    subscribe: cell.subscribe,
  };
}

function seed(initial: readonly ComplaintTicket[] | undefined): StoredComplaints | null {
  return initial ? { ...emptyComplaints(), tickets: structuredClone([...initial]) } : null;
}

export interface MemoryComplaintsAdapterOptions extends EmbeddedComplaintsAdapterOptions {
  /** The box to store into. Default: a new one. Tests read it to check writes independently. */
  cell?: MemoryCell;
}

/** Keeps complaints in memory, for tests and stories. */
export function createMemoryComplaintsAdapter(options: MemoryComplaintsAdapterOptions = {}): Required<ComplaintsAdapter> {
  const box = options.cell ?? { value: null };
  if (options.initial) {
    box.value = seed(options.initial);
  }
  const channel = memoryCellChannel(box, {});
  return complaintsAdapterOn(
    {
      read: () => normalize(box.value as Partial<StoredComplaints> | null),
      write: (value) => {
        box.value = value;
        channel.announce();
      },
      subscribe: channel.subscribe,
    },
    options,
  );
}

export interface LocalStorageComplaintsAdapterOptions extends EmbeddedComplaintsAdapterOptions {
  /** The storage key. Default: `'algorights:complaints'`. */
  key?: string;
  /** The storage to use. Default: `globalThis.localStorage`, looked up at call time. */
  storage?: KeyValueStorage;
}

/**
 * Keeps complaints in the browser's localStorage: for demos and Storybook only. A complaint kept on the
 * device reaches nobody at the platform; a real app passes an adapter that reaches its ticket system.
 */
export function createLocalStorageComplaintsAdapter(options: LocalStorageComplaintsAdapterOptions = {}): Required<ComplaintsAdapter> {
  const json = createJsonStorageCell(options.key ?? 'algorights:complaints', options.storage);
  if (options.initial && json.readRaw() === null) {
    json.write(seed(options.initial));
  }
  return complaintsAdapterOn(
    {
      read: () => normalize(json.read() as Partial<StoredComplaints> | null),
      write: (value) => json.write(value),
      subscribe: json.subscribe,
    },
    options,
  );
}

/** Keeps complaint drafts in memory, for tests and stories. */
export function createMemoryComplaintDraftsAdapter(options: { cell?: MemoryCell } = {}): ComplaintDraftsAdapter {
  const box = options.cell ?? { value: null };
  return {
    load: () => (box.value === null ? null : parseComplaintDrafts(structuredClone(box.value))),
    save: (drafts: Record<string, ComplaintDraft>) => {
      box.value = structuredClone(drafts);
    },
  };
}

/** Keeps complaint drafts in localStorage, the default: a reload or a closed dialog loses nothing the user typed. */
export function createLocalStorageComplaintDraftsAdapter(options: { key?: string; storage?: KeyValueStorage } = {}): ComplaintDraftsAdapter {
  const json = createJsonStorageCell(options.key ?? 'algorights:complaint-drafts', options.storage);
  return {
    load: () => {
      const value = json.read();
      return value === null ? null : parseComplaintDrafts(value);
    },
    save: (drafts) => (Object.keys(drafts).length === 0 ? json.remove() : json.write(drafts)),
  };
}

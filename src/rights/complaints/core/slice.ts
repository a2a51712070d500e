import { createLocalStorageComplaintDraftsAdapter, createLocalStorageComplaintsAdapter } from './adapters.js';
import type { ComplaintDraftsAdapter } from './adapter.js';
import {
  isComplaint,
  parseComplaintTicket,
  parseComplaintTickets,
  type Complaint,
  type ComplaintAttachment,
  type ComplaintDraft,
  type ComplaintTicket,
} from './model.js';
import { RightsError, toRightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { type ComplaintsEvent } from './events.js';
import type { LoadState } from '../../../kernel/core/types.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import { defineSlice, type SliceDescriptor, type SliceKit, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import { andThen } from '../../../kernel/core/engine/write-engine.js';

/**
 * What a complaints failure is about: `load` (the tickets could not be read), `draft` (a draft could
 * not be kept on this device), `upload` (an attachment was not taken), `recover` (submissions kept on
 * this device could not be read) and `persist` (a submission could not be kept on this device; it is
 * held in memory and retried).
 */
export type ComplaintsAction = 'load' | 'draft' | 'upload' | 'recover' | 'persist';

/** Which optional methods the complaints adapter has. */
export interface ComplaintsCapabilities {
  /** `uploadAttachment`: without it the form offers no attachments. */
  upload: boolean;
}

/** The complaints slice's data. */
export interface ComplaintsState {
  /** Whether the user's tickets are known. `'idle'` until a view asks for them. */
  load: LoadState;
  failure: RightsFailure<ComplaintsAction> | null;
  /** The user's tickets, newest first. */
  tickets: readonly ComplaintTicket[];
  /** How many tickets from the adapter were invalid and are not shown. */
  invalidCount: number;
  /** Whether the drafts on this device have been read. */
  draftsLoad: LoadState;
  /** Unsent drafts, by form: an item's id for a report from it, `center` for the complaint center. */
  drafts: Readonly<Record<string, ComplaintDraft>>;
  /** The ticket each form's last submission got, by form, once the adapter returned it. */
  issued: Readonly<Record<string, string>>;
  capabilities: ComplaintsCapabilities;
}

/** The complaints slice: its data under `complaints`, and its actions. */
export interface ComplaintsSlice {
  complaints: ComplaintsState;
  /** Reads the user's tickets once; with `{ retry: true }`, again after a failed read. */
  loadComplaints(options?: { retry?: boolean }): void;
  /** Reads the drafts kept on this device, once. */
  loadComplaintDrafts(): void;
  /** Keeps a form's draft on this device. */
  saveComplaintDraft(form: string, draft: ComplaintDraft): void;
  /** Forgets a form's draft. */
  discardComplaintDraft(form: string): void;
  /**
   * Submits a complaint from a form (submit-once): it is kept in the outbox on this device with one
   * idempotency key until the adapter returns its ticket, and the form's draft is then gone.
   */
  submitComplaint(form: string, complaint: Complaint): Promise<void>;
  /** Hands an attachment to the adapter; resolves `null`, with a failure, if it was not taken. */
  uploadComplaintAttachment(file: Blob & { name?: string }): Promise<ComplaintAttachment | null>;
  /** Sends waiting submissions now, and reads the tickets again if that failed. */
  retryComplaints(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissComplaintsFailure(): void;
  /** Forgets which ticket a form's last submission got, to start a new complaint there. */
  startNewComplaint(form: string): void;
}

/** The store with the complaints slice: now simply {@link RightsState}, kept for code that named it. */
export type RightsStateWithComplaints = RightsState;

const SLICE = 'complaints';
const targetOf = (form: string) => `complaint:${form}`;

/** The submissions of one form waiting in the outbox, oldest first. */
export function selectPendingComplaints(state: RightsState, form?: string): OutboxEntry[] {
  return state.outbox.entries.filter((entry) => entry.slice === SLICE && (form === undefined || entry.target === targetOf(form)));
}

const byNewest = (first: ComplaintTicket, second: ComplaintTicket) => second.receivedAt.localeCompare(first.receivedAt);

/** The complaints slice: registered by the first complaint component that renders. */
export const complaintsSlice: SliceDescriptor<ComplaintsSlice, typeof SLICE> = defineSlice({
  name: SLICE,
  watch: 'complaints',
  requiredMethods: { complaints: ['submit', 'list'], complaintDrafts: ['load', 'save'] },
  advice: {
    complaints: 'pass an adapter that reaches your ticket system, start from createMemoryComplaintsAdapter(), and check yours with runComplaintsAdapterConformance()',
    complaintDrafts: 'use createLocalStorageComplaintDraftsAdapter() or createMemoryComplaintDraftsAdapter()',
  },
  defaults: { complaints: () => createLocalStorageComplaintsAdapter(), complaintDrafts: () => createLocalStorageComplaintDraftsAdapter() },

  setup(kit): SliceSetup<typeof SLICE, Omit<ComplaintsSlice, typeof SLICE>> {
    const { get, update } = kit;
    const context = kit;
    const adapter = kit.adapter('complaints');
    const drafts = () => context.adapter('complaintDrafts');
    const event = (type: ComplaintsEvent['type'], correlationId: string, details: Omit<ComplaintsEvent, 'type' | 'timestamp' | 'correlationId'>) =>
      context.emit({ ...details, type, timestamp: context.timestamp(), correlationId });

    const storeDrafts = (next: Record<string, ComplaintDraft>) => {
      update({ drafts: next });
      // Not stored in the outbox, but timed out and aborted: a device store that never answers leaves nothing waiting.
      void kit.call(() => drafts().save(next)).then(
        () => {
          if (get().complaints.failure?.action === 'draft') {
            update({ failure: null });
          }
        },
        (error: unknown) => {
          context.reportError(toRightsError(error, 'device-write-failed', 'A complaint draft could not be kept on this device.'));
          update({ failure: { code: 'device-write-failed', action: 'draft' } });
        },
      );
    };

    kit.handle({
      validate: (entry) => entry.method === 'submit' && isComplaint(entry.args[0]),
      confirmed(batch) {
        const tickets = [...get().complaints.tickets];
        const issued = { ...get().complaints.issued };
        for (const { entry, result } of batch) {
          try {
            const ticket = parseComplaintTicket(result);
            const index = tickets.findIndex((candidate) => candidate.id === ticket.id);
            if (index >= 0) {
              tickets[index] = ticket;
            } else {
              tickets.push(ticket);
            }
            issued[entry.target.slice('complaint:'.length)] = ticket.id;
            event('complaints.ticket-issued', entry.correlationId, { kind: ticket.kind, ticketId: ticket.id });
          } catch (cause) {
            context.reportError(toRightsError(cause, 'complaints-invalid', 'The complaints adapter returned an invalid ticket.'));
          }
        }
        update({ tickets: tickets.sort(byNewest), issued });
      },
    });

    return {
      read: () => readTickets(kit),
      state: {
        load: 'idle',
        failure: null,
        tickets: [],
        invalidCount: 0,
        draftsLoad: 'idle',
        drafts: {},
        issued: {},
        capabilities: { upload: typeof adapter.uploadAttachment === 'function' },
      },
      actions: {
        loadComplaints: kit.loadOnce,

        loadComplaintDrafts() {
          if (get().complaints.draftsLoad !== 'idle') {
            return;
          }
          update({ draftsLoad: 'loading' });
          // A read, through the engine's read: drafts in synchronous storage show before the first paint.
          void andThen(
            context.engine.read((options) => drafts().load(options)),
            (outcome) => {
              if (!outcome.ok) {
                context.reportError(toRightsError(outcome.error, 'read-failed', 'Complaint drafts on this device could not be read.'));
                update({ draftsLoad: 'error' });
                return;
              }
              // Anything typed before the drafts were read wins over what was stored.
              update({ draftsLoad: 'ready', drafts: { ...(outcome.value ?? {}), ...get().complaints.drafts } });
            },
          );
        },

        saveComplaintDraft(form, draft) {
          storeDrafts({ ...get().complaints.drafts, [form]: draft });
        },

        discardComplaintDraft(form) {
          const current = get().complaints.drafts;
          const draft = current[form];
          if (!draft) {
            return;
          }
          const { [form]: _discarded, ...rest } = current;
          storeDrafts(rest);
          event('complaints.draft-discarded', createCorrelationId(), { ...(draft.kind ? { kind: draft.kind } : {}) });
        },

        submitComplaint(form, complaint) {
          const correlationId = createCorrelationId();
          const copy: Complaint = structuredClone(complaint);
          const details = { kind: copy.kind, ...(copy.subject ? { subjectId: copy.subject.id } : {}) };
          return context.engine.write({
            slice: SLICE,
            action: 'submit',
            policy: 'submit-once',
            adapter: 'complaints',
            method: 'submit',
            args: [copy],
            target: targetOf(form),
            details,
            correlationId,
            apply() {
              // It is in the outbox on this device from now on: the draft has done its work.
              const { [form]: _sent, ...rest } = get().complaints.drafts;
              const { [form]: _earlier, ...issued } = get().complaints.issued;
              update({ issued });
              storeDrafts(rest);
              event('complaints.submitted', correlationId, details);
            },
          });
        },

        async uploadComplaintAttachment(file) {
          const upload = adapter.uploadAttachment;
          if (!upload) {
            return null;
          }
          // Never stored, but timed out and aborted: an upload that never answers does not leave the form waiting.
          const idempotencyKey = createCorrelationId();
          try {
            const attachment = await kit.call((signal) => upload.call(adapter, file, { idempotencyKey, signal }), { code: 'write-failed' });
            if (get().complaints.failure?.action === 'upload') {
              update({ failure: null });
            }
            return attachment;
          } catch (error) {
            context.reportError(toRightsError(error, 'write-failed', 'The complaints adapter did not take an attachment.'));
            update({ failure: { code: 'write-failed', action: 'upload' } });
            return null;
          }
        },

        retryComplaints: kit.retry,
        dismissComplaintsFailure: kit.dismissFailure,

        startNewComplaint(form) {
          const { [form]: _done, ...issued } = get().complaints.issued;
          update({ issued });
        },
      },
    };
  },
});

/** Reads the tickets and validates them one by one. */
function readTickets(kit: SliceKit<typeof SLICE>) {
  const { get, update } = kit;
  const context = kit;
  const adapter = kit.adapter('complaints');
  return andThen(
    context.engine.read((options) => adapter.list(options)),
    (outcome) => {
      const failed = (error: RightsError) => {
        update({ load: 'error', failure: { code: error.code, action: 'load' } });
        context.reportError(error);
      };
      if (!outcome.ok) {
        failed(toRightsError(outcome.error, 'read-failed', 'The complaints adapter failed to list the tickets.'));
        return;
      }
      try {
        const { tickets, invalid } = parseComplaintTickets(outcome.value ?? []);
        if (invalid > 0) {
          context.reportError(new RightsError('complaints-invalid', `${invalid} tickets from the complaints adapter are invalid and not shown.`));
        }
        // A ticket issued in this session that the list does not have yet stays.
        const listed = new Set(tickets.map((ticket) => ticket.id));
        const issued = new Set(Object.values(get().complaints.issued));
        const kept = get().complaints.tickets.filter((ticket) => !listed.has(ticket.id) && issued.has(ticket.id));
        const failure = get().complaints.failure;
        update({
          load: 'ready',
          tickets: [...tickets, ...kept].sort(byNewest),
          invalidCount: invalid,
          ...(failure?.action === 'load' ? { failure: null } : {}),
        });
      } catch (cause) {
        failed(toRightsError(cause, 'complaints-invalid', 'The complaints adapter returned invalid data.'));
      }
    },
  );
}

export type { ComplaintDraftsAdapter };

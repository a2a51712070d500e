import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import {
  COMPLAINT_KINDS,
  DEFAULT_ATTACHMENT_LIMITS,
  checkAttachment,
  complaintDeadline,
  emptyComplaintDraft,
  type AttachmentLimits,
  type AttachmentRejection,
  type Complainant,
  type Complaint,
  type ComplaintAttachment,
  type ComplaintDeadlines,
  type ComplaintDraft,
  type ComplaintKind,
  type ComplaintSubject,
  type ComplaintTicket,
  type TicketDue,
  ticketDue as ticketDueOn,
} from './core/model.js';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import {
  complaintsSlice,
  selectPendingComplaints,
  type ComplaintsAction,
  type RightsStateWithComplaints,
} from './core/slice.js';
import type { RightsState } from '../../kernel/core/store/registry.js';
import type { LoadState } from '../../kernel/core/types.js';
import { systemClock } from '../../kernel/core/clock.js';
import type { WorkingDayCalendar } from '../../kernel/core/calendar.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import { useIsomorphicLayoutEffect } from '../../kernel/react/use-isomorphic-layout-effect.js';
import { useSliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';
import { useRightsClock } from '../../kernel/react/use-rights-clock.js';

const NAME = 'useComplaints';

const complaintsOf = (state: RightsState) => (state as RightsStateWithComplaints).complaints;

/** State every complaint view shares, following the component contract. */
export interface UseComplaintsResult extends UseSliceStatusResult<ComplaintsAction> {
  /** The user's tickets, newest first. */
  tickets: readonly ComplaintTicket[];
  /** How many tickets from the adapter were invalid and are not shown. */
  invalidCount: number;
}

/** The complaints slice for any view: the user's tickets, what waits to send, and the failure. */
export function useComplaints(consumerName = NAME): UseComplaintsResult {
  const store = useRightsSlice(consumerName, complaintsSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithComplaints, [store]);
  const status = useSliceStatus(consumerName, complaintsSlice);
  const { tickets, invalidCount } = useRightsStore(
    consumerName,
    useShallow((state) => ({
      tickets: complaintsOf(state).tickets,
      invalidCount: complaintsOf(state).invalidCount,
    })),
  );
  useIsomorphicLayoutEffect(() => {
    actions.loadComplaints();
    actions.loadComplaintDrafts();
  }, [actions]);
  return { ...status, tickets, invalidCount };
}

export type { TicketDue } from './core/model.js';

/** Options that decide deadlines, shared by the form and the tickets. */
export interface ComplaintDeadlineOptions {
  /** Feedback deadline per kind, in working days, from 1 to 15 (the kit's ceiling; longer is a developer error). Default: 15. */
  deadlines?: ComplaintDeadlines;
  /** The calendar of working days and its time zone. Default: the PRC's, in Asia/Shanghai. */
  calendar?: WorkingDayCalendar;
  /** Today, for counting working days left. Default: now, on the provider's clock. Stories and tests pin it. */
  now?: Date | number;
}

/**
 * The due date and working days left of a ticket, today being `now` (default: the system clock's time).
 * The rule is `ticketDue` in `core/model.ts`; the hooks call it on the provider's clock.
 */
export function ticketDue(ticket: ComplaintTicket, options: ComplaintDeadlineOptions = {}): TicketDue {
  return ticketDueOn(ticket, { ...options, now: options.now ?? systemClock.now() });
}

/** Options of one complaint form: a report from an item, or the complaint center's. */
export interface UseComplaintFormOptions extends ComplaintDeadlineOptions {
  /** Which draft the form keeps: an item's id for a report from it, `center` for the complaint center. */
  form: string;
  /** The item or decision the complaint is about, shown in the form and sent with it. */
  subject?: ComplaintSubject;
  /** The kinds offered, in this order. Default: every kind ({@link COMPLAINT_KINDS}). */
  kinds?: readonly ComplaintKind[];
  /** The kind chosen when the form opens with no draft. Default: none; the user chooses. */
  defaultKind?: ComplaintKind;
  /** The longest text, in characters. Default: 500. */
  maxLength?: number;
  /** Whether the text may be empty. Default: only when there is a `subject`, so that a report from an item takes two taps. */
  textOptional?: boolean;
  /** What attachments the platform takes, or `false` for none. Offered only where the adapter has `uploadAttachment`. */
  attachments?: AttachmentLimits | false;
  /** Who files, when the platform knows (in minor mode, `minor`). Otherwise the form asks for a matter concerning a minor. */
  complainant?: Complainant;
  /** Called once the adapter has returned the ticket. */
  onSubmitted?: (ticket: ComplaintTicket) => void;
}

/** A file the form did not add, and why. */
export interface AttachmentRejectionNotice {
  name: string;
  reason: AttachmentRejection;
}

/** State and behaviour of one complaint form, with no markup. */
export interface UseComplaintFormResult extends UseComplaintsResult {
  /** `editing`; `pending` while the submission waits in the outbox; `submitted` once the adapter returned the ticket. */
  phase: 'editing' | 'pending' | 'submitted';
  /** The submission is out for its first attempt; once an attempt has failed it is waiting to send. */
  sending: boolean;
  /** Whether the drafts kept on this device have been read. */
  draftsLoad: LoadState;
  kinds: readonly ComplaintKind[];
  draft: ComplaintDraft;
  setKind(kind: ComplaintKind): void;
  setText(text: string): void;
  setContact(contact: string): void;
  setComplainant(complainant: Complainant): void;
  /** Whether the form asks who files: for a matter concerning a minor, unless the platform said. */
  asksComplainant: boolean;
  maxLength: number;
  textOptional: boolean;
  /** The feedback deadline of the chosen kind (or the longest of those offered), in working days. */
  deadlineDays: number;
  /** Attachment limits, or `null` when the form offers none. */
  attachmentLimits: Required<AttachmentLimits> | null;
  /** Adds files, each checked against the limits; a rejected one is named in `rejections` and the others stay. */
  addFiles(files: Iterable<File>): Promise<void>;
  removeAttachment(id: string): void;
  rejections: readonly AttachmentRejectionNotice[];
  /** Names of files being uploaded. */
  uploading: readonly string[];
  /** Set once the user tried to submit without the text the form needs. */
  textMissing: boolean;
  /** Submits, if the form is complete; returns whether it did. */
  submit(): boolean;
  /** Clears the draft. */
  discard(): void;
  /** Whether anything has been typed or chosen. */
  hasDraft: boolean;
  /** The ticket this form's last submission got, with its due date, once issued. */
  ticket: (ComplaintTicket & TicketDue) | null;
  /** Starts a new complaint in this form after one was submitted. */
  startNew(): void;
}

/** State and behaviour of a complaint form ({@link ReportButton}'s and {@link ComplaintCenter}'s), with no markup. */
export function useComplaintForm(options: UseComplaintFormOptions): UseComplaintFormResult {
  const { form, subject, defaultKind, maxLength = 500, deadlines, calendar, now, onSubmitted } = options;
  const kinds = options.kinds ?? COMPLAINT_KINDS;
  if (kinds.length === 0) {
    throw new RightsDeveloperError('`kinds` is empty: offer at least one kind of complaint (ALG 22).');
  }
  // Every deadline offered is checked at render, so a deadline over the ceiling fails where it is set.
  const longest = Math.max(...kinds.map((kind) => complaintDeadline(kind, deadlines)));
  const shared = useComplaints('ComplaintForm');
  const store = useRightsSlice('ComplaintForm', complaintsSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithComplaints, [store]);
  const stored = useRightsStore('ComplaintForm', (state) => complaintsOf(state).drafts[form]);
  const canUpload = useRightsStore('ComplaintForm', (state) => complaintsOf(state).capabilities.upload);
  const pending = useRightsStore('ComplaintForm', (state) => selectPendingComplaints(state, form).length > 0);
  // Out for the first time, or kept after a failed attempt: only the second is "waiting to send".
  const waiting = useRightsStore('ComplaintForm', (state) => selectPendingComplaints(state, form).some((entry) => entry.attempts > 0));
  const draftsLoad = useRightsStore('ComplaintForm', (state) => complaintsOf(state).draftsLoad);
  const issuedId = useRightsStore('ComplaintForm', (state) => complaintsOf(state).issued[form]);
  const draft = useMemo(() => stored ?? emptyComplaintDraft(defaultKind && kinds.includes(defaultKind) ? defaultKind : null), [stored, defaultKind, kinds]);
  const [textMissing, setTextMissing] = useState(false);
  const [rejections, setRejections] = useState<AttachmentRejectionNotice[]>([]);
  const [uploading, setUploading] = useState<string[]>([]);

  const edit = useCallback(
    (patch: Partial<ComplaintDraft>) => {
      const current = complaintsOf(store.getState()).drafts[form] ?? draft;
      actions.saveComplaintDraft(form, { ...current, ...patch });
    },
    [actions, store, form, draft],
  );
  const textOptional = options.textOptional ?? subject !== undefined;
  const attachmentLimits = canUpload && options.attachments !== false ? { ...DEFAULT_ATTACHMENT_LIMITS, ...options.attachments } : null;

  const addFiles = useCallback(
    async (files: Iterable<File>) => {
      if (!attachmentLimits) {
        return;
      }
      const rejected: AttachmentRejectionNotice[] = [];
      let attached = (complaintsOf(store.getState()).drafts[form] ?? draft).attachments.length;
      const accepted: File[] = [];
      for (const file of files) {
        const reason = checkAttachment(file, attached, attachmentLimits);
        if (reason) {
          rejected.push({ name: file.name, reason });
        } else {
          accepted.push(file);
          attached += 1;
        }
      }
      setRejections(rejected);
      for (const file of accepted) {
        setUploading((names) => [...names, file.name]);
        const attachment = await actions.uploadComplaintAttachment(file);
        setUploading((names) => names.filter((name) => name !== file.name));
        if (attachment) {
          const current = complaintsOf(store.getState()).drafts[form] ?? draft;
          actions.saveComplaintDraft(form, { ...current, attachments: [...current.attachments, attachment] });
        }
      }
    },
    [actions, store, form, draft, attachmentLimits],
  );

  const removeAttachment = useCallback(
    (id: string) => edit({ attachments: (complaintsOf(store.getState()).drafts[form] ?? draft).attachments.filter((attachment: ComplaintAttachment) => attachment.id !== id) }),
    [edit, store, form, draft],
  );

  const submit = useCallback(() => {
    const text = draft.text.trim();
    if (!draft.kind || (!textOptional && text === '')) {
      setTextMissing(draft.kind !== null && text === '');
      return false;
    }
    setTextMissing(false);
    setRejections([]);
    const complaint: Complaint = {
      kind: draft.kind,
      text,
      ...(draft.contact.trim() ? { contact: draft.contact.trim() } : {}),
      ...(subject ? { subject: { ...subject } } : {}),
      ...(draft.attachments.length > 0 ? { attachments: draft.attachments.map((attachment) => ({ ...attachment })) } : {}),
      complainant: options.complainant ?? draft.complainant,
    };
    void actions.submitComplaint(form, complaint).then(() => {
      const issued = complaintsOf(store.getState()).issued[form];
      const ticket = complaintsOf(store.getState()).tickets.find((candidate) => candidate.id === issued);
      if (ticket) {
        onSubmitted?.(ticket);
      }
    });
    return true;
  }, [draft, textOptional, subject, options.complainant, actions, form, store, onSubmitted]);

  const issued = shared.tickets.find((candidate) => candidate.id === issuedId) ?? null;
  const clock = useRightsClock();
  const ticket = useMemo(
    () => (issued ? { ...issued, ...ticketDueOn(issued, { deadlines, calendar, now: now ?? clock.now() }) } : null),
    [issued, deadlines, calendar, now, clock],
  );

  return {
    ...shared,
    phase: pending ? 'pending' : ticket ? 'submitted' : 'editing',
    sending: pending && !waiting,
    draftsLoad,
    kinds,
    draft,
    setKind: useCallback((kind: ComplaintKind) => edit({ kind }), [edit]),
    setText: useCallback(
      (text: string) => {
        setTextMissing(false);
        edit({ text: text.slice(0, maxLength) });
      },
      [edit, maxLength],
    ),
    setContact: useCallback((contact: string) => edit({ contact }), [edit]),
    setComplainant: useCallback((complainant: Complainant) => edit({ complainant }), [edit]),
    asksComplainant: options.complainant === undefined && draft.kind === 'minor',
    maxLength,
    textOptional,
    deadlineDays: draft.kind ? complaintDeadline(draft.kind, deadlines) : longest,
    attachmentLimits,
    addFiles,
    removeAttachment,
    rejections,
    uploading,
    textMissing,
    submit,
    discard: useCallback(() => {
      setRejections([]);
      setTextMissing(false);
      actions.discardComplaintDraft(form);
    }, [actions, form]),
    hasDraft: stored !== undefined && (stored.text !== '' || stored.contact !== '' || stored.attachments.length > 0),
    ticket,
    startNew: useCallback(() => actions.startNewComplaint(form), [actions, form]),
  };
}

/** Options of the tickets list. */
export type UseComplaintTicketsOptions = ComplaintDeadlineOptions;

/** The user's tickets with their due dates and working days left, with no markup. */
export interface UseComplaintTicketsResult extends UseComplaintsResult {
  items: readonly (ComplaintTicket & TicketDue)[];
}

/** The user's tickets, each with its due date counted in working days. */
export function useComplaintTickets(options: UseComplaintTicketsOptions = {}): UseComplaintTicketsResult {
  const shared = useComplaints('ComplaintTickets');
  const { deadlines, calendar, now } = options;
  const clock = useRightsClock();
  const items = useMemo(
    () => shared.tickets.map((ticket) => ({ ...ticket, ...ticketDueOn(ticket, { deadlines, calendar, now: now ?? clock.now() }) })),
    [shared.tickets, deadlines, calendar, now, clock],
  );
  return { ...shared, items };
}

/** State of `ReportButton`, with no markup. */
export interface UseReportButtonResult {
  /** The form the item's report keeps its draft in: `item:<itemId>`. */
  form: string;
  /** The item's report waits on this device to be sent, while the sheet is closed too. */
  syncPending: boolean;
}

/** State of `ReportButton`: its form's name, and whether the item's report waits to be sent. */
export function useReportButton(itemId: string): UseReportButtonResult {
  const form = `item:${itemId}`;
  // A report left waiting by an earlier visit goes out as the page loads, not when the sheet next opens.
  useRightsSlice('ReportButton', complaintsSlice);
  const syncPending = useRightsStore('ReportButton', (state) => selectPendingComplaints(state, form).length > 0);
  return { form, syncPending };
}

import * as v from 'valibot';
import { RightsDeveloperError, RightsError } from '../../../kernel/core/errors.js';
import { issuePath } from '../../../kernel/core/schema.js';
import { PRC_WORKING_DAY_CALENDAR, addWorkingDays, toCalendarDate, workingDaysBetween, type CalendarDate, type WorkingDayCalendar } from '../../../kernel/core/calendar.js';

/**
 * What a user can bring to the platform (ALG 22, GENAI 15, DS 12):
 * - `appeal`: 申诉, against a decision about the user (an account or content action);
 * - `recommendation`: 投诉, about recommendations or the algorithm;
 * - `illegal-content`: 举报, illegal or harmful content;
 * - `unlabelled-ai`: 举报, AI-generated content without its label (LBL 10);
 * - `personal-information`: a personal-information complaint (PIPL 50);
 * - `minor`: a matter concerning a minor (MIN 7);
 * - `explanation`: a request that the platform explain an algorithmic decision that affects the user
 *   (ALG 17 ¶3, PIPL 24 ¶3).
 */
export const COMPLAINT_KINDS = ['appeal', 'recommendation', 'illegal-content', 'unlabelled-ai', 'personal-information', 'minor', 'explanation'] as const;

/** One of {@link COMPLAINT_KINDS}. */
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/**
 * Where a ticket stands: 已受理 (`received`), 处理中 (`processing`), 已反馈 (`answered`, with the
 * result), 不予受理 (`refused`, with reasons: PIPL 50).
 */
export const COMPLAINT_STATUSES = ['received', 'processing', 'answered', 'refused'] as const;

/** One of {@link COMPLAINT_STATUSES}. */
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Who files: the user, a minor, or a minor's guardian. A refusal to a minor or guardian also comes in writing (MIN 34). */
export type Complainant = 'user' | 'minor' | 'guardian';

/**
 * The ceiling on a feedback deadline, in working days: what the 2019 rules on apps' collection of
 * personal information set for personal-information complaints. The kit applies it to every kind;
 * a longer deadline is a developer error.
 */
export const COMPLAINT_DEADLINE_CEILING = 15;

/** The item or decision a complaint is about, as the platform names it. */
export interface ComplaintSubject {
  /** The item's or decision's id. */
  id: string;
  /** What the user sees it called, such as the item's title; shown in the form. */
  label?: string;
}

/** An attachment the adapter has taken (see `ComplaintsAdapter.uploadAttachment`): its id and what the user chose. */
export interface ComplaintAttachment {
  /** The id `uploadAttachment` returned. */
  id: string;
  name: string;
  /** Its media type, such as `image/png`. */
  type: string;
  /** Its size in bytes. */
  size: number;
}

/** What the user submits. Plain JSON: it waits in the outbox on this device until the adapter returns a ticket. */
export interface Complaint {
  kind: ComplaintKind;
  /** What the user wrote; may be empty for a report from an item, whose subject says what it is about. */
  text: string;
  /** How to reach the user, if they gave it. */
  contact?: string;
  subject?: ComplaintSubject;
  attachments?: ComplaintAttachment[];
  /** Default: `user`. */
  complainant?: Complainant;
}

/** Why a complaint was not accepted (PIPL 50): the reasons, as the platform words them for the user. */
export interface ComplaintRefusal {
  reasons: string[];
  /** Where the user can go next, such as a review; shown after the reasons. */
  remedy?: string;
}

/** What the adapter returns for a complaint, and lists as the user's tickets. */
export interface ComplaintTicket {
  id: string;
  kind: ComplaintKind;
  /** When the platform received it, as an ISO 8601 string. */
  receivedAt: string;
  /** When feedback is due, as a calendar date. Without it the kit counts the form's deadline in working days from `receivedAt`. */
  dueDate?: CalendarDate;
  status: ComplaintStatus;
  /** The result, once `answered`. */
  result?: string;
  /** The reasons, once `refused`. */
  refusal?: ComplaintRefusal;
  subject?: ComplaintSubject;
  complainant?: Complainant;
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const subjectSchema = v.object({ id: idSchema, label: v.optional(v.pipe(v.string(), v.maxLength(500))) });
const kindSchema = v.picklist(COMPLAINT_KINDS);
const complainantSchema = v.picklist(['user', 'minor', 'guardian']);

const ticketSchema = v.object({
  id: idSchema,
  kind: kindSchema,
  receivedAt: v.pipe(v.string(), v.isoTimestamp()),
  dueDate: v.optional(v.pipe(v.string(), v.regex(datePattern))),
  status: v.picklist(COMPLAINT_STATUSES),
  result: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  refusal: v.optional(
    v.object({
      reasons: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(2000))), v.minLength(1)),
      remedy: v.optional(v.pipe(v.string(), v.maxLength(2000))),
    }),
  ),
  subject: v.optional(subjectSchema),
  complainant: v.optional(complainantSchema),
});

const attachmentSchema = v.object({ id: idSchema, name: v.pipe(v.string(), v.maxLength(500)), type: v.string(), size: v.pipe(v.number(), v.minValue(0)) });

const complaintSchema = v.object({
  kind: kindSchema,
  text: v.pipe(v.string(), v.maxLength(20_000)),
  contact: v.optional(v.pipe(v.string(), v.maxLength(500))),
  subject: v.optional(subjectSchema),
  attachments: v.optional(v.array(attachmentSchema)),
  complainant: v.optional(complainantSchema),
});

/** A refused ticket must say why (PIPL 50): one without reasons is invalid. */
function refusalHasReasons(ticket: { status: ComplaintStatus; refusal?: ComplaintRefusal }): boolean {
  return ticket.status !== 'refused' || (ticket.refusal?.reasons.length ?? 0) > 0;
}

/** Validates a ticket the adapter returned; throws `complaints-invalid` naming the first bad field. */
export function parseComplaintTicket(data: unknown): ComplaintTicket {
  const result = v.safeParse(ticketSchema, data);
  if (!result.success) {
    throw new RightsError('complaints-invalid', `A ticket from the complaints adapter is invalid at ${issuePath(result.issues)}`);
  }
  if (!refusalHasReasons(result.output)) {
    throw new RightsError('complaints-invalid', `Ticket "${result.output.id}" is refused without reasons; PIPL 50 requires them.`);
  }
  return result.output as ComplaintTicket;
}

/** Validates the adapter's list entry by entry: the valid tickets, and how many were not. */
export function parseComplaintTickets(data: unknown): { tickets: ComplaintTicket[]; invalid: number } {
  if (!Array.isArray(data)) {
    throw new RightsError('complaints-invalid', 'The complaints adapter did not return a list of tickets.');
  }
  const tickets: ComplaintTicket[] = [];
  let invalid = 0;
  for (const entry of data) {
    try {
      tickets.push(parseComplaintTicket(entry));
    } catch {
      invalid += 1;
    }
  }
  return { tickets, invalid };
}

/** Whether a value waiting in the outbox is a complaint the kit can send. */
export function isComplaint(data: unknown): data is Complaint {
  return v.safeParse(complaintSchema, data).success;
}

/** What the user has typed and chosen, kept on this device until submitted or discarded. */
export interface ComplaintDraft {
  kind: ComplaintKind | null;
  text: string;
  contact: string;
  attachments: ComplaintAttachment[];
  complainant: Complainant;
}

const draftSchema = v.object({
  kind: v.nullable(kindSchema),
  text: v.pipe(v.string(), v.maxLength(20_000)),
  contact: v.pipe(v.string(), v.maxLength(500)),
  attachments: v.array(attachmentSchema),
  complainant: complainantSchema,
});

/** The drafts a device keeps, by form: an item's id for a report from it, `center` for the complaint center. */
export function parseComplaintDrafts(data: unknown): Record<string, ComplaintDraft> {
  if (data === null || typeof data !== 'object') {
    return {};
  }
  const drafts: Record<string, ComplaintDraft> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const result = v.safeParse(draftSchema, value);
    if (result.success) {
      drafts[key] = result.output as ComplaintDraft;
    }
  }
  return drafts;
}

/** An empty draft. */
export function emptyComplaintDraft(kind: ComplaintKind | null = null): ComplaintDraft {
  return { kind, text: '', contact: '', attachments: [], complainant: 'user' };
}

/** Feedback deadlines per kind, in working days. */
export type ComplaintDeadlines = Partial<Record<ComplaintKind, number>>;

/** The deadline of one kind: the platform's, or the ceiling; one over the ceiling, or not a whole number of days, is a developer error. */
export function complaintDeadline(kind: ComplaintKind, deadlines: ComplaintDeadlines | undefined): number {
  const days = deadlines?.[kind] ?? COMPLAINT_DEADLINE_CEILING;
  if (!Number.isInteger(days) || days < 1 || days > COMPLAINT_DEADLINE_CEILING) {
    throw new RightsDeveloperError(
      `deadlines["${kind}"] is ${days}; a feedback deadline is a whole number of working days from 1 to ${COMPLAINT_DEADLINE_CEILING}, ` +
        'the ceiling the kit applies to every kind (the 2019 rules set it for personal-information complaints).',
    );
  }
  return days;
}

/** Where a ticket's feedback deadline stands. */
export interface TicketDue {
  /** The due date: the adapter's, or the deadline counted in working days from when it was received. */
  dueDate: CalendarDate;
  /** Working days from today to the due date: 0 on the day, negative once overdue. */
  daysLeft: number;
}

/** What decides a ticket's due date and the working days left. */
export interface TicketDueOptions {
  /** Feedback deadline per kind, in working days, from 1 to 15. Default: 15. */
  deadlines?: ComplaintDeadlines;
  /** The calendar of working days and its time zone. Default: the PRC's, in Asia/Shanghai. */
  calendar?: WorkingDayCalendar;
  /** Now, whose date in the calendar's zone is today. Hooks pass the provider's clock. */
  now: Date | number;
}

/**
 * The due date and working days left of a ticket: the adapter's due date when it gave one, else the
 * kind's deadline in working days from the day it was received, in the calendar's zone (ALG 22: 及时反馈).
 */
export function ticketDue(ticket: Pick<ComplaintTicket, 'kind' | 'receivedAt' | 'dueDate'>, options: TicketDueOptions): TicketDue {
  const calendar = options.calendar ?? PRC_WORKING_DAY_CALENDAR;
  const dueDate = ticket.dueDate ?? addWorkingDays(new Date(ticket.receivedAt), complaintDeadline(ticket.kind, options.deadlines), calendar);
  const today = toCalendarDate(options.now, calendar.timeZone);
  return { dueDate, daysLeft: workingDaysBetween(today, dueDate, calendar) };
}

/** What the platform allows as attachments (screenshots). */
export interface AttachmentLimits {
  /** Media types accepted, such as `['image/png', 'image/jpeg']`. Default: PNG, JPEG and WebP images. */
  types?: readonly string[];
  /** The largest file, in bytes. Default: 5 MB. */
  maxBytes?: number;
  /** How many files at most. Default: 3. */
  maxCount?: number;
}

/** The defaults of {@link AttachmentLimits}. */
export const DEFAULT_ATTACHMENT_LIMITS: Required<AttachmentLimits> = { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 5_000_000, maxCount: 3 };

/** Why a file was not added: its type, its size, or one file too many. */
export type AttachmentRejection = 'type' | 'size' | 'count';

/** Checks one file against the limits, given how many are already attached. */
export function checkAttachment(file: { type: string; size: number }, attached: number, limits: Required<AttachmentLimits>): AttachmentRejection | null {
  if (attached >= limits.maxCount) {
    return 'count';
  }
  if (!limits.types.includes(file.type)) {
    return 'type';
  }
  return file.size > limits.maxBytes ? 'size' : null;
}

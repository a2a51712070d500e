import type { ReadOptions, Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { Complaint, ComplaintAttachment, ComplaintDraft, ComplaintTicket } from './model.js';

/**
 * Takes complaints, appeals and reports to the platform's ticket system and
 * lists the user's tickets (ALG 22, GENAI 15, DS 12). The kit keeps each
 * submission in the outbox on this device, with one idempotency key, until
 * `submit` returns its ticket: a backend that makes one ticket per key gives
 * the user exactly one ticket however often the kit retries.
 */
export interface ComplaintsAdapter {
  /**
   * Files one complaint and returns its ticket: id, time received, kind, and the due date if the
   * platform sets one (else the kit counts the form's deadline in working days). A repeated
   * `idempotencyKey` returns the ticket made the first time and makes no other. Reject on failure:
   * the kit keeps the complaint on this device and retries it with the same key.
   */
  submit(complaint: Complaint, options: WriteOptions): Awaitable<ComplaintTicket>;
  /** The user's tickets, newest first or in any order; the kit validates each and sorts them. */
  list(options: ReadOptions): Awaitable<readonly ComplaintTicket[]>;
  /** One ticket, or `null` when there is none with that id. */
  get?(id: string, options: ReadOptions): Awaitable<ComplaintTicket | null>;
  /**
   * Takes one attachment (a screenshot) before the complaint is submitted, and returns its id, which
   * the complaint then carries. Without it the form offers no attachments.
   */
  uploadAttachment?(file: Blob & { name?: string }, options: WriteOptions): Awaitable<ComplaintAttachment>;
  /** Optional: tells the kit when a ticket's status changed, so the list is read again. */
  subscribe?: Subscribe;
}

/** Keeps unsent complaint drafts on this device, so a reload or a closed dialog loses nothing. */
export interface ComplaintDraftsAdapter {
  /** Every draft, by form (an item's id, or `center`), or `null` when there are none. */
  load(options: ReadOptions): Awaitable<Record<string, ComplaintDraft> | null>;
  /** Stores every draft, replacing what was stored. */
  save(drafts: Record<string, ComplaintDraft>): Awaitable<void>;
}

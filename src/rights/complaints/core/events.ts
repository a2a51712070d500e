import type { RightsErrorCode } from '../../../kernel/core/errors.js';
import type { WriteStep } from '../../../kernel/core/events.js';
import type { ComplaintKind } from './model.js';

/**
 * What happened to a complaint (ALG 22):
 * - `complaints.submitted`: the user submitted it; it is kept on this device until the adapter returns a ticket;
 * - `complaints.ticket-issued`: the adapter returned its ticket;
 * - `complaints.draft-discarded`: the user discarded a draft;
 * - then the steps of the write (see {@link WriteStep}).
 */
export type ComplaintsEventType = 'complaints.submitted' | 'complaints.ticket-issued' | 'complaints.draft-discarded' | `complaints.${WriteStep}`;

/** A complaint's progress, with its kind and ids only: never its text, contact or attachments. */
export interface ComplaintsEvent {
  type: ComplaintsEventType;
  /** The kind of complaint. */
  kind?: ComplaintKind;
  /** The item or decision it is about, if any. */
  subjectId?: string;
  /** The ticket, on `complaints.ticket-issued`. */
  ticketId?: string;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}

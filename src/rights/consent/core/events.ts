import type { RightsErrorCode } from '../../../kernel/core/errors.js';
import type { WriteStep } from '../../../kernel/core/events.js';

/**
 * What happened to a consent (PIPL 14–17):
 * - `consent.given`, `consent.renewed`, `consent.declined`, `consent.withdrawn`: the user's action; a
 *   receipt for it is on its way to the adapter (given and renewed take effect once it is stored);
 * - `consent.recorded`: the adapter stored the receipt;
 * - then the steps of the write (see {@link WriteStep}).
 */
export type ConsentEventType =
  | 'consent.given'
  | 'consent.renewed'
  | 'consent.declined'
  | 'consent.withdrawn'
  | 'consent.recorded'
  | `consent.${WriteStep}`;

/** A consent event, with ids, versions and hashes only: never the document's text or the user's data. */
export interface ConsentEvent {
  type: ConsentEventType;
  documentId: string;
  documentVersion: string;
  /** The hash of the text shown. */
  textSha256: string;
  /** The receipt's record id, and on `consent.recorded` the backend's receipt id. */
  recordId: string;
  receiptId?: string;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}

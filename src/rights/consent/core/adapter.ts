import type { ReadOptions, Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { ConsentReceipt, StoredConsentReceipt } from './model.js';

/**
 * Keeps the user's consent receipts (PIPL 14–17; ISO/IEC TS 27560): the proof of each consent given,
 * renewed, declined or withdrawn, with the hash of the exact text shown. The platform keeps them for its
 * personal-information compliance audits (PIPL 54) and, for children, the minors' audit reports.
 */
export interface ConsentAdapter {
  /**
   * The user's receipts, in any order.
   * @returns the receipts, or `null` when there are none. Throw (or reject) when the read fails: the kit
   * then asks for nothing it does not have to, and retries.
   */
  load(options: ReadOptions): Awaitable<readonly StoredConsentReceipt[] | null>;
  /**
   * Stores one receipt, append-only, and returns it as stored, with the backend's `receiptId` and
   * `storedAt`. A repeated `idempotencyKey` returns the receipt stored the first time and stores no
   * other. Reject on failure: the kit keeps the receipt on this device and retries with the same key.
   */
  record(receipt: ConsentReceipt, options: WriteOptions): Awaitable<StoredConsentReceipt>;
  /** Optional: tells the kit when receipts changed elsewhere (another tab or device). */
  subscribe?: Subscribe;
}

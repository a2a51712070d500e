import { createCorrelationId } from '../../../kernel/core/events.js';
import type { ConsentDocument, ConsentReceipt, SeparateConsentRequest, StoredConsentReceipt } from './model.js';

/** One row of `ConsentSettings`: a document or purpose, where it stands, and its receipts. */
export interface ConsentSettingsItem {
  documentId: string;
  /** The title the platform gave it, or its id. */
  title: string;
  /** The latest event in effect. */
  latest: ConsentReceipt;
  /** `given` (given or renewed), `withdrawn` or `declined`. */
  status: 'given' | 'withdrawn' | 'declined';
  /** A withdrawal or decline of it waits in the outbox. */
  syncing: boolean;
  /** Every receipt of it, stored or waiting, oldest first. */
  receipts: readonly (ConsentReceipt & Partial<Pick<StoredConsentReceipt, 'receiptId' | 'storedAt'>>)[];
  /** The document or request, when the platform passed it. */
  source: ConsentDocument | SeparateConsentRequest | undefined;
}

/** What the settings rows are made from. */
export interface ConsentSettingsInput {
  /** Receipts the adapter has stored. */
  stored: readonly StoredConsentReceipt[];
  /** Receipts waiting in the outbox. */
  pending: readonly ConsentReceipt[];
  /** Receipts in effect: stored, and waiting declines and withdrawals. */
  effective: readonly ConsentReceipt[];
  /** The documents and requests the platform passed, to name them. */
  documents: readonly (ConsentDocument | SeparateConsentRequest)[];
}

const byCollection = (first: ConsentReceipt, second: ConsentReceipt) => first.collectedAt.localeCompare(second.collectedAt);

/**
 * One row per document or purpose the user has a receipt in effect for, in the order first collected.
 * A document with only a grant waiting is not listed: it is not in effect until stored.
 */
export function consentSettingsItems(input: ConsentSettingsInput): ConsentSettingsItem[] {
  const { stored, pending, effective, documents } = input;
  const storedIds = new Set(stored.map((receipt) => receipt.recordId));
  // A refusal in effect may be neither: stored elsewhere, and not among this tab's receipts yet.
  const all = [...stored, ...[...pending, ...effective].filter((receipt, index, list) => !storedIds.has(receipt.recordId) && list.findIndex((other) => other.recordId === receipt.recordId) === index)];
  const ids = [...new Set(all.map((receipt) => receipt.documentId))];
  const waiting = new Set(pending.map((receipt) => receipt.recordId));
  return ids.flatMap((documentId): ConsentSettingsItem[] => {
    const receipts = all.filter((receipt) => receipt.documentId === documentId).sort(byCollection);
    const latest = effective.filter((receipt) => receipt.documentId === documentId).sort(byCollection).at(-1);
    if (!latest) {
      return [];
    }
    const source = documents.find((document) => document.id === documentId);
    return [
      {
        documentId,
        title: source?.title ?? documentId,
        latest,
        status: latest.event === 'withdrawn' ? 'withdrawn' : latest.event === 'declined' ? 'declined' : 'given',
        syncing: waiting.has(latest.recordId),
        receipts,
        source,
      },
    ];
  });
}

/** What a withdrawal receipt needs besides the consent it withdraws. */
export interface WithdrawalInput {
  locale: string;
  subjectId: string;
  /** When, in wall-clock milliseconds (the store's clock). */
  now: number;
  /** The record id. Default: a new random id. */
  recordId?: string;
}

/**
 * The receipt of withdrawing `given` (PIPL 15): it names what it withdraws, the same document, version,
 * hash of the text and purposes, and is collected with the settings' button.
 */
export function createWithdrawalReceipt(given: ConsentReceipt, input: WithdrawalInput): ConsentReceipt {
  return {
    recordId: input.recordId ?? createCorrelationId(),
    documentId: given.documentId,
    documentVersion: given.documentVersion,
    textSha256: given.textSha256,
    locale: input.locale,
    event: 'withdrawn',
    collectedAt: new Date(input.now).toISOString(),
    collectionMethod: 'button-in-settings',
    purposes: [...given.purposes],
    subjectId: input.subjectId,
  };
}

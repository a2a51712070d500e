import { DEFAULT_CONSENT_QUIET_PERIOD_MS, consentStanding, type ConsentChange, type ConsentReceipt, type ConsentStanding } from './model.js';

/**
 * Where the agreement stands:
 * - `loading`: the receipts are not known yet;
 * - `ask`: first launch, or asked again after the quiet period;
 * - `renew`: a new version that needs new consent (PIPL 14), with its change summary;
 * - `notify`: a new version whose change is notified (PIPL 17);
 * - `pending`: the user agreed, and the receipt waits to be stored;
 * - `declined`: the user declined (or withdrew) within the quiet period: the kit does not ask;
 * - `agreed`: every document is agreed to in its current version.
 */
export type AgreementPhase = 'loading' | 'ask' | 'renew' | 'notify' | 'pending' | 'declined' | 'agreed';

/**
 * Where a separate consent stands: `loading`, `ask` (also for a new version), `pending` (given, the
 * receipt waits), `given`, `declined` (within the quiet period), `withdrawn` (within the quiet period),
 * or `error`: the receipts could not be read, so the kit neither asks (the user may have declined
 * elsewhere) nor grants, and retries.
 */
export type SeparateConsentPhase = 'loading' | 'ask' | 'pending' | 'given' | 'declined' | 'withdrawn' | 'error';

/** A document or separate consent as far as its standing goes: its id, its version and what changed. */
export interface ConsentVersion {
  id: string;
  version: string;
  change?: ConsentChange;
}

/** Whether a receipt declines or withdraws: it protects the user, so it is in effect before it is stored. */
export function isRefusal(receipt: ConsentReceipt): boolean {
  return receipt.event === 'declined' || receipt.event === 'withdrawn';
}

/**
 * The receipts in effect: those the adapter stored, then the declines and withdrawals still waiting (or
 * kept until the stored receipts show them), each once, which protect the user and so apply at once. A
 * give or renewal counts only once stored.
 */
export function effectiveReceipts<Stored extends ConsentReceipt>(stored: readonly Stored[], pending: readonly ConsentReceipt[]): (Stored | ConsentReceipt)[] {
  const known = new Set(stored.map((receipt) => receipt.recordId));
  const waiting = pending.filter((receipt) => {
    const fresh = isRefusal(receipt) && !known.has(receipt.recordId);
    known.add(receipt.recordId);
    return fresh;
  });
  return [...stored, ...waiting];
}

/** Whether a give or renewal of one of `documentIds` waits to be stored: the view shows it as pending. */
export function isGranting(pending: readonly ConsentReceipt[], documentIds: readonly string[]): boolean {
  return pending.some((receipt) => (receipt.event === 'given' || receipt.event === 'renewed') && documentIds.includes(receipt.documentId));
}

/** Each document's standing at `now`, by its id. */
export function consentStandings(
  documents: readonly ConsentVersion[],
  receipts: readonly ConsentReceipt[],
  now: number,
  quietPeriodMs = DEFAULT_CONSENT_QUIET_PERIOD_MS,
): Record<string, ConsentStanding> {
  return Object.fromEntries(documents.map((document) => [document.id, consentStanding(receipts, document, now, quietPeriodMs).standing]));
}

/** What the agreement's phase is decided from. */
export interface AgreementPhaseInput {
  /** The receipts are known, or failed to load. */
  hydrated: boolean;
  /** A give or renewal of one of the documents waits to be stored ({@link isGranting}). */
  granting: boolean;
  /** Each document's standing ({@link consentStandings}). */
  standings: Readonly<Record<string, ConsentStanding>>;
  /** The user asked to see the agreement again within the quiet period. */
  reopened: boolean;
}

/**
 * The agreement's phase. A waiting grant shows as pending; a refusal within the quiet period is
 * respected unless the user reopened the agreement (网络数据安全管理条例 22(5)); a document never agreed
 * to, or asked again after the quiet period, is asked before a renewal, and a renewal before a notice.
 */
export function agreementPhase(input: AgreementPhaseInput): AgreementPhase {
  const values = Object.values(input.standings);
  if (!input.hydrated) {
    return 'loading';
  }
  if (input.granting) {
    return 'pending';
  }
  if (values.includes('quiet') && !input.reopened) {
    return 'declined';
  }
  if (values.includes('ask') || values.includes('quiet')) {
    return 'ask';
  }
  if (values.includes('renew')) {
    return 'renew';
  }
  return values.includes('notify') ? 'notify' : 'agreed';
}

/** The documents whose standing is one of `wanted`, in order; a document with no standing counts as `ask`. */
export function documentsIn<Document extends { id: string }>(
  documents: readonly Document[],
  standings: Readonly<Record<string, ConsentStanding>>,
  wanted: readonly ConsentStanding[],
): Document[] {
  return documents.filter((document) => wanted.includes(standings[document.id] ?? 'ask'));
}

/** The standings that agreeing records consent for: everything not already given. */
export const AGREE_STANDINGS: readonly ConsentStanding[] = ['ask', 'quiet', 'renew', 'notify'];

/** The standings that declining records a refusal for: a notified change needs no consent, so it is not declined. */
export const DECLINE_STANDINGS: readonly ConsentStanding[] = ['ask', 'quiet', 'renew'];

/** The event agreeing records for a document: `renewed` for a new version of one agreed to before, else `given`. */
export function agreeingEvent(standing: ConsentStanding | undefined): 'given' | 'renewed' {
  return standing === 'renew' || standing === 'notify' ? 'renewed' : 'given';
}

/** The documents with a new version, whose change summary is shown. */
export function changedDocuments<Document extends { id: string }>(documents: readonly Document[], standings: Readonly<Record<string, ConsentStanding>>): Document[] {
  return documents.filter((document) => standings[document.id] === 'renew' || standings[document.id] === 'notify');
}

/** What a separate consent's phase is decided from. */
export interface SeparateConsentPhaseInput {
  hydrated: boolean;
  /** A give or renewal of it waits to be stored. */
  granting: boolean;
  /** Its standing ({@link consentStanding}). */
  standing: ConsentStanding;
  /** Its latest receipt in effect. */
  latest: ConsentReceipt | null;
  /** The receipts could not be read. */
  loadFailed: boolean;
}

/**
 * A separate consent's phase. Given (or given to an earlier version whose change is a notice only) is
 * `given`; a refusal or withdrawal within the quiet period is respected; when the receipts could not be
 * read the kit neither asks nor grants (`error`), since the user may have declined elsewhere.
 */
export function separateConsentPhase(input: SeparateConsentPhaseInput): SeparateConsentPhase {
  if (!input.hydrated) {
    return 'loading';
  }
  if (input.granting) {
    return 'pending';
  }
  if (input.standing === 'given' || input.standing === 'notify') {
    return 'given';
  }
  if (input.standing === 'quiet') {
    return input.latest?.event === 'withdrawn' ? 'withdrawn' : 'declined';
  }
  return input.loadFailed ? 'error' : 'ask';
}

/** The quiet period in whole hours, for the words that say so. */
export function quietHours(quietPeriodMs: number): number {
  return Math.round(quietPeriodMs / 3_600_000);
}

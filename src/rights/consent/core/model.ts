import * as v from 'valibot';
import { RightsDeveloperError, RightsError } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { issuePath } from '../../../kernel/core/schema.js';

/**
 * What a consent document is:
 * - `service-agreement`: 用户服务协议 (GENAI 9: 与使用者签订服务协议);
 * - `privacy-rules`: 个人信息处理规则 (PIPL 17);
 * - `children-rules`: 儿童个人信息处理规则, shown with the guardian's consent (PIPL 31; MIN);
 * - `separate`: one purpose that needs 单独同意 (PIPL 23, 25, 29, 39; DS 14), asked by `SeparateConsent`.
 */
export type ConsentDocumentKind = 'service-agreement' | 'privacy-rules' | 'children-rules' | 'separate';

/**
 * What changed in a new version, as the platform words it (PIPL 14 ¶2, 17 ¶2):
 * - `consent`: the purpose, the method or the kinds of data changed, so the user is asked again;
 * - `notice`: anything else; the user is told, and their consent stands.
 */
export interface ConsentChange {
  kind: 'consent' | 'notice';
  /** The summary of what changed, shown above the document. */
  summary: string;
}

/**
 * One versioned document, passed as data (never as React), so the kit can hash exactly the text it
 * showed. `text` is plain text, or Markdown when `format` is `markdown`, which the kit renders without
 * raw HTML.
 */
export interface ConsentDocument {
  /** Stable across versions, such as `service-agreement`. */
  id: string;
  /** Changes with every change of the text, such as `2026-11`. */
  version: string;
  kind: ConsentDocumentKind;
  title: string;
  /** The day it takes effect, `YYYY-MM-DD`. */
  effectiveDate: string;
  text: string;
  /** Default: `plain`. */
  format?: 'plain' | 'markdown';
  /** What changed since the previous version; without it a new version is asked for as new consent. */
  change?: ConsentChange;
  /**
   * Generative services (optional): who the service is for, on which occasions and for which uses
   * (GENAI 10), and how AI-generated content is labelled (LBL 8). Shown after the text, under the kit's
   * headings, and hashed with it.
   */
  generative?: { audience?: string; labelling?: string };
}

/** The purposes that need a separate consent (单独同意, 网络数据安全管理条例 62(7)). */
export const SEPARATE_CONSENT_PURPOSES = ['sensitive', 'third-party', 'publishing', 'cross-border', 'face-voice-editing'] as const;

/**
 * One of {@link SEPARATE_CONSENT_PURPOSES}:
 * `sensitive` personal information (PIPL 29–30), sharing with a `third-party` (PIPL 23), `publishing`
 * (PIPL 25), `cross-border` transfer (PIPL 39), and editing a person's face or voice
 * (`face-voice-editing`, DS 14).
 */
export type SeparateConsentPurpose = (typeof SEPARATE_CONSENT_PURPOSES)[number];

/** Who receives the data, for sharing and cross-border transfer (PIPL 23, 39). */
export interface ConsentRecipient {
  name: string;
  /** How to reach them. */
  contact: string;
  /** Where they are; required for a cross-border transfer (境外接收方). */
  country?: string;
  /** How the user exercises their rights with the recipient (PIPL 39). */
  rights?: string;
}

/**
 * One separate consent, asked on its own (never bundled, never pre-selected): its purpose, the data,
 * the recipient and why it is necessary.
 */
export interface SeparateConsentRequest {
  /** Stable across versions, such as `share-with-payments`. */
  id: string;
  version: string;
  purpose: SeparateConsentPurpose;
  title: string;
  /** What it is for, in the platform's words. */
  purposeText: string;
  /** Which personal information, such as 人脸图像. */
  data: string;
  /** Why it is necessary and what it means for the user (PIPL 30). */
  necessity: string;
  /** Who receives it; required for `third-party` and `cross-border`. */
  recipient?: ConsentRecipient;
  /** How it is processed and for how long, if the platform says. */
  method?: string;
}

/** What happened: consent `given`, `withdrawn`, `renewed` for a new version, or `declined`. */
export type ConsentEventKind = 'given' | 'withdrawn' | 'renewed' | 'declined';

/**
 * The proof of one consent event, shaped after ISO/IEC TS 27560 and the Kantara consent receipt. It
 * holds no document text: the hash proves which text was shown.
 */
export interface ConsentReceipt {
  /** The kit's id for this record, made on the device. */
  recordId: string;
  documentId: string;
  documentVersion: string;
  /** Lowercase hex SHA-256 of the UTF-8 text exactly as shown ({@link consentShownText}). */
  textSha256: string;
  /** The language it was shown in. */
  locale: string;
  event: ConsentEventKind;
  /** When, as an ISO 8601 time. */
  collectedAt: string;
  /** How, such as `checkbox-in-dialog`. */
  collectionMethod: string;
  /** What was consented to: the document's kind, or the separate purpose. */
  purposes: string[];
  /** The user, pseudonymous, as the platform names them. */
  subjectId: string;
  /** `guardian` when a parent or guardian gave it for a child under 14 (PIPL 31). Default: `user`. */
  givenBy?: 'user' | 'guardian';
  /** What the user confirmed besides, such as that the person edited was informed and consented (DS 14). */
  confirmations?: string[];
}

/** A receipt as the adapter stored it: with the backend's id and time. */
export interface StoredConsentReceipt extends ConsentReceipt {
  receiptId: string;
  storedAt: string;
}

/** How long the kit waits after a refusal before asking again (网络数据安全管理条例 22(5)): 48 hours. */
export const DEFAULT_CONSENT_QUIET_PERIOD_MS = 48 * 60 * 60 * 1000;

/** The age below which a guardian consents (PIPL 31). */
export const GUARDIAN_CONSENT_AGE = 14;

/** Whether a guardian must consent: a platform-supplied age under 14, or the platform (minor mode) says so. */
export function needsGuardianConsent(input: { age?: number; guardianRequired?: boolean }): boolean {
  return input.guardianRequired === true || (typeof input.age === 'number' && input.age < GUARDIAN_CONSENT_AGE);
}

const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const isoSchema = v.pipe(v.string(), v.isoTimestamp());
const eventSchema = v.picklist(['given', 'withdrawn', 'renewed', 'declined']);

const receiptEntries = {
  recordId: idSchema,
  documentId: idSchema,
  documentVersion: idSchema,
  textSha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  locale: v.pipe(v.string(), v.minLength(2), v.maxLength(35)),
  event: eventSchema,
  collectedAt: isoSchema,
  collectionMethod: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  purposes: v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(128))),
  subjectId: idSchema,
  givenBy: v.optional(v.picklist(['user', 'guardian'])),
  confirmations: v.optional(v.array(v.pipe(v.string(), v.maxLength(128)))),
};

const receiptSchema = v.object(receiptEntries);
const storedSchema = v.object({ ...receiptEntries, receiptId: idSchema, storedAt: isoSchema });

/** Whether a value waiting in the outbox is a receipt the kit can send. */
export function isConsentReceipt(value: unknown): value is ConsentReceipt {
  return v.safeParse(receiptSchema, value).success;
}

/** Validates a stored receipt the adapter returned; throws `consent-invalid` naming the first bad field. */
export function parseStoredConsentReceipt(value: unknown): StoredConsentReceipt {
  const result = v.safeParse(storedSchema, value);
  if (!result.success) {
    throw new RightsError('consent-invalid', `A receipt from the consent adapter is invalid at ${issuePath(result.issues)}`);
  }
  return result.output;
}

/** Validates the adapter's receipts one by one: the valid ones, and how many were not. */
export function parseStoredConsentReceipts(value: unknown): { receipts: StoredConsentReceipt[]; invalid: number } {
  if (!Array.isArray(value)) {
    throw new RightsError('consent-invalid', 'The consent adapter did not return a list of receipts.');
  }
  const receipts: StoredConsentReceipt[] = [];
  let invalid = 0;
  for (const entry of value) {
    try {
      receipts.push(parseStoredConsentReceipt(entry));
    } catch {
      invalid += 1;
    }
  }
  return { receipts, invalid };
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a document the platform passes; a malformed one is a developer error naming the field. */
export function assertConsentDocument(document: ConsentDocument): ConsentDocument {
  const problems = [
    !document.id && 'id is empty',
    !document.version && 'version is empty',
    !datePattern.test(document.effectiveDate) && `effectiveDate "${document.effectiveDate}" is not YYYY-MM-DD`,
    !document.text.trim() && 'text is empty',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new RightsDeveloperError(`Consent document "${document.id}": ${problems.join('; ')}. Pass each document as data: id, version, title, effectiveDate and text.`);
  }
  return document;
}

/** Checks a separate consent request: sharing and cross-border transfer must name the recipient (PIPL 23, 39). */
export function assertSeparateConsentRequest(request: SeparateConsentRequest): SeparateConsentRequest {
  const needsRecipient = request.purpose === 'third-party' || request.purpose === 'cross-border';
  if (needsRecipient && (!request.recipient?.name || !request.recipient.contact)) {
    throw new RightsDeveloperError(`Separate consent "${request.id}" (${request.purpose}) must name the recipient and its contact (PIPL 23, 39).`);
  }
  if (request.purpose === 'cross-border' && !request.recipient?.country) {
    throw new RightsDeveloperError(`Separate consent "${request.id}" is a cross-border transfer: name the foreign recipient's country (PIPL 39).`);
  }
  if (!request.id || !request.version || !request.purposeText.trim() || !request.data.trim() || !request.necessity.trim()) {
    throw new RightsDeveloperError(`Separate consent "${request.id}" needs id, version, purposeText, data and necessity (PIPL 17, 30).`);
  }
  return request;
}

/**
 * The text a receipt's hash covers: the platform's own words, exactly as shown and in the order shown,
 * joined by blank lines. For a document, its text, then its generative sections; for a separate
 * consent, its purpose, data, recipient, method and necessity. The kit's headings and labels around
 * them are fixed per locale, which the receipt records.
 */
export function consentShownText(source: ConsentDocument | SeparateConsentRequest): string {
  if ('text' in source) {
    return [source.text, source.generative?.audience, source.generative?.labelling].filter((part): part is string => !!part).join('\n\n');
  }
  const recipient = source.recipient;
  return [
    source.purposeText,
    source.data,
    recipient ? [recipient.name, recipient.contact, recipient.country, recipient.rights].filter(Boolean).join('\n') : undefined,
    source.method,
    source.necessity,
  ]
    .filter((part): part is string => !!part)
    .join('\n\n');
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `text`, through Web Crypto (a secure context: https or localhost). */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new RightsDeveloperError('Web Crypto (crypto.subtle) is not available: serve the page over https (or localhost) so consent receipts can hash what was shown.');
  }
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Where one document's consent stands for the user. */
export type ConsentStanding =
  /** Never asked, or asked again after the quiet period: ask. */
  | 'ask'
  /** Consent given to this version, or to an earlier one whose change was a notice only. */
  | 'given'
  /** Given to an earlier version; this version needs new consent (PIPL 14 ¶2). */
  | 'renew'
  /** Given to an earlier version; this version's change is to be notified (PIPL 17 ¶2). */
  | 'notify'
  /** Declined or withdrawn, and the quiet period has not passed: do not ask (网络数据安全管理条例 22(5)). */
  | 'quiet';

/** The latest receipt of a document, by the time it was collected. */
export function latestReceipt<Receipt extends ConsentReceipt>(receipts: readonly Receipt[], documentId: string): Receipt | null {
  let latest: Receipt | null = null;
  for (const receipt of receipts) {
    if (receipt.documentId === documentId && (!latest || receipt.collectedAt >= latest.collectedAt)) {
      latest = receipt;
    }
  }
  return latest;
}

/**
 * Where a document's consent stands, from the user's receipts (stored and pending), the current
 * version, and the time now. Pure, so it runs the same on the server, in tests and in every tab.
 */
export function consentStanding(
  receipts: readonly ConsentReceipt[],
  current: { id: string; version: string; change?: ConsentChange },
  now: number,
  quietPeriodMs = DEFAULT_CONSENT_QUIET_PERIOD_MS,
): { standing: ConsentStanding; latest: ConsentReceipt | null; askAfter: number | null } {
  const latest = latestReceipt(receipts, current.id);
  if (!latest) {
    return { standing: 'ask', latest, askAfter: null };
  }
  if (latest.event === 'declined' || latest.event === 'withdrawn') {
    const askAfter = Date.parse(latest.collectedAt) + quietPeriodMs;
    // A device clock set back before the refusal still counts as within the quiet period.
    return now < askAfter ? { standing: 'quiet', latest, askAfter } : { standing: 'ask', latest, askAfter };
  }
  if (latest.documentVersion === current.version) {
    return { standing: 'given', latest, askAfter: null };
  }
  return { standing: current.change?.kind === 'notice' ? 'notify' : 'renew', latest, askAfter: null };
}

/** What the kit needs to make a receipt, besides the document or request shown. */
export interface ConsentReceiptInput {
  event: ConsentEventKind;
  locale: string;
  subjectId: string;
  /** When, in wall-clock milliseconds (the store's clock). */
  now: number;
  /** How it was collected. Default: `checkbox-in-dialog`. */
  collectionMethod?: string;
  givenBy?: 'user' | 'guardian';
  confirmations?: string[];
  /** The record id. Default: a new random id. */
  recordId?: string;
}

/** Makes the receipt of one consent event for what was shown, hashing its text with Web Crypto. */
export async function createConsentReceipt(source: ConsentDocument | SeparateConsentRequest, input: ConsentReceiptInput): Promise<ConsentReceipt> {
  const textSha256 = await sha256Hex(consentShownText(source));
  return {
    recordId: input.recordId ?? createCorrelationId(),
    documentId: source.id,
    documentVersion: source.version,
    textSha256,
    locale: input.locale,
    event: input.event,
    collectedAt: new Date(input.now).toISOString(),
    collectionMethod: input.collectionMethod ?? 'checkbox-in-dialog',
    purposes: ['text' in source ? source.kind : source.purpose],
    subjectId: input.subjectId,
    ...(input.givenBy && input.givenBy !== 'user' ? { givenBy: input.givenBy } : {}),
    ...(input.confirmations && input.confirmations.length > 0 ? { confirmations: [...input.confirmations] } : {}),
  };
}

import type { RightsErrorCode } from './errors.js';
import type { TagIntensity } from '../../rights/tags/core/model.js';
import type { PersonalizationTarget, RecommendationMode } from './types.js';

/**
 * The steps the write engine reports for every write of every slice, as `<slice>.<step>`:
 * - `synced`: the adapter confirmed the write;
 * - `sync-pending`: the write failed once; it protects privacy, so it is kept in the outbox and retried;
 * - `rolled-back`: the write failed; it reduced privacy, so it was undone (and the old value kept in the outbox);
 * - `replayed`: a write kept in the outbox by an earlier visit was found at start and is being sent again.
 */
export type WriteStep = 'synced' | 'sync-pending' | 'rolled-back' | 'replayed';

/**
 * What happened to a personalization choice: `personalization.changed` when
 * the user changed it (it applies at once), then the write's steps.
 */
export type PersonalizationEventType = 'personalization.changed' | `personalization.${WriteStep}`;

/** A change to personalization: the opt-out, a scope, or the feed's strategy. */
export interface PersonalizationEvent {
  /** What happened. */
  type: PersonalizationEventType;
  /** The switch it concerns: the master switch (`'all'`) or one scope. */
  scope: PersonalizationTarget;
  /** The mode before the action. */
  oldValue: RecommendationMode;
  /** The mode after the action. */
  newValue: RecommendationMode;
  /** The non-personalized feed strategy the user chose, on changes made from a `RecommendationModePicker`. */
  strategy?: string;
  /** When it happened, as an ISO 8601 string. */
  timestamp: string;
  /** Shared by every event that follows from one user action, so a log can join `changed` to its `synced` or `rolled-back`. */
  correlationId: string;
  /** Why a write failed, on `sync-pending` and `rolled-back`. */
  errorCode?: RightsErrorCode;
}

/**
 * What happened to the user's tags (ALG 17 ¶2) or to their "not interested" feedback:
 * - `tags.removed`: the user deleted tags; they are gone from the list at once.
 * - `tags.removal-undone`: the user undid a deletion.
 * - `tags.selected`: the user chose interests from the platform's catalogue.
 * - `tags.intensity-changed`: the user set how much of a category to see.
 * - `tags.not-interested`: the user said they are not interested in an item.
 * - `tags.not-interested-undone`: the user took it back before it was sent (undo in the toast).
 * - then the steps of the write (see {@link WriteStep}).
 */
export type TagsEventType =
  | 'tags.removed'
  | 'tags.removal-undone'
  | 'tags.selected'
  | 'tags.intensity-changed'
  | 'tags.not-interested'
  | 'tags.not-interested-undone'
  | `tags.${WriteStep}`;

/** A change to the user's tags. Only ids: a tag's label can itself be personal data. */
export interface TagsEvent {
  type: TagsEventType;
  /** The tags the action concerns; empty for intensity and feedback. */
  tagIds: readonly string[];
  /** The category, on `tags.intensity-changed`. */
  categoryId?: string;
  /** The intensity before and after, on `tags.intensity-changed`. */
  oldIntensity?: TagIntensity;
  newIntensity?: TagIntensity;
  /** The item, on `tags.not-interested`. */
  itemId?: string;
  /** The reason the user gave, on `tags.not-interested`. */
  reasonId?: string;
  /** When it happened, as an ISO 8601 string. */
  timestamp: string;
  /** Shared by every event that follows from one user action. */
  correlationId: string;
  /** Why a write failed, on `sync-pending` and `rolled-back`. */
  errorCode?: RightsErrorCode;
}

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
  kind?: import('../../rights/complaints/core/model.js').ComplaintKind;
  /** The item or decision it is about, if any. */
  subjectId?: string;
  /** The ticket, on `complaints.ticket-issued`. */
  ticketId?: string;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}

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

/**
 * What happened in minor mode (未成年人模式, MIN 43):
 * - `minorMode.entered` (from settings, the daily prompt or the device's signal), `minorMode.exited`,
 *   `minorMode.settings-changed`, `minorMode.time-granted`, `minorMode.pin-set`;
 * - `minorMode.guardian-verified`, `minorMode.guardian-refused` (a wrong PIN, or the platform's check
 *   failed), `minorMode.pin-locked` (too many wrong PINs);
 * - `minorMode.locked` (the curfew or the daily limit) and `minorMode.unlocked`, `minorMode.rest-reminded`;
 * - then the steps of the write (see {@link WriteStep}).
 * Never the PIN.
 */
export type MinorModeEventType =
  | 'minorMode.entered'
  | 'minorMode.exited'
  | 'minorMode.settings-changed'
  | 'minorMode.time-granted'
  | 'minorMode.pin-set'
  | 'minorMode.guardian-verified'
  | 'minorMode.guardian-refused'
  | 'minorMode.pin-locked'
  | 'minorMode.locked'
  | 'minorMode.unlocked'
  | 'minorMode.rest-reminded'
  | `minorMode.${WriteStep}`;

/** A minor-mode event: the band, the reason, minutes and counts, never the PIN. */
export interface MinorModeEvent {
  type: MinorModeEventType;
  /** The band after the action. */
  ageBand?: import('../../rights/minor-mode/core/model.js').MinorAgeBand;
  /** Who turned it on, on `minorMode.entered`. */
  source?: import('../../rights/minor-mode/core/model.js').MinorModeSource;
  /** What the guardian was asked for, on verification events. */
  purpose?: import('./adapters/types.js').GuardianPurpose;
  /** Why the app locked, on `minorMode.locked`. */
  reason?: import('../../rights/minor-mode/core/model.js').MinorModeLockReason;
  /** Minutes granted, on `minorMode.time-granted`. */
  minutes?: number;
  /** Wrong PINs in a row, on `minorMode.guardian-refused` and `minorMode.pin-locked`. */
  failures?: number;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}

/**
 * One rights action, for the platform's audit log (网络数据安全管理条例 44;
 * PIPL 54–56). It holds no personal data beyond ids. Narrow on `type`.
 */
export type RightsEvent = PersonalizationEvent | TagsEvent | ComplaintsEvent | ConsentEvent | MinorModeEvent;

/** A random id, for correlation ids and idempotency keys; uses `crypto.randomUUID` where the platform has it. */
export function createCorrelationId(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') {
    crypto.getRandomValues(bytes);
  } else {
    bytes.forEach((_, index) => {
      bytes[index] = Math.floor(Math.random() * 256);
    });
  }
  return `ar-${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

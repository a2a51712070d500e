import type { RightsErrorCode } from './errors.js';
import type { TagIntensity } from './tags.js';
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
  kind?: import('./complaints.js').ComplaintKind;
  /** The item or decision it is about, if any. */
  subjectId?: string;
  /** The ticket, on `complaints.ticket-issued`. */
  ticketId?: string;
  timestamp: string;
  correlationId: string;
  errorCode?: RightsErrorCode;
}

/**
 * One rights action, for the platform's audit log (网络数据安全管理条例 44;
 * PIPL 54–56). It holds no personal data beyond ids. Narrow on `type`.
 */
export type RightsEvent = PersonalizationEvent | TagsEvent | ComplaintsEvent;

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

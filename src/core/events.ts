import type { RightsErrorCode } from './errors.js';
import type { TagIntensity } from './tags.js';
import type { PersonalizationTarget, RecommendationMode } from './types.js';

/**
 * What happened to a personalization choice:
 * - `personalization.changed`: the user changed it; it applies at once.
 * - `personalization.synced`: the adapter confirmed the write.
 * - `personalization.sync-pending`: the write failed; the choice protects privacy, so it is kept on this device and retried.
 * - `personalization.rolled-back`: the write failed; the choice reduced privacy, so it was undone.
 * - `personalization.restored`: on load, a choice kept on this device while its write was pending was applied again.
 */
export type PersonalizationEventType =
  | 'personalization.changed'
  | 'personalization.synced'
  | 'personalization.sync-pending'
  | 'personalization.rolled-back'
  | 'personalization.restored';

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
 * - `tags.restored`: the user undid a deletion.
 * - `tags.selected`: the user chose interests from the platform's catalogue.
 * - `tags.intensity-changed`: the user set how much of a category to see.
 * - `tags.not-interested`: the user said they are not interested in an item.
 * - `tags.synced`: the adapter confirmed one of the above.
 * - `tags.sync-pending`: a deletion or feedback failed to write; it is kept on this device and retried.
 * - `tags.rolled-back`: a choice that adds data (selecting, restoring, intensity) failed to write and was undone.
 * - `tags.recovered`: on load, deletions kept on this device while their write was pending were applied again.
 */
export type TagsEventType =
  | 'tags.removed'
  | 'tags.restored'
  | 'tags.selected'
  | 'tags.intensity-changed'
  | 'tags.not-interested'
  | 'tags.synced'
  | 'tags.sync-pending'
  | 'tags.rolled-back'
  | 'tags.recovered';

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
 * One rights action, for the platform's audit log (ALG 28 requires keeping
 * logs). It holds no personal data beyond ids. Narrow on `type`.
 */
export type RightsEvent = PersonalizationEvent | TagsEvent;

let fallbackCounter = 0;

/** A random id; uses `crypto.randomUUID` where the platform has it. */
export function createCorrelationId(): string {
  const randomUUID = globalThis.crypto?.randomUUID;
  if (typeof randomUUID === 'function') {
    return randomUUID.call(globalThis.crypto);
  }
  fallbackCounter += 1;
  return `ar-${Date.now().toString(36)}-${fallbackCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

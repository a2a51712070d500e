import type { RightsErrorCode } from '../../../kernel/core/errors.js';
import type { WriteStep } from '../../../kernel/core/events.js';
import type { TagIntensity } from './model.js';

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

/** Emits one of the tags' events, with `tagIds` empty unless given; the slice stamps the time. */
export type TagsEventEmitter = (
  type: TagsEvent['type'],
  correlationId: string,
  details: Partial<Omit<TagsEvent, 'type' | 'timestamp' | 'correlationId'>>,
) => void;

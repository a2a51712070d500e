import type { RightsErrorCode } from '../../../kernel/core/errors.js';
import type { WriteStep } from '../../../kernel/core/events.js';
import type { PersonalizationTarget, RecommendationMode } from '../../../kernel/core/types.js';

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

import type { RightsErrorCode } from './errors.js';
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

/**
 * One rights action, for the platform's audit log (ALG 28 requires keeping
 * logs). It holds no personal data beyond ids.
 */
export interface RightsEvent {
  /** What happened. */
  type: PersonalizationEventType;
  /** The switch it concerns: the master switch (`'all'`) or one scope. */
  scope: PersonalizationTarget;
  /** The mode before the action. */
  oldValue: RecommendationMode;
  /** The mode after the action. */
  newValue: RecommendationMode;
  /** When it happened, as an ISO 8601 string. */
  timestamp: string;
  /** Shared by every event that follows from one user action, so a log can join `changed` to its `synced` or `rolled-back`. */
  correlationId: string;
  /** Why a write failed, on `sync-pending` and `rolled-back`. */
  errorCode?: RightsErrorCode;
}

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

import { recommendationModeData } from '../personalization-model.js';
import type { RecommendationModeData } from '../types.js';
import type { RightsState } from './rights-state.js';

/**
 * What the feed, ad, push and search requests get: each scope's mode and the
 * feed's strategy. Every rule about what the feed may personalize is decided
 * here and nowhere else, so minor mode can force ads non-personalized in one
 * place.
 */
export function selectRecommendationMode(state: RightsState): RecommendationModeData {
  return recommendationModeData(state.personalization.preferences);
}

/** True while a write of `slice` (of one of `methods`, if given) waits in the outbox: applied here, not yet confirmed by its adapter. */
export function selectSyncPending(state: RightsState, slice: string, methods?: readonly string[]): boolean {
  return state.outbox.entries.some((entry) => entry.slice === slice && (!methods || methods.includes(entry.method)));
}

/**
 * True while a choice the user made in `slice` is kept on this device and waits for its adapter: what
 * "saved on this device, syncing" may say. Not while it could not be stored on the device (the failure
 * says so), and not for a value the kit itself writes back after a rollback (the rollback's message says
 * what happened).
 */
export function selectSyncNotice(state: RightsState, slice: string, methods?: readonly string[]): boolean {
  const unsaved = new Set(state.outbox.unsaved);
  const mine = state.outbox.entries.filter((entry) => entry.slice === slice && (!methods || methods.includes(entry.method)));
  return mine.some((entry) => entry.compensates === undefined) && !mine.some((entry) => unsaved.has(entry.key));
}

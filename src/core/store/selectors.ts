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

/** True while a write of `slice` waits in the outbox: applied here, not yet confirmed by its adapter. */
export function selectSyncPending(state: RightsState, slice: string): boolean {
  return state.outbox.entries.some((entry) => entry.slice === slice);
}

import { useShallow } from 'zustand/shallow';
import { selectRecommendationMode } from '../core/store/selectors.js';
import type { RecommendationModeData } from '../core/types.js';
import { useRightsStore } from './rights-context.js';

/**
 * The user's current choice for every scope, as plain data for the feed,
 * ad, push and search requests (ALG 17 ¶1, PIPL 24 ¶2), with the feed's
 * non-personalized strategy chosen in a `RecommendationModePicker`:
 *
 * ```ts
 * const mode = useRecommendationMode();
 * fetch(`/api/feed?personalized=${mode.feed === 'personalized'}&strategy=${mode.strategy ?? ''}`);
 * ```
 *
 * The object keeps its identity until a value changes, so it is safe in
 * effect and query dependencies. It is decided in one place,
 * `selectRecommendationMode`, for every control and request.
 */
export function useRecommendationMode(): Readonly<RecommendationModeData> {
  return useRightsStore('useRecommendationMode', useShallow(selectRecommendationMode));
}

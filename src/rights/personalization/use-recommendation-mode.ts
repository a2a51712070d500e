import { useShallow } from 'zustand/shallow';
import { selectRecommendationMode, type RecommendationModeWithMinor } from './core/selectors.js';
import { useRightsStore } from '../../kernel/react/rights-context.js';

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
 * While minor mode is on (a `MinorModeGate` wraps the app), ads are always
 * non-personalized (MIN 24 ¶3) and `minor` gives the content pool of the
 * guardian's age band (`minor.contentBand`) for the feed request.
 *
 * The object keeps its identity until a value changes, so it is safe in
 * effect and query dependencies. It is decided in one place,
 * `selectRecommendationMode`, for every control and request.
 */
export function useRecommendationMode(): Readonly<RecommendationModeWithMinor> {
  return useRightsStore('useRecommendationMode', useShallow(selectRecommendationMode));
}

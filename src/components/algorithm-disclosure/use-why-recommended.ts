import { selectRecommendationMode } from '../../core/store/selectors.js';
import { useRightsStore } from '../../provider/rights-context.js';

/** State of {@link WhyRecommended}, with no markup. */
export interface UseWhyRecommendedResult {
  /** Whether the feed this item came from is personalized, as the feed request reads it; false until known. */
  personalized: boolean;
  /** True once the stored preferences are known. */
  hydrated: boolean;
}

const NAME = 'WhyRecommended';

/** Whether an item's reasons come from a personalized feed: read where the feed request reads it. */
export function useWhyRecommended(): UseWhyRecommendedResult {
  const hydrated = useRightsStore(NAME, (state) => state.personalization.load === 'ready' || state.personalization.load === 'error');
  const feedPersonalized = useRightsStore(NAME, (state) => selectRecommendationMode(state).feed === 'personalized');
  return { personalized: hydrated && feedPersonalized, hydrated };
}

import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { selectRecommendationMode } from '../personalization/core/selectors.js';
import { useRightsStore } from '../../kernel/react/rights-context.js';

/**
 * What an item's feed is based on, as far as the kit knows:
 * - `unknown`: the stored choice is not known yet; say nothing mode-specific;
 * - `personalized`: the feed is personalized;
 * - `non-personalized`: personalization is off (the user's choice, or the
 *   platform's default);
 * - `fallback`: non-personalized because the stored choice could not be read
 *   (corrupt or unreadable storage, a failed read): the user did not turn it
 *   off, so never say they did.
 */
export type WhyRecommendedBasis = 'unknown' | 'personalized' | 'non-personalized' | 'fallback';

/** State of {@link WhyRecommended}, with no markup. */
export interface UseWhyRecommendedResult {
  /** Whether the feed this item came from is personalized, as the feed request reads it; false until known. */
  personalized: boolean;
  /** True once the stored preferences are known (or failed to load, showing the protective fallback). */
  hydrated: boolean;
  /** What the feed is based on; see {@link WhyRecommendedBasis}. */
  basis: WhyRecommendedBasis;
  /** The non-personalized strategy the feed uses (`useRecommendationMode().strategy`), or `null`. */
  strategy: string | null;
}

const NAME = 'WhyRecommended';

/** Whether an item's reasons come from a personalized feed: read where the feed request reads it. */
export function useWhyRecommended(): UseWhyRecommendedResult {
  const { load, fallback, feedPersonalized, strategy } = useRightsStore(
    NAME,
    useShallow((state) => {
      const mode = selectRecommendationMode(state);
      const action = state.personalization.failure?.action;
      return {
        load: state.personalization.load,
        // A failed read, or choices on this device that could not be read: what shows is the protective fallback.
        fallback: state.personalization.load === 'error' || action === 'load' || action === 'recover',
        feedPersonalized: mode.feed === 'personalized',
        strategy: mode.strategy,
      };
    }),
  );
  return useMemo(() => {
    const hydrated = load === 'ready' || load === 'error';
    const basis: WhyRecommendedBasis = !hydrated ? 'unknown' : feedPersonalized ? 'personalized' : fallback ? 'fallback' : 'non-personalized';
    return { personalized: hydrated && feedPersonalized, hydrated, basis, strategy: hydrated && !feedPersonalized ? strategy : null };
  }, [load, fallback, feedPersonalized, strategy]);
}

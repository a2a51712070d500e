import { useCallback, useState } from 'react';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { effectiveModes } from './core/model.js';
import { useRightsContext, useRightsStore } from '../../kernel/react/rights-context.js';
import { usePersonalizationStatus, type UsePersonalizationStatusResult } from './use-personalization-status.js';

/** A non-personalized way to rank the feed that the platform offers, such as "popular near you". */
export interface RecommendationStrategy {
  /** Stable id, sent with the feed request as `useRecommendationMode().strategy`. Not `'personalized'`. */
  id: string;
  /** What the user sees, in the user's language. */
  label: string;
  /** One short sentence on what the feed then shows. */
  description?: string;
}

/** The picker's value: `'personalized'`, or the id of a {@link RecommendationStrategy}. */
export const PERSONALIZED = 'personalized';

export interface UseRecommendationModePickerOptions {
  /** The non-personalized strategies, in order; the first is shown as chosen when the user turned personalization off elsewhere. */
  strategies: readonly RecommendationStrategy[];
  /** Controlled value: wins over the store for display. */
  value?: string;
  /**
   * Called with the new value before the store is written. Returning `false` vetoes going back to the
   * personalized feed; choosing a non-personalized strategy always applies (ALG 17 ¶1).
   */
  onValueChange?: (value: string) => boolean | void;
}

/** State and behaviour of {@link RecommendationModePicker}, with no markup. */
export interface UseRecommendationModePickerResult extends UsePersonalizationStatusResult {
  /** `'personalized'` or a strategy id. */
  value: string;
  /** Chooses `'personalized'` or a strategy. */
  choose(value: string): void;
  /** The value the user last chose here, for a polite announcement; `null` before any choice. */
  announcement: string | null;
}

const NAME = 'RecommendationModePicker';

function assertStrategies(strategies: readonly RecommendationStrategy[]): void {
  if (strategies.length === 0) {
    throw new RightsDeveloperError(
      `\`${NAME}\` needs at least one non-personalized strategy in \`strategies\`, such as ` +
        `{ id: 'popular-nearby', label: '附近热门' }: ALG 17 ¶1 requires an option not based on personal characteristics.`,
    );
  }
  const seen = new Set<string>();
  for (const strategy of strategies) {
    if (strategy.id === PERSONALIZED || strategy.id.trim() === '') {
      throw new RightsDeveloperError(`\`${NAME}\` strategy ids must be non-empty and not "${PERSONALIZED}", which stands for the personalized feed.`);
    }
    if (seen.has(strategy.id)) {
      throw new RightsDeveloperError(`\`${NAME}\` got the strategy id "${strategy.id}" twice in \`strategies\`; ids must be unique.`);
    }
    seen.add(strategy.id);
  }
}

export function useRecommendationModePicker(options: UseRecommendationModePickerOptions): UseRecommendationModePickerResult {
  const { strategies, value, onValueChange } = options;
  assertStrategies(strategies);
  const { store } = useRightsContext(NAME);
  const status = usePersonalizationStatus(NAME);
  const feedPersonalized = useRightsStore(NAME, (state) => effectiveModes(state.personalization.preferences).feed === 'personalized');
  const storedStrategy = useRightsStore(NAME, (state) => state.personalization.preferences.strategy ?? null);
  // Announced after the user's own change, never on load.
  const [announcement, setAnnouncement] = useState<string | null>(null);

  const firstStrategy = strategies[0]?.id ?? PERSONALIZED;
  const storeValue = feedPersonalized
    ? PERSONALIZED
    : strategies.some((strategy) => strategy.id === storedStrategy)
      ? (storedStrategy as string)
      : firstStrategy;

  const choose = useCallback(
    (next: string) => {
      if (onValueChange?.(next) === false && next === PERSONALIZED) {
        return;
      }
      if (next === PERSONALIZED) {
        void store.getState().setPersonalization('feed', 'personalized');
      } else {
        void store.getState().chooseFeedStrategy(next);
      }
      setAnnouncement(next);
    },
    [store, onValueChange],
  );

  return { ...status, value: value ?? storeValue, choose, announcement };
}

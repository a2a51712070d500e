import { useShallow } from 'zustand/shallow';
import { effectiveModes } from '../core/personalization-model.js';
import type { ScopeModes } from '../core/types.js';
import { useRightsStore } from './rights-context.js';

/**
 * The user's current choice for every scope, as plain data for the feed,
 * ad, push and search requests (ALG 17 ¶1, PIPL 24 ¶2):
 *
 * ```ts
 * const mode = useRecommendationMode();
 * fetch(`/api/feed?personalized=${mode.feed === 'personalized'}`);
 * ```
 *
 * The object keeps its identity until a value changes, so it is safe in
 * effect and query dependencies.
 */
export function useRecommendationMode(): Readonly<ScopeModes> {
  return useRightsStore(
    'useRecommendationMode',
    useShallow((state) => effectiveModes(state.personalization.preferences)),
  );
}

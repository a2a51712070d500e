import type { PersonalizationAction } from './core/slice.js';
import { personalizationSlice } from './core/slice.js';
import { useSliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';

/**
 * Where the personalization choice stands: what every personalization control and a waiting feed read.
 * Until `hydrated`, `useRecommendationMode()` reports non-personalized.
 */
export interface UsePersonalizationStatusResult extends UseSliceStatusResult<PersonalizationAction> {}

/** Whether personalization is loaded and synced: for a feed that waits for the user's choice before its first request. */
export function usePersonalizationStatus(consumerName = 'usePersonalizationStatus'): UsePersonalizationStatusResult {
  return useSliceStatus(consumerName, personalizationSlice);
}

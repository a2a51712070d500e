import { useShallow } from 'zustand/shallow';
import type { RightsErrorCode } from '../core/errors.js';
import type { SliceStatus } from '../core/types.js';
import { useRightsStore } from './rights-context.js';

export interface PersonalizationStatus {
  /** Life cycle of the personalization data. */
  status: SliceStatus;
  /** False until stored preferences are known. Until then {@link useRecommendationMode} reports non-personalized. */
  known: boolean;
  /** An opt-out is kept on this device and not yet confirmed by the adapter. */
  syncPending: boolean;
  /** The code of the last failure, or `null`. */
  errorCode: RightsErrorCode | null;
}

/** Whether personalization data is loaded and synced: for a feed that waits for the user's choice before its first request. */
export function usePersonalizationStatus(): PersonalizationStatus {
  return useRightsStore(
    'usePersonalizationStatus',
    useShallow((state) => ({
      status: state.personalization.status,
      known: state.personalization.known,
      syncPending: state.personalization.syncPending,
      errorCode: state.personalization.error?.code ?? null,
    })),
  );
}

import { useCallback, useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import type { RightsFailure } from '../../kernel/core/errors.js';
import { selectSyncNotice, selectSyncPending } from './core/selectors.js';
import type { PersonalizationAction } from './core/slice.js';
import type { LoadState } from '../../kernel/core/types.js';
import { useRightsContext, useRightsStore } from '../../kernel/react/rights-context.js';

/** Where the personalization choice stands: what every personalization control and a waiting feed read. */
export interface UsePersonalizationStatusResult {
  /** Whether the stored preferences are known. */
  load: LoadState;
  /** True once the stored preferences are known (or failed to load, showing the protective fallback). Until then `useRecommendationMode()` reports non-personalized. */
  hydrated: boolean;
  /** A choice waits in the outbox: it applies here and is not yet confirmed by the adapter. */
  syncPending: boolean;
  /** A choice of the user's is kept on this device and syncing: what the "saved on this device, syncing" message may say. */
  syncNotice: boolean;
  /** The last failure, or `null`. Show it with `<component>.failed.<action>`, else `errors.<code>`. */
  failure: RightsFailure<PersonalizationAction> | null;
  /** Sends what is pending now, and reads the preferences again if that failed. */
  retry(): void;
  /** Forgets the failure once the user has seen it. */
  dismissFailure(): void;
}

/** Whether personalization is loaded and synced: for a feed that waits for the user's choice before its first request. */
export function usePersonalizationStatus(consumerName = 'usePersonalizationStatus'): UsePersonalizationStatusResult {
  const { store } = useRightsContext(consumerName);
  const { load, syncPending, syncNotice, failure } = useRightsStore(
    consumerName,
    useShallow((state) => ({
      load: state.personalization.load,
      syncPending: selectSyncPending(state, 'personalization'),
      syncNotice: selectSyncNotice(state, 'personalization'),
      failure: state.personalization.failure,
    })),
  );
  const retry = useCallback(() => void store.getState().retryPersonalization(), [store]);
  const dismissFailure = useCallback(() => store.getState().dismissPersonalizationFailure(), [store]);
  return useMemo(
    () => ({ load, hydrated: load === 'ready' || load === 'error', syncPending, syncNotice, failure, retry, dismissFailure }),
    [load, syncPending, syncNotice, failure, retry, dismissFailure],
  );
}

import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import type { ConsentReceipt, StoredConsentReceipt } from './core/model.js';
import { effectiveReceipts } from './core/phases.js';
import type { RightsFailure } from '../../kernel/core/errors.js';
import type { RightsState } from '../../kernel/core/store/registry.js';
import { consentSlice, pendingReceipt, type ConsentAction, type RightsStateWithConsent } from './core/slice.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import { useIsomorphicLayoutEffect } from '../../kernel/react/use-isomorphic-layout-effect.js';
import { useSliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';

/** The consent slice's data in any store: present once a consent component has registered the slice. */
export const consentOf = (state: RightsState) => (state as RightsStateWithConsent).consent;

/** State every consent view shares, following the component contract. */
export interface UseConsentResult extends UseSliceStatusResult<ConsentAction> {
  /** A receipt waits in the outbox: kept on this device, not yet stored by the adapter. */
  syncPending: boolean;
  /**
   * A receipt of the user's is kept on this device and syncing, which is what "saved on this device,
   * syncing" may say: the component contract's `syncNotice`, through `selectSyncNotice`.
   */
  syncNotice: boolean;
  /**
   * The last failure, or `null`. A receipt the adapter has refused at least once shows as
   * `{ code: 'write-failed', action: 'record' }`. Show it with `consent.failed.<action>`, else `errors.<code>`.
   */
  failure: RightsFailure<ConsentAction> | null;
  /** Stored receipts, and declines and withdrawals waiting or not yet among them here: what is in effect. */
  receipts: readonly ConsentReceipt[];
  /** Receipts the adapter has stored, oldest first. */
  storedReceipts: readonly StoredConsentReceipt[];
  /** Receipts waiting in the outbox, oldest first. */
  pendingReceipts: readonly ConsentReceipt[];
}

/** The consent slice for any view: the user's receipts, what waits to be stored, and the failure. */
export function useConsent(consumerName = 'useConsent'): UseConsentResult {
  const store = useRightsSlice(consumerName, consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const status = useSliceStatus(consumerName, consentSlice);
  const { stored, refusals, pendingEntries } = useRightsStore(
    consumerName,
    useShallow((state) => ({
      stored: consentOf(state).receipts,
      refusals: consentOf(state).refusals,
      pendingEntries: state.outbox.entries,
    })),
  );
  useIsomorphicLayoutEffect(() => {
    actions.loadConsent();
  }, [actions]);
  const derived = useMemo(() => {
    const entries = pendingEntries.filter((entry) => entry.slice === 'consent');
    const pendingReceipts = entries.map(pendingReceipt).filter((receipt): receipt is ConsentReceipt => receipt !== null);
    const refused = entries.some((entry) => entry.attempts > 0);
    return { pendingReceipts, refused };
  }, [pendingEntries]);
  // Declines and withdrawals protect the user: in effect while they wait, and until this tab's receipts
  // show them, even once another tab stored them. Gives count once stored.
  const receipts = useMemo(() => effectiveReceipts(stored, [...derived.pendingReceipts, ...refusals]), [stored, refusals, derived.pendingReceipts]);
  return {
    ...status,
    failure: status.failure ?? (derived.refused ? { code: 'write-failed', action: 'record' } : null),
    receipts,
    storedReceipts: stored,
    pendingReceipts: derived.pendingReceipts,
  };
}

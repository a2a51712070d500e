import { useCallback, useMemo } from 'react';
import type { ConsentDocument, SeparateConsentRequest } from './core/model.js';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { consentSettingsItems, createWithdrawalReceipt, type ConsentSettingsItem } from './core/settings.js';
import { consentSlice, type RightsStateWithConsent } from './core/slice.js';
import { useRightsContext, useRightsSlice } from '../../kernel/react/rights-context.js';
import { useConsent, type UseConsentResult } from './use-consent.js';

export type { ConsentSettingsItem } from './core/settings.js';

/** Options of {@link useConsentSettings} and `ConsentSettings`. */
export interface UseConsentSettingsOptions {
  /** The documents and separate consents the platform asks for, to name them; receipts of others are listed by id. */
  documents?: readonly (ConsentDocument | SeparateConsentRequest)[];
  subjectId: string;
}

/** State and behaviour of `ConsentSettings`, with no markup. */
export interface UseConsentSettingsResult extends UseConsentResult {
  /** One row per document or purpose the user has receipts for, in the order first collected. */
  items: readonly ConsentSettingsItem[];
  /** Withdraws consent (protective: in effect at once, kept in the outbox and retried until stored). */
  withdraw(documentId: string): Promise<void>;
}

const NO_DOCUMENTS: readonly (ConsentDocument | SeparateConsentRequest)[] = [];

/** State and behaviour of `ConsentSettings`: what the user agreed to, with receipts, and withdrawal. */
export function useConsentSettings(options: UseConsentSettingsOptions): UseConsentSettingsResult {
  const { documents = NO_DOCUMENTS, subjectId } = options;
  const shared = useConsent('ConsentSettings');
  const store = useRightsSlice('ConsentSettings', consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const { locale } = useRightsContext('ConsentSettings');
  if (!subjectId) {
    throw new RightsDeveloperError('`ConsentSettings` needs `subjectId`: the user\'s pseudonymous id, which every consent receipt records.');
  }
  const items = useMemo(
    () => consentSettingsItems({ stored: shared.storedReceipts, pending: shared.pendingReceipts, effective: shared.receipts, documents }),
    [shared.storedReceipts, shared.pendingReceipts, shared.receipts, documents],
  );

  const withdraw = useCallback(
    async (documentId: string) => {
      const item = items.find((candidate) => candidate.documentId === documentId);
      if (!item || item.status !== 'given') {
        return;
      }
      await actions.recordConsent(createWithdrawalReceipt(item.latest, { locale, subjectId, now: actions.consentNow() }));
    },
    [items, actions, locale, subjectId],
  );

  return { ...shared, items, withdraw };
}

import { useCallback, useMemo } from 'react';
import { createConsentReceipt, type ConsentDocument, type ConsentEventKind, type SeparateConsentRequest } from './core/model.js';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { consentSlice, type RightsStateWithConsent } from './core/slice.js';
import { useRightsContext, useRightsSlice } from '../../kernel/react/rights-context.js';

/** What a receipt records besides the document and the event. */
export interface ConsentRecordExtra {
  givenBy?: 'user' | 'guardian';
  confirmations?: string[];
  collectionMethod?: string;
}

/** Makes and records receipts for what a view showed, in the provider's locale and on the store's clock. */
export function useConsentRecorder(consumerName: string, subjectId: string) {
  const store = useRightsSlice(consumerName, consentSlice);
  const { locale } = useRightsContext(consumerName);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  if (!subjectId) {
    throw new RightsDeveloperError(`\`${consumerName}\` needs \`subjectId\`: the user's pseudonymous id, which every consent receipt records.`);
  }
  return useCallback(
    async (source: ConsentDocument | SeparateConsentRequest, event: ConsentEventKind, extra: ConsentRecordExtra = {}) => {
      const receipt = await createConsentReceipt(source, { event, locale, subjectId, now: actions.consentNow(), ...extra });
      await actions.recordConsent(receipt);
      return receipt;
    },
    [actions, locale, subjectId],
  );
}

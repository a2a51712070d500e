import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_CONSENT_QUIET_PERIOD_MS, assertSeparateConsentRequest, consentStanding, type ConsentReceipt, type SeparateConsentRequest } from './core/model.js';
import { isGranting, quietHours, separateConsentPhase, type SeparateConsentPhase } from './core/phases.js';
import { consentSlice, type RightsStateWithConsent } from './core/slice.js';
import { useRightsSlice } from '../../kernel/react/rights-context.js';
import { consentOf, useConsent, type UseConsentResult } from './use-consent.js';
import { useConsentRecorder } from './use-consent-recorder.js';

/** Options of {@link useSeparateConsent} and `SeparateConsent`. */
export interface UseSeparateConsentOptions {
  /** The one purpose asked for, with its data, recipient and necessity. */
  request: SeparateConsentRequest;
  /** The user, pseudonymous, as the platform names them. */
  subjectId: string;
  /** How long after a refusal the kit does not ask again, in milliseconds. Default: 48 hours. */
  quietPeriodMs?: number;
  /** Called once the receipt is stored: the feature may go on. */
  onGiven?: (receipt: ConsentReceipt) => void;
  /** Called when the user declines; everything that does not need this consent keeps working (PIPL 16). */
  onDeclined?: () => void;
}

/** State and behaviour of one separate consent, with no markup. */
export interface UseSeparateConsentResult extends UseConsentResult {
  phase: SeparateConsentPhase;
  /** Whether the feature may use the data: true only once the receipt is stored. */
  granted: boolean;
  checked: boolean;
  setChecked(checked: boolean): void;
  /** For face or voice editing (DS 14): the user confirms the person edited was informed and consented. */
  informed: boolean;
  setInformed(informed: boolean): void;
  /** Whether 同意 can be pressed: ticked, and for DS 14 also confirmed. */
  canAgree: boolean;
  agree(): Promise<void>;
  decline(): Promise<void>;
  quietHours: number;
}

/** The confirmation DS 14 asks of the user who edits another person's face or voice. */
export const EDITED_PERSON_INFORMED = 'edited-person-informed-and-consented';

/** State and behaviour of `SeparateConsent`, with no markup. */
export function useSeparateConsent(options: UseSeparateConsentOptions): UseSeparateConsentResult {
  const { subjectId, quietPeriodMs = DEFAULT_CONSENT_QUIET_PERIOD_MS, onGiven, onDeclined } = options;
  const request = useMemo(() => assertSeparateConsentRequest(options.request), [options.request]);
  const shared = useConsent('SeparateConsent');
  const store = useRightsSlice('SeparateConsent', consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const record = useConsentRecorder('SeparateConsent', subjectId);
  const [checked, setChecked] = useState(false);
  const [informed, setInformed] = useState(false);
  const busy = useRef(false);
  const { standing, latest } = consentStanding(shared.receipts, request, actions.consentNow(), quietPeriodMs);
  const granting = isGranting(shared.pendingReceipts, [request.id]);
  const editing = request.purpose === 'face-voice-editing';
  const phase = separateConsentPhase({ hydrated: shared.hydrated, granting, standing, latest, loadFailed: shared.load === 'error' });
  const canAgree = checked && (!editing || informed);

  const agree = useCallback(async () => {
    if (!canAgree || busy.current) {
      return;
    }
    busy.current = true;
    const receipt = await record(request, standing === 'renew' ? 'renewed' : 'given', editing ? { confirmations: [EDITED_PERSON_INFORMED] } : {}).finally(() => {
      busy.current = false;
    });
    if (consentOf(store.getState()).receipts.some((stored) => stored.recordId === receipt.recordId)) {
      onGiven?.(receipt);
    }
  }, [canAgree, record, request, standing, editing, store, onGiven]);

  const decline = useCallback(async () => {
    if (busy.current) {
      return;
    }
    busy.current = true;
    setChecked(false);
    setInformed(false);
    await record(request, 'declined').finally(() => {
      busy.current = false;
    });
    onDeclined?.();
  }, [record, request, onDeclined]);

  return {
    ...shared,
    phase,
    granted: phase === 'given',
    checked,
    setChecked,
    informed,
    setInformed,
    canAgree,
    agree,
    decline,
    quietHours: quietHours(quietPeriodMs),
  };
}

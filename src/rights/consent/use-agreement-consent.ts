import { useCallback, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_CONSENT_QUIET_PERIOD_MS,
  assertConsentDocument,
  needsGuardianConsent,
  type ConsentDocument,
  type ConsentReceipt,
  type ConsentStanding,
} from './core/model.js';
import {
  AGREE_STANDINGS,
  DECLINE_STANDINGS,
  agreeingEvent,
  agreementPhase,
  changedDocuments,
  consentStandings,
  documentsIn,
  isGranting,
  quietHours,
  type AgreementPhase,
} from './core/phases.js';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { consentSlice, type RightsStateWithConsent } from './core/slice.js';
import { useRightsSlice } from '../../kernel/react/rights-context.js';
import { consentOf, useConsent, type UseConsentResult } from './use-consent.js';
import { useConsentRecorder } from './use-consent-recorder.js';

export type { AgreementPhase, SeparateConsentPhase } from './core/phases.js';
export type { ConsentSettingsItem } from './core/settings.js';
export { useConsent, type UseConsentResult } from './use-consent.js';
export { EDITED_PERSON_INFORMED, useSeparateConsent, type UseSeparateConsentOptions, type UseSeparateConsentResult } from './use-separate-consent.js';
export { useConsentSettings, type UseConsentSettingsOptions, type UseConsentSettingsResult } from './use-consent-settings.js';

/** Options of {@link useAgreementConsent} and `AgreementConsent`. */
export interface UseAgreementConsentOptions {
  /** The documents to agree to, each separate and versioned: the 用户服务协议 and the 个人信息处理规则. */
  documents: readonly ConsentDocument[];
  /** The user, pseudonymous, as the platform names them; every receipt records it. */
  subjectId: string;
  /** The user's age, from the platform: under 14, a guardian consents (PIPL 31). */
  age?: number;
  /** The platform (or minor mode) says a guardian must consent, whatever `age` says. */
  guardianRequired?: boolean;
  /** The children's rules (儿童个人信息处理规则), shown and agreed to with the guardian's consent. Required when a guardian consents. */
  childrenRules?: ConsentDocument;
  /** How long after a refusal the kit does not ask again, in milliseconds (网络数据安全管理条例 22(5)). Default: 48 hours. */
  quietPeriodMs?: number;
  /** Called once every receipt of an agreement is stored: the app may go on. */
  onAgreed?: (receipts: readonly ConsentReceipt[]) => void;
  /** Called when the user declines; the app keeps what works without the agreement. */
  onDeclined?: () => void;
}

/** State and behaviour of the agreement, with no markup. */
export interface UseAgreementConsentResult extends UseConsentResult {
  phase: AgreementPhase;
  /** The documents shown, the children's rules included when a guardian consents. */
  documents: readonly ConsentDocument[];
  /** Each document's standing. */
  standings: Readonly<Record<string, ConsentStanding>>;
  /** Documents with a new version, whose change summary is shown. */
  changed: readonly ConsentDocument[];
  /** A guardian consents (PIPL 31). */
  guardian: boolean;
  /** The checkbox; it starts unticked and stays ticked while the receipt waits. */
  checked: boolean;
  setChecked(checked: boolean): void;
  /** Records consent to every document that needs it (`given`, or `renewed` for a new version). Only when ticked. */
  agree(): Promise<void>;
  /** Records the refusal of every document that needs consent; the quiet period starts. */
  decline(): Promise<void>;
  /** Acknowledges a notified change: records `renewed` with the notice as the collection method. */
  acknowledge(): Promise<void>;
  /** The user asks to see the agreement again within the quiet period. */
  reopen(): void;
  /** The quiet period, in hours, for the words that say so. */
  quietHours: number;
}

/** State and behaviour of {@link AgreementConsent}, with no markup. */
export function useAgreementConsent(options: UseAgreementConsentOptions): UseAgreementConsentResult {
  const { subjectId, childrenRules, quietPeriodMs = DEFAULT_CONSENT_QUIET_PERIOD_MS, onAgreed, onDeclined } = options;
  const guardian = needsGuardianConsent(options);
  if (guardian && !childrenRules) {
    throw new RightsDeveloperError('A guardian consents for this user (age under 14, or guardianRequired): pass `childrenRules`, the 儿童个人信息处理规则 (PIPL 31).');
  }
  const documents = useMemo(
    () => [...options.documents, ...(guardian && childrenRules ? [childrenRules] : [])].map(assertConsentDocument),
    [options.documents, guardian, childrenRules],
  );
  const shared = useConsent('AgreementConsent');
  const store = useRightsSlice('AgreementConsent', consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const record = useConsentRecorder('AgreementConsent', subjectId);
  const [checked, setChecked] = useState(false);
  const [reopened, setReopened] = useState(false);
  // Hashing takes a moment before the write is in the outbox: a second tap meanwhile records nothing more.
  const busy = useRef(false);
  const now = actions.consentNow();

  const standings = useMemo(
    () => consentStandings(documents, shared.receipts, now, quietPeriodMs),
    // `now` moves on every render; a standing changes with the receipts, so the time is read when they change.
    [documents, shared.receipts, quietPeriodMs],
  );
  const granting = isGranting(shared.pendingReceipts, documents.map((document) => document.id));
  const phase: AgreementPhase = agreementPhase({ hydrated: shared.hydrated, granting, standings, reopened });

  const agree = useCallback(async () => {
    if (!checked || busy.current) {
      return;
    }
    busy.current = true;
    const targets = documentsIn(documents, standings, AGREE_STANDINGS);
    const made = await Promise.all(targets.map((document) => record(document, agreeingEvent(standings[document.id]), guardian ? { givenBy: 'guardian' } : {}))).finally(() => {
      busy.current = false;
    });
    setReopened(false);
    const stored = new Set(consentOf(store.getState()).receipts.map((receipt) => receipt.recordId));
    if (made.every((receipt) => stored.has(receipt.recordId))) {
      onAgreed?.(made);
    }
  }, [checked, standings, documents, record, guardian, store, onAgreed]);

  const decline = useCallback(async () => {
    if (busy.current) {
      return;
    }
    busy.current = true;
    const targets = documentsIn(documents, standings, DECLINE_STANDINGS);
    setChecked(false);
    setReopened(false);
    await Promise.all(targets.map((document) => record(document, 'declined', guardian ? { givenBy: 'guardian' } : {}))).finally(() => {
      busy.current = false;
    });
    onDeclined?.();
  }, [standings, documents, record, guardian, onDeclined]);

  const acknowledge = useCallback(async () => {
    await Promise.all(documentsIn(documents, standings, ['notify']).map((document) => record(document, 'renewed', { collectionMethod: 'notice-in-dialog' })));
  }, [standings, documents, record]);

  return {
    ...shared,
    phase,
    documents,
    standings,
    changed: changedDocuments(documents, standings),
    guardian,
    checked,
    setChecked,
    agree,
    decline,
    acknowledge,
    reopen: useCallback(() => setReopened(true), []),
    quietHours: quietHours(quietPeriodMs),
  };
}

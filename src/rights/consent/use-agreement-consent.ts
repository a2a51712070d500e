import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import {
  DEFAULT_CONSENT_QUIET_PERIOD_MS,
  assertConsentDocument,
  assertSeparateConsentRequest,
  consentStanding,
  createConsentReceipt,
  needsGuardianConsent,
  type ConsentDocument,
  type ConsentEventKind,
  type ConsentReceipt,
  type ConsentStanding,
  type SeparateConsentRequest,
  type StoredConsentReceipt,
} from './core/model.js';
import { RightsDeveloperError, type RightsFailure } from '../../kernel/core/errors.js';
import { createCorrelationId } from '../../kernel/core/events.js';
import type { RightsState } from '../../kernel/core/store/registry.js';
import {
  consentSlice,
  pendingReceipt,
  selectPendingConsent,
  type ConsentAction,
  type RightsStateWithConsent,
} from './core/slice.js';
import type { LoadState } from '../../kernel/core/types.js';
import { useRightsContext, useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import { useSliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';
import { useIsomorphicLayoutEffect } from '../../kernel/react/use-isomorphic-layout-effect.js';

const consentOf = (state: RightsState) => (state as RightsStateWithConsent).consent;

/** State every consent view shares, following the component contract. */
export interface UseConsentResult extends UseSliceStatusResult<ConsentAction> {
  /** A receipt waits in the outbox: kept on this device, not yet stored by the adapter. */
  syncPending: boolean;
  /** A decline or withdrawal of the user's is in effect on this device and syncing. */
  syncNotice: boolean;
  /**
   * The last failure, or `null`. A receipt the adapter has refused at least once shows as
   * `{ code: 'write-failed', action: 'record' }`. Show it with `consent.failed.<action>`, else `errors.<code>`.
   */
  failure: RightsFailure<ConsentAction> | null;
  /** Stored receipts and waiting declines and withdrawals: what is in effect. */
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
  // A decline or withdrawal is what "in effect on this device, syncing" speaks of; a give counts once stored.
  const status = useSliceStatus(consumerName, consentSlice, { noticePolicies: ['protective'] });
  const { stored, pendingEntries } = useRightsStore(
    consumerName,
    useShallow((state) => ({
      stored: consentOf(state).receipts,
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
  const receipts = useMemo(() => {
    const known = new Set(stored.map((receipt) => receipt.recordId));
    // Declines and withdrawals protect the user: in effect while they wait. Gives count once stored.
    return [...stored, ...derived.pendingReceipts.filter((receipt) => !known.has(receipt.recordId) && (receipt.event === 'declined' || receipt.event === 'withdrawn'))];
  }, [stored, derived.pendingReceipts]);
  return {
    ...status,
    failure: status.failure ?? (derived.refused ? { code: 'write-failed', action: 'record' } : null),
    receipts,
    storedReceipts: stored,
    pendingReceipts: derived.pendingReceipts,
  };
}

/** Makes and records receipts for what a view showed, in the provider's locale and on the store's clock. */
function useRecorder(consumerName: string, subjectId: string) {
  const store = useRightsSlice(consumerName, consentSlice);
  const { locale } = useRightsContext(consumerName);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  if (!subjectId) {
    throw new RightsDeveloperError(`\`${consumerName}\` needs \`subjectId\`: the user's pseudonymous id, which every consent receipt records.`);
  }
  return useCallback(
    async (source: ConsentDocument | SeparateConsentRequest, event: ConsentEventKind, extra: { givenBy?: 'user' | 'guardian'; confirmations?: string[]; collectionMethod?: string } = {}) => {
      const receipt = await createConsentReceipt(source, { event, locale, subjectId, now: actions.consentNow(), ...extra });
      await actions.recordConsent(receipt);
      return receipt;
    },
    [actions, locale, subjectId],
  );
}

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

/**
 * Where the agreement stands:
 * - `loading`: the receipts are not known yet;
 * - `ask`: first launch, or asked again after the quiet period;
 * - `renew`: a new version that needs new consent (PIPL 14), with its change summary;
 * - `notify`: a new version whose change is notified (PIPL 17);
 * - `pending`: the user agreed, and the receipt waits to be stored;
 * - `declined`: the user declined (or withdrew) within the quiet period: the kit does not ask;
 * - `agreed`: every document is agreed to in its current version.
 */
export type AgreementPhase = 'loading' | 'ask' | 'renew' | 'notify' | 'pending' | 'declined' | 'agreed';

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
  const record = useRecorder('AgreementConsent', subjectId);
  const [checked, setChecked] = useState(false);
  const [reopened, setReopened] = useState(false);
  // Hashing takes a moment before the write is in the outbox: a second tap meanwhile records nothing more.
  const busy = useRef(false);
  const now = actions.consentNow();

  const standings = useMemo(
    () => Object.fromEntries(documents.map((document) => [document.id, consentStanding(shared.receipts, document, now, quietPeriodMs).standing])) as Record<string, ConsentStanding>,
    // `now` moves on every render; a standing changes with the receipts, so the time is read when they change.
    [documents, shared.receipts, quietPeriodMs],
  );
  const granting = shared.pendingReceipts.some((receipt) => (receipt.event === 'given' || receipt.event === 'renewed') && documents.some((document) => document.id === receipt.documentId));
  const values = Object.values(standings);
  const phase: AgreementPhase = !shared.hydrated
    ? 'loading'
    : granting
      ? 'pending'
      : values.includes('quiet') && !reopened
        ? 'declined'
        : values.includes('ask') || values.includes('quiet')
          ? 'ask'
          : values.includes('renew')
            ? 'renew'
            : values.includes('notify')
              ? 'notify'
              : 'agreed';

  const needing = (wanted: readonly ConsentStanding[]) => documents.filter((document) => wanted.includes(standings[document.id] ?? 'ask'));

  const agree = useCallback(async () => {
    if (!checked || busy.current) {
      return;
    }
    busy.current = true;
    const targets = needing(['ask', 'quiet', 'renew', 'notify']);
    const made = await Promise.all(
      targets.map((document) => record(document, standings[document.id] === 'renew' || standings[document.id] === 'notify' ? 'renewed' : 'given', guardian ? { givenBy: 'guardian' } : {})),
    ).finally(() => {
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
    const targets = needing(['ask', 'quiet', 'renew']);
    setChecked(false);
    setReopened(false);
    await Promise.all(targets.map((document) => record(document, 'declined', guardian ? { givenBy: 'guardian' } : {}))).finally(() => {
      busy.current = false;
    });
    onDeclined?.();
  }, [standings, documents, record, guardian, onDeclined]);

  const acknowledge = useCallback(async () => {
    await Promise.all(needing(['notify']).map((document) => record(document, 'renewed', { collectionMethod: 'notice-in-dialog' })));
  }, [standings, documents, record]);

  return {
    ...shared,
    phase,
    documents,
    standings,
    changed: documents.filter((document) => standings[document.id] === 'renew' || standings[document.id] === 'notify'),
    guardian,
    checked,
    setChecked,
    agree,
    decline,
    acknowledge,
    reopen: useCallback(() => setReopened(true), []),
    quietHours: Math.round(quietPeriodMs / 3_600_000),
  };
}

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

/**
 * Where a separate consent stands: `loading`, `ask` (also for a new version), `pending` (given, the
 * receipt waits), `given`, `declined` (within the quiet period), `withdrawn` (within the quiet period),
 * or `error`: the receipts could not be read, so the kit neither asks (the user may have declined
 * elsewhere) nor grants, and retries.
 */
export type SeparateConsentPhase = 'loading' | 'ask' | 'pending' | 'given' | 'declined' | 'withdrawn' | 'error';

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

/** State and behaviour of {@link SeparateConsent}, with no markup. */
export function useSeparateConsent(options: UseSeparateConsentOptions): UseSeparateConsentResult {
  const { subjectId, quietPeriodMs = DEFAULT_CONSENT_QUIET_PERIOD_MS, onGiven, onDeclined } = options;
  const request = useMemo(() => assertSeparateConsentRequest(options.request), [options.request]);
  const shared = useConsent('SeparateConsent');
  const store = useRightsSlice('SeparateConsent', consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const record = useRecorder('SeparateConsent', subjectId);
  const [checked, setChecked] = useState(false);
  const [informed, setInformed] = useState(false);
  const busy = useRef(false);
  const { standing, latest } = consentStanding(shared.receipts, request, actions.consentNow(), quietPeriodMs);
  const granting = useRightsStore('SeparateConsent', (state) =>
    selectPendingConsent(state, request.id).some((entry) => pendingReceipt(entry)?.event === 'given' || pendingReceipt(entry)?.event === 'renewed'),
  );
  const editing = request.purpose === 'face-voice-editing';
  const phase: SeparateConsentPhase = !shared.hydrated
    ? 'loading'
    : granting
      ? 'pending'
      : standing === 'given' || standing === 'notify'
        ? 'given'
        : standing === 'quiet'
          ? latest?.event === 'withdrawn'
            ? 'withdrawn'
            : 'declined'
          : shared.load === 'error'
            ? 'error'
            : 'ask';
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
    quietHours: Math.round(quietPeriodMs / 3_600_000),
  };
}

/** One row of `ConsentSettings`: a document or purpose, where it stands, and its receipts. */
export interface ConsentSettingsItem {
  documentId: string;
  /** The title the platform gave it, or its id. */
  title: string;
  /** The latest event in effect. */
  latest: ConsentReceipt;
  /** `given` (given or renewed), `withdrawn` or `declined`. */
  status: 'given' | 'withdrawn' | 'declined';
  /** A withdrawal or decline of it waits in the outbox. */
  syncing: boolean;
  /** Every receipt of it, stored or waiting, oldest first. */
  receipts: readonly (ConsentReceipt & Partial<Pick<StoredConsentReceipt, 'receiptId' | 'storedAt'>>)[];
  /** The document or request, when the platform passed it. */
  source: ConsentDocument | SeparateConsentRequest | undefined;
}

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

/** State and behaviour of `ConsentSettings`: what the user agreed to, with receipts, and withdrawal. */
export function useConsentSettings(options: UseConsentSettingsOptions): UseConsentSettingsResult {
  const { documents = [], subjectId } = options;
  const shared = useConsent('ConsentSettings');
  const store = useRightsSlice('ConsentSettings', consentSlice);
  const actions = useMemo(() => store.getState() as RightsStateWithConsent, [store]);
  const { locale } = useRightsContext('ConsentSettings');
  if (!subjectId) {
    throw new RightsDeveloperError('`ConsentSettings` needs `subjectId`: the user\'s pseudonymous id, which every consent receipt records.');
  }
  const items = useMemo(() => {
    const all = [...shared.storedReceipts, ...shared.pendingReceipts.filter((receipt) => !shared.storedReceipts.some((stored) => stored.recordId === receipt.recordId))];
    const ids = [...new Set(all.map((receipt) => receipt.documentId))];
    const waiting = new Set(shared.pendingReceipts.map((receipt) => receipt.recordId));
    return ids.flatMap((documentId): ConsentSettingsItem[] => {
      const receipts = all.filter((receipt) => receipt.documentId === documentId).sort((first, second) => first.collectedAt.localeCompare(second.collectedAt));
      const effective = shared.receipts.filter((receipt) => receipt.documentId === documentId).sort((first, second) => first.collectedAt.localeCompare(second.collectedAt));
      const latest = effective.at(-1);
      if (!latest) {
        // Only a grant waiting to be stored: not in effect yet, so not listed as agreed.
        return [];
      }
      const source = documents.find((document) => document.id === documentId);
      return [
        {
          documentId,
          title: source?.title ?? documentId,
          latest,
          status: latest.event === 'withdrawn' ? 'withdrawn' : latest.event === 'declined' ? 'declined' : 'given',
          syncing: waiting.has(latest.recordId),
          receipts,
          source,
        },
      ];
    });
  }, [shared.storedReceipts, shared.pendingReceipts, shared.receipts, documents]);

  const withdraw = useCallback(
    async (documentId: string) => {
      const item = items.find((candidate) => candidate.documentId === documentId);
      if (!item || item.status !== 'given') {
        return;
      }
      // A withdrawal names what it withdraws: the version, the hash of the text and the purposes consented to.
      const { documentVersion, textSha256, purposes } = item.latest;
      await actions.recordConsent({
        recordId: createCorrelationId(),
        documentId,
        documentVersion,
        textSha256,
        locale,
        event: 'withdrawn',
        collectedAt: new Date(actions.consentNow()).toISOString(),
        collectionMethod: 'button-in-settings',
        purposes: [...purposes],
        subjectId,
      });
    },
    [items, actions, locale, subjectId],
  );

  return { ...shared, items, withdraw };
}

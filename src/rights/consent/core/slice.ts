import { createLocalStorageConsentAdapter } from './adapters.js';
import { isConsentReceipt, parseStoredConsentReceipt, parseStoredConsentReceipts, type ConsentReceipt, type StoredConsentReceipt } from './model.js';
import { RightsError, toRightsError, type RightsFailure } from '../../../kernel/core/errors.js';
import { createCorrelationId } from '../../../kernel/core/events.js';
import { type ConsentEvent } from './events.js';
import type { LoadState } from '../../../kernel/core/types.js';
import type { OutboxEntry } from '../../../kernel/core/outbox/outbox.js';
import type { RightsState } from '../../../kernel/core/store/registry.js';
import { defineSlice, type SliceDescriptor, type SliceKit, type SliceSetup } from '../../../kernel/core/store/define-slice.js';
import { andThen } from '../../../kernel/core/engine/write-engine.js';
import { effectiveReceipts } from './phases.js';

/**
 * What a consent failure is about: `load` (the receipts could not be read), `record` (a receipt could
 * not be stored yet; it waits on this device and is retried), `recover` (receipts kept on this device
 * could not be read) and `persist` (a receipt could not be kept on this device; it is held in memory).
 */
export type ConsentAction = 'load' | 'record' | 'recover' | 'persist';

/** The consent slice's data. */
export interface ConsentState {
  /** Whether the user's receipts are known. `'idle'` until a view asks for them. */
  load: LoadState;
  failure: RightsFailure<ConsentAction> | null;
  /** The receipts the adapter has stored, oldest first. */
  receipts: readonly StoredConsentReceipt[];
  /** How many receipts from the adapter were invalid and are not shown. */
  invalidCount: number;
  /**
   * Declines and withdrawals this tab has seen waiting in the outbox (its own or another tab's) that
   * `receipts` does not show yet, oldest first. They stay in effect until it does: another tab may store
   * one while this tab cannot read the receipts, and it leaves the outbox without reaching them here.
   */
  refusals: readonly ConsentReceipt[];
}

/** The consent slice: its data under `consent`, and its actions. */
export interface ConsentSlice {
  consent: ConsentState;
  /** Reads the user's receipts once; with `{ retry: true }`, again after a failed read. */
  loadConsent(options?: { retry?: boolean }): void;
  /**
   * Records one consent event. Giving and renewing are `submit-once`: kept in the outbox on this device
   * with one idempotency key until the adapter returns the stored receipt, and only then in effect.
   * Declining and withdrawing are `protective`: in effect at once, kept and retried until stored.
   */
  recordConsent(receipt: ConsentReceipt): Promise<void>;
  /** Sends waiting receipts now, and reads the receipts again if that failed. */
  retryConsent(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissConsentFailure(): void;
  /** The store clock's time, in wall-clock milliseconds: receipts and quiet periods use it, never the view's own clock. */
  consentNow(): number;
}

/** The store with the consent slice: now simply {@link RightsState}, kept for code that named it. */
export type RightsStateWithConsent = RightsState;

const SLICE = 'consent';
const targetOf = (documentId: string) => `consent:${documentId}`;

/** Receipts waiting in the outbox (of one document, if given), oldest first. */
export function selectPendingConsent(state: RightsState, documentId?: string): OutboxEntry[] {
  return state.outbox.entries.filter((entry) => entry.slice === SLICE && (documentId === undefined || entry.target === targetOf(documentId)));
}

/** The receipt a pending entry carries. */
export function pendingReceipt(entry: OutboxEntry): ConsentReceipt | null {
  const receipt = entry.args[0];
  return isConsentReceipt(receipt) ? receipt : null;
}

/**
 * Every receipt that is in effect: those stored, and the declines and withdrawals still waiting in the
 * outbox or stored elsewhere since ({@link ConsentState.refusals}), which protect the user and so apply
 * at once. Gives and renewals count once stored.
 */
export function selectEffectiveReceipts(state: RightsState): ConsentReceipt[] {
  // Absent until a consent component registers the slice.
  const consent: ConsentState | undefined = state.consent;
  const waiting = selectPendingConsent(state)
    .map(pendingReceipt)
    .filter((receipt): receipt is ConsentReceipt => receipt !== null);
  return effectiveReceipts(consent?.receipts ?? [], [...waiting, ...(consent?.refusals ?? [])]);
}

/** `refusals` with the refusals among `seen` added, each once, less those `stored` shows. */
function keptRefusals(refusals: readonly ConsentReceipt[], seen: readonly ConsentReceipt[], stored: readonly ConsentReceipt[]): readonly ConsentReceipt[] {
  const kept = effectiveReceipts(stored, [...refusals, ...seen]).slice(stored.length);
  return kept.length === refusals.length && kept.every((receipt, index) => receipt === refusals[index]) ? refusals : kept;
}

const details = (receipt: ConsentReceipt) => ({
  documentId: receipt.documentId,
  documentVersion: receipt.documentVersion,
  textSha256: receipt.textSha256,
  recordId: receipt.recordId,
});

/** The consent slice: registered by the first consent component that renders. */
export const consentSlice: SliceDescriptor<ConsentSlice, typeof SLICE> = defineSlice({
  name: SLICE,
  watch: 'consent',
  requiredMethods: { consent: ['load', 'record'] },
  advice: {
    consent: 'pass an adapter that stores receipts on your backend, start from createMemoryConsentAdapter(), and check yours with runConsentAdapterConformance()',
  },
  defaults: { consent: () => createLocalStorageConsentAdapter() },

  setup(kit): SliceSetup<typeof SLICE, Omit<ConsentSlice, typeof SLICE>> {
    const { get, update } = kit;
    const context = kit;
    const event = (type: ConsentEvent['type'], correlationId: string, fields: Omit<ConsentEvent, 'type' | 'timestamp' | 'correlationId'>) =>
      context.emit({ ...fields, type, timestamp: context.timestamp(), correlationId });
    // A refusal is kept in effect here from the moment this tab sees it until its receipts show it.
    const keep = (seen: readonly ConsentReceipt[]) => {
      const { refusals, receipts } = get().consent;
      const kept = keptRefusals(refusals, seen, receipts);
      if (kept !== refusals) {
        update({ refusals: kept });
      }
    };

    kit.handle({
      validate: (entry) => entry.method === 'record' && isConsentReceipt(entry.args[0]),
      confirmed(batch) {
        const receipts = [...get().consent.receipts];
        for (const { entry, result } of batch) {
          try {
            const stored = parseStoredConsentReceipt(result);
            if (!receipts.some((candidate) => candidate.receiptId === stored.receiptId)) {
              receipts.push(stored);
            }
            event('consent.recorded', entry.correlationId, { ...details(stored), receiptId: stored.receiptId });
          } catch (cause) {
            context.reportError(toRightsError(cause, 'consent-invalid', 'The consent adapter returned an invalid receipt.'));
          }
        }
        const { failure, refusals } = get().consent;
        update({ receipts, refusals: keptRefusals(refusals, [], receipts), ...(failure?.action === 'record' ? { failure: null } : {}) });
      },
      outboxChanged(entries) {
        keep(entries.map(pendingReceipt).filter((receipt): receipt is ConsentReceipt => receipt !== null));
      },
    });

    return {
      read: () => readReceipts(kit),
      state: { load: 'idle', failure: null, receipts: [], invalidCount: 0, refusals: [] },
      actions: {
        loadConsent: kit.loadOnce,

        recordConsent(receipt) {
          const correlationId = createCorrelationId();
          const copy = structuredClone(receipt);
          const protective = copy.event === 'declined' || copy.event === 'withdrawn';
          return context.engine.write({
            slice: SLICE,
            action: 'record',
            policy: protective ? 'protective' : 'submit-once',
            adapter: 'consent',
            method: 'record',
            args: [copy],
            target: targetOf(copy.documentId),
            details: details(copy),
            correlationId,
            apply() {
              if (protective) {
                keep([copy]);
              }
              event(`consent.${copy.event}`, correlationId, details(copy));
            },
          });
        },

        retryConsent: kit.retry,
        dismissConsentFailure: kit.dismissFailure,

        consentNow: () => context.clock.now(),
      },
    };
  },
});

/** Reads the receipts and validates them one by one. */
function readReceipts(kit: SliceKit<typeof SLICE>) {
  const { get, update } = kit;
  const context = kit;
  const adapter = kit.adapter('consent');
  return andThen(
    context.engine.read((options) => adapter.load(options)),
    (outcome) => {
      const failed = (error: RightsError) => {
        update({ load: 'error', failure: { code: error.code, action: 'load' } });
        context.reportError(error);
      };
      if (!outcome.ok) {
        failed(toRightsError(outcome.error, 'read-failed', 'The consent adapter failed to load the receipts.'));
        return;
      }
      try {
        const { receipts, invalid } = parseStoredConsentReceipts(outcome.value ?? []);
        if (invalid > 0) {
          context.reportError(new RightsError('consent-invalid', `${invalid} receipts from the consent adapter are invalid and not shown.`));
        }
        // A receipt stored in this session that the load does not have yet stays.
        const loaded = new Set(receipts.map((receipt) => receipt.receiptId));
        const kept = get().consent.receipts.filter((receipt) => !loaded.has(receipt.receiptId));
        const { failure, refusals } = get().consent;
        const all = [...receipts, ...kept].sort((first, second) => first.collectedAt.localeCompare(second.collectedAt));
        update({
          load: 'ready',
          receipts: all,
          refusals: keptRefusals(refusals, [], all),
          invalidCount: invalid,
          ...(failure?.action === 'load' ? { failure: null } : {}),
        });
      } catch (cause) {
        failed(toRightsError(cause, 'consent-invalid', 'The consent adapter returned invalid data.'));
      }
    },
  );
}

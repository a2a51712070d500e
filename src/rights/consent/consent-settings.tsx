import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import type { ConsentReceipt, StoredConsentReceipt } from './core/model.js';
import { failureMessage, type Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { consentMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes, RightsStatus } from '../../kernel/ui/rights-status.js';
import { formatConsentTime } from './consent-parts.js';
import { useConsentSettings, type ConsentSettingsItem, type UseConsentSettingsOptions } from './use-agreement-consent.js';

const NAME = 'ConsentSettings';

export interface ConsentSettingsProps extends UseConsentSettingsOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading level of the title; rows use the next. Default: 2. */
  headingLevel?: 2 | 3;
}

type Receipt = ConsentReceipt & Partial<Pick<StoredConsentReceipt, 'receiptId' | 'storedAt'>>;

/** After the control with focus is gone, puts focus on `selector` in the same row, or on the row itself. */
function refocus(from: HTMLElement, selector: string | null) {
  const row = from.closest<HTMLElement>('[data-slot="consent-settings-item"]');
  requestAnimationFrame(() => ((selector ? row?.querySelector<HTMLElement>(selector) : null) ?? row)?.focus());
}

/** Offers a receipt list as a JSON file, the user's own copy. */
function saveReceipts(item: ConsentSettingsItem) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(item.receipts, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `consent-receipts-${item.documentId}.json`;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function ReceiptFields(props: { receipt: Receipt; t: Translate; locale: string }) {
  const { receipt, t, locale } = props;
  const rows: [string, string][] = [
    [t('consent.settings.fields.event'), t(`consent.settings.events.${receipt.event}`)],
    [t('consent.settings.fields.collectedAt'), formatConsentTime(receipt.collectedAt, locale)],
    [t('consent.settings.fields.documentVersion'), receipt.documentVersion],
    [t('consent.settings.fields.textSha256'), receipt.textSha256],
    [t('consent.settings.fields.locale'), receipt.locale],
    [t('consent.settings.fields.collectionMethod'), receipt.collectionMethod],
    [t('consent.settings.fields.purposes'), receipt.purposes.join(', ')],
    [t('consent.settings.fields.givenBy'), t(`consent.settings.givenBy.${receipt.givenBy ?? 'user'}`)],
    [t('consent.settings.fields.recordId'), receipt.recordId],
    [t('consent.settings.fields.receiptId'), receipt.receiptId ?? t('consent.settings.unsaved')],
  ];
  return (
    <dl data-slot="consent-receipt" data-record-id={receipt.recordId} data-event={receipt.event}>
      {rows.map(([label, value]) => (
        <div key={label} data-slot="consent-receipt-field">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the user agreed to, with versions, dates and receipts, and withdrawal as easy as giving: two
 * activations, as agreeing took (PIPL 15). A withdrawal is protective: in effect at once, kept in the
 * outbox and retried until the adapter has stored its receipt. The user can read and save their receipts.
 *
 * @selector [data-slot="consent-settings-item"][data-document-id][data-status="given" | "withdrawn" | "declined"]
 * @selector [data-slot="consent-receipt"][data-record-id] one receipt's fields
 */
export const ConsentSettings = forwardRef<HTMLElement, ConsentSettingsProps>(function ConsentSettings(props, ref) {
  const { documents, subjectId, headingLevel = 2, ...sectionProps } = props;
  const { t, locale } = useRightsTranslation(NAME, consentMessages);
  const state = useConsentSettings({ documents, subjectId });
  const id = useId();
  const [confirming, setConfirming] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;
  const Row = `h${headingLevel + 1}` as 'h3';
  const failure = state.failure ? failureMessage(t, 'consent', state.failure) : null;

  return (
    <section
      data-slot="consent-settings"
      data-ar-part="root"
      {...contractAttributes({ load: state.load === 'idle' ? 'loading' : state.load, syncPending: state.syncPending, failure: state.failure })}
      data-empty={state.hydrated && state.items.length === 0 ? '' : undefined}
      aria-labelledby={`${id}-title`}
      {...sectionProps}
      ref={ref}
    >
      <Heading id={`${id}-title`} data-slot="consent-settings-title">
        {t('consent.settings.title')}
      </Heading>
      {state.hydrated && state.items.length === 0 ? <p data-slot="consent-settings-empty">{t('consent.settings.empty')}</p> : null}
      <ul data-slot="consent-settings-list">
        {state.items.map((item) => (
          <li key={item.documentId} data-slot="consent-settings-item" data-ar-part="card" data-document-id={item.documentId} data-status={item.status} aria-labelledby={`${id}-${item.documentId}`} tabIndex={-1}>
            <div data-slot="consent-settings-item-header">
              <Row id={`${id}-${item.documentId}`} data-slot="consent-settings-item-title">
                {item.title}
              </Row>
              <span data-slot="consent-settings-status" data-ar-part="status-chip" data-status={item.status}>
                {t(`consent.settings.status.${item.status}`)}
              </span>
            </div>
            <p data-slot="consent-settings-meta" data-ar-part="muted" data-ar-variant="small">{t('consent.settings.meta', { version: item.latest.documentVersion, date: formatConsentTime(item.latest.collectedAt, locale) })}</p>
            {item.syncing ? <p data-slot="consent-settings-syncing">{t('consent.settings.withdrawSyncing')}</p> : null}
            {item.status === 'given' && confirming !== item.documentId ? (
              <button
                type="button"
                data-slot="consent-settings-withdraw"
                aria-describedby={`${id}-${item.documentId}`}
                onClick={(event) => {
                  setConfirming(item.documentId);
                  // The question replaces the button: focus goes to its safe answer.
                  refocus(event.currentTarget, '[data-slot="consent-settings-cancel"]');
                }}
              >
                {t('consent.settings.withdraw')}
              </button>
            ) : null}
            {item.status === 'given' && confirming === item.documentId ? (
              <div data-slot="consent-settings-confirm" role="group" aria-labelledby={`${id}-${item.documentId}-confirm`}>
                <p id={`${id}-${item.documentId}-confirm`} data-slot="consent-settings-confirm-title">
                  {t('consent.settings.confirmTitle', { title: item.title })}
                </p>
                <p data-slot="consent-settings-confirm-note" data-ar-part="muted" data-ar-variant="small">{t('consent.settings.confirmNote')}</p>
                <div data-slot="consent-settings-confirm-buttons">
                  <button
                    type="button"
                    data-slot="consent-settings-cancel"
                    onClick={(event) => {
                      setConfirming(null);
                      refocus(event.currentTarget, '[data-slot="consent-settings-withdraw"]');
                    }}
                  >
                    {t('consent.settings.cancel')}
                  </button>
                  <button
                    type="button"
                    data-slot="consent-settings-confirm-withdraw"
                    onClick={(event) => {
                      setConfirming(null);
                      void state.withdraw(item.documentId);
                      // The confirmation goes away with the button that had focus: focus stays on the row, which now says 已撤回.
                      refocus(event.currentTarget, null);
                    }}
                  >
                    {t('consent.settings.confirm')}
                  </button>
                </div>
              </div>
            ) : null}
            <details data-slot="consent-settings-receipts">
              <summary data-slot="consent-settings-receipts-summary">{t('consent.settings.receiptsTitle')}</summary>
              {item.receipts.map((receipt) => (
                <ReceiptFields key={receipt.recordId} receipt={receipt} t={t} locale={locale} />
              ))}
              <button type="button" data-slot="consent-settings-save" onClick={() => saveReceipts(item)}>
                {t('consent.settings.save')}
              </button>
            </details>
          </li>
        ))}
      </ul>
      <RightsStatus
        slot="consent-settings"
        loading={null}
        syncPending={null}
        canRetry={state.syncPending}
        retryLabel={t('consent.retryNow')}
        onRetry={state.retry}
        failure={failure}
        onDismiss={state.dismissFailure}
        dismissLabel={t('consent.dismiss')}
      />
    </section>
  );
});
ConsentSettings.displayName = NAME;

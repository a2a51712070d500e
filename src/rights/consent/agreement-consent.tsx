import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { consentMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { assignRef, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { contractAttributes, RightsStatus } from '../../kernel/ui/rights-status.js';
import { ConsentDocumentView, ConsentOverlay, documentNames, type ConsentPresentation } from './consent-parts.js';
import { useAgreementConsent, type UseAgreementConsentOptions } from './use-agreement-consent.js';

const NAME = 'AgreementConsent';

export interface AgreementConsentProps extends UseAgreementConsentOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** `auto` (default): a bottom sheet up to 600 px wide, a dialog above; `inline` renders in place. */
  presentation?: ConsentPresentation;
  /** Where the sheet renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * The service agreement and the privacy rules (GENAI 9; PIPL 13–17), each a separate, versioned document
 * shown at body size in its own scrollable region. The checkbox starts unticked; 同意 is disabled until
 * it is ticked; 不同意 is one action, as prominent. Agreeing records a receipt per document with the
 * SHA-256 of the text shown, and the app goes on once the adapter has stored them. After a refusal the
 * kit does not ask again within the quiet period (网络数据安全管理条例 22(5)); a new version shows its change
 * summary and asks again, or only notifies, as the platform marks it (PIPL 14, 17). Under 14, a guardian
 * consents and the children's rules are shown (PIPL 31).
 *
 * @selector [data-slot="agreement-consent"][data-value="loading" | "ask" | "renew" | "notify" | "pending" | "declined" | "agreed"]
 * @selector [data-slot="agreement-consent-panel"][data-presentation="sheet" | "dialog" | "inline"] the prompt
 * @selector [data-slot="consent-document-body"] one document's scrollable text
 */
export const AgreementConsent = forwardRef<HTMLDivElement, AgreementConsentProps>(function AgreementConsent(props, forwardedRef) {
  const { documents, subjectId, age, guardianRequired, childrenRules, quietPeriodMs, onAgreed, onDeclined, presentation = 'auto', container, ...rootProps } = props;
  const { t, locale } = useRightsTranslation(NAME, consentMessages);
  const state = useAgreementConsent({ documents, subjectId, age, guardianRequired, childrenRules, quietPeriodMs, onAgreed, onDeclined });
  const id = useId();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const { phase } = state;
  const names = documentNames(t, state.documents, locale);
  const changedNames = documentNames(t, state.changed, locale);
  const open = phase === 'ask' || phase === 'renew' || phase === 'notify' || phase === 'pending';
  const title = state.guardian
    ? t('consent.agreement.guardianTitle')
    : phase === 'renew' || phase === 'notify'
      ? t('consent.agreement.renewTitle', { documents: changedNames })
      : t('consent.agreement.title');
  const shown = phase === 'renew' || phase === 'notify' ? state.changed : state.documents;
  const checkLabel = state.guardian
    ? t('consent.agreement.checkGuardian', { documents: names })
    : phase === 'renew'
      ? t('consent.agreement.renewCheck', { documents: changedNames })
      : t('consent.agreement.check', { documents: names });
  const failure = state.failure && state.failure.action !== 'load' ? failureMessage(t, 'consent', state.failure) : null;

  return (
    <div
      data-slot="agreement-consent"
      data-ar-part="root"
      {...contractAttributes({ load: state.load === 'idle' ? 'loading' : state.load, syncPending: state.syncPending, failure: state.failure })}
      data-value={phase}
      {...rootProps}
      ref={(node) => {
        setRoot(node);
        assignRef(forwardedRef, node);
      }}
    >
      {phase === 'declined' ? (
        <div data-slot="agreement-consent-declined" data-ar-part="card">
          <p>{t('consent.agreement.declined', { documents: names, hours: state.quietHours })}</p>
          <button type="button" data-slot="agreement-consent-reopen" onClick={state.reopen}>
            {t('consent.agreement.reopen')}
          </button>
        </div>
      ) : null}
      <ConsentOverlay slot="agreement-consent" open={open} presentation={presentation} container={container} root={root} title={title}>
        <div data-slot="agreement-consent-body">
          <p data-slot="agreement-consent-intro">{state.guardian ? t('consent.agreement.guardianIntro') : t('consent.agreement.intro')}</p>
          {shown.map((document) => (
            <ConsentDocumentView key={document.id} document={document} t={t} locale={locale} headingLevel={3} changed={phase === 'renew' || phase === 'notify'} />
          ))}
        </div>
        <div data-slot="agreement-consent-actions">
          {phase === 'notify' ? (
            <button type="button" data-slot="agreement-consent-agree" onClick={() => void state.acknowledge()}>
              {t('consent.agreement.acknowledge')}
            </button>
          ) : (
            <>
              <label data-slot="agreement-consent-check" htmlFor={`${id}-check`}>
                <input
                  id={`${id}-check`}
                  type="checkbox"
                  checked={state.checked}
                  disabled={phase === 'pending'}
                  onChange={(event) => state.setChecked(event.currentTarget.checked)}
                />
                <span>{checkLabel}</span>
              </label>
              <div data-slot="agreement-consent-buttons">
                <button type="button" data-slot="agreement-consent-decline" disabled={phase === 'pending'} onClick={() => void state.decline()}>
                  {t('consent.agreement.decline')}
                </button>
                <button type="button" data-slot="agreement-consent-agree" disabled={!state.checked || phase === 'pending'} onClick={() => void state.agree()}>
                  {t('consent.agreement.agree')}
                </button>
              </div>
            </>
          )}
          {phase === 'pending' ? (
            <p data-slot="agreement-consent-pending" role="status">
              {state.failure?.action === 'record' ? t('consent.agreement.pending') : t('consent.agreement.saving')}
            </p>
          ) : null}
          <RightsStatus
            slot="agreement-consent"
            loading={null}
            syncPending={null}
            canRetry={phase === 'pending' && state.failure !== null}
            retryLabel={t('consent.retryNow')}
            onRetry={state.retry}
            failure={phase === 'pending' ? null : failure}
            onDismiss={state.dismissFailure}
            dismissLabel={t('consent.dismiss')}
          />
        </div>
      </ConsentOverlay>
    </div>
  );
});
AgreementConsent.displayName = NAME;

import { forwardRef, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { consentMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { assignRef, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { contractAttributes, RightsStatus } from '../../kernel/ui/rights-status.js';
import { ConsentOverlay, type ConsentPresentation } from './consent-parts.js';
import { useSeparateConsent, type UseSeparateConsentOptions } from './use-agreement-consent.js';

const NAME = 'SeparateConsent';

export interface SeparateConsentProps extends UseSeparateConsentOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** `inline` (default): in place, where the feature that needs it is; `auto`, `sheet` or `dialog` to ask in an overlay. */
  presentation?: ConsentPresentation;
  /** Where the sheet renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * One separate consent (单独同意; PIPL 23, 25, 29, 39; DS 14; 网络数据安全管理条例 62(7)), asked on its own:
 * the purpose, the kinds of data, the recipient (for a cross-border transfer, the foreign recipient and
 * how to exercise rights with it), the method and why it is necessary. Nothing is pre-selected; for
 * editing a person's face or voice the user also confirms that the person was informed and gave their
 * own separate consent. Declining leaves everything else working (PIPL 16) and is not asked again
 * within the quiet period.
 *
 * @selector [data-slot="separate-consent"][data-value="loading" | "ask" | "pending" | "given" | "declined" | "withdrawn" | "error"]
 * @selector [data-slot="separate-consent"][data-purpose="sensitive" | "third-party" | "publishing" | "cross-border" | "face-voice-editing"]
 */
export const SeparateConsent = forwardRef<HTMLDivElement, SeparateConsentProps>(function SeparateConsent(props, forwardedRef) {
  const { request, subjectId, quietPeriodMs, onGiven, onDeclined, presentation = 'inline', container, ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, consentMessages);
  const state = useSeparateConsent({ request, subjectId, quietPeriodMs, onGiven, onDeclined });
  const id = useId();
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const { phase } = state;
  const purpose = t(`consent.separate.purposes.${request.purpose}`);
  const recipient = request.recipient;
  const rows: [string, string | undefined][] = [
    [t('consent.separate.fields.purpose'), request.purposeText],
    [t('consent.separate.fields.data'), request.data],
    [t('consent.separate.fields.recipient'), recipient?.name],
    [t('consent.separate.fields.contact'), recipient?.contact],
    [t('consent.separate.fields.country'), recipient?.country],
    [t('consent.separate.fields.rights'), recipient?.rights],
    [t('consent.separate.fields.method'), request.method],
    [t('consent.separate.fields.necessity'), request.necessity],
  ];
  const failure = state.failure && (state.failure.action !== 'load' || phase === 'error') ? failureMessage(t, 'consent', state.failure) : null;

  return (
    <div
      data-slot="separate-consent"
      data-ar-part="root"
      {...contractAttributes({ load: state.load === 'idle' ? 'loading' : state.load, syncPending: state.syncPending, failure: state.failure })}
      data-value={phase}
      data-purpose={request.purpose}
      {...rootProps}
      ref={(node) => {
        setRoot(node);
        assignRef(forwardedRef, node);
      }}
    >
      {phase === 'given' || phase === 'declined' || phase === 'withdrawn' ? (
        <p data-slot="separate-consent-result" data-ar-part="card" role="status">
          {phase === 'given' ? t('consent.separate.given') : phase === 'declined' ? t('consent.separate.declined', { hours: state.quietHours }) : t('consent.separate.withdrawn')}
        </p>
      ) : null}
      {phase === 'error' ? (
        <RightsStatus
          slot="separate-consent"
          loading={null}
          syncPending={null}
          canRetry
          retryLabel={t('consent.retryNow')}
          onRetry={state.retry}
          failure={failure}
        />
      ) : null}
      <ConsentOverlay slot="separate-consent" open={phase === 'ask' || phase === 'pending'} presentation={presentation} container={container} root={root} title={request.title}>
        <p data-slot="separate-consent-badge">{t('consent.separate.badge')}</p>
        <p data-slot="separate-consent-intro" data-ar-part="muted" data-ar-variant="small">{t('consent.separate.intro')}</p>
        <dl data-slot="separate-consent-facts">
          {rows.map(([label, value]) =>
            value ? (
              <div key={label} data-slot="separate-consent-fact">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ) : null,
          )}
        </dl>
        <label data-slot="separate-consent-check" htmlFor={`${id}-check`}>
          <input id={`${id}-check`} type="checkbox" checked={state.checked} disabled={phase === 'pending'} onChange={(event) => state.setChecked(event.currentTarget.checked)} />
          <span>{t('consent.separate.check', { purpose })}</span>
        </label>
        {request.purpose === 'face-voice-editing' ? (
          <label data-slot="separate-consent-check" htmlFor={`${id}-informed`}>
            <input id={`${id}-informed`} type="checkbox" checked={state.informed} disabled={phase === 'pending'} onChange={(event) => state.setInformed(event.currentTarget.checked)} />
            <span>{t('consent.separate.informedCheck')}</span>
          </label>
        ) : null}
        <div data-slot="separate-consent-buttons">
          <button type="button" data-slot="separate-consent-decline" disabled={phase === 'pending'} onClick={() => void state.decline()}>
            {t('consent.separate.decline')}
          </button>
          <button type="button" data-slot="separate-consent-agree" disabled={!state.canAgree || phase === 'pending'} onClick={() => void state.agree()}>
            {t('consent.separate.agree')}
          </button>
        </div>
        {phase === 'pending' ? (
          <p data-slot="separate-consent-pending" role="status">
            {t('consent.separate.pending')}
          </p>
        ) : null}
        <RightsStatus
          slot="separate-consent"
          loading={null}
          syncPending={null}
          canRetry={phase === 'pending' && state.failure !== null}
          retryLabel={t('consent.retryNow')}
          onRetry={state.retry}
          failure={phase === 'pending' ? null : failure}
          onDismiss={state.dismissFailure}
          dismissLabel={t('consent.dismiss')}
        />
      </ConsentOverlay>
    </div>
  );
});
SeparateConsent.displayName = NAME;

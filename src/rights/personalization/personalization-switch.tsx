import { Switch } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { PERSONALIZATION_SCOPES, type PersonalizationScope } from '../../kernel/core/types.js';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { minorModeNoticeMessages, personalizationSwitchMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes, RightsStatus, rolledBackMessage } from '../../kernel/ui/rights-status.js';
import { usePersonalizationSwitch, type UsePersonalizationSwitchOptions } from './use-personalization-switch.js';

const NAME = 'PersonalizationSwitch';

/* -------------------------------------------------------------------------------------------------
 * PersonalizationSwitch
 * -----------------------------------------------------------------------------------------------*/

export interface PersonalizationSwitchProps
  extends UsePersonalizationSwitchOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'defaultChecked'> {
  /**
   * Scopes to list below the master switch, each with its own switch, in this
   * order (PIPL 24 ¶2 covers ads and push; E-Commerce Law art. 18 covers
   * search). Default: none, only the master switch.
   */
  scopes?: readonly PersonalizationScope[];
}

/**
 * The personalization opt-out (ALG 17 ¶1, PIPL 24 ¶2): a master switch, with
 * optional per-scope switches. A change applies at once, with no reload, and
 * persists through the provider's adapter.
 *
 * @selector [data-slot="personalization-switch"] the root
 * @selector [data-state="loading" | "ready" | "error"] whether the stored preferences are known; `error` shows the protective fallback
 * @selector [data-value="on" | "off"] the master switch
 * @selector [data-sync-pending] a choice waits in the outbox: applied, not yet confirmed by the adapter
 * @selector [data-error] there is a failure to show, in `personalization-switch-error`
 * @selector [data-slot="personalization-switch-scope"][data-locked="minor-mode" | "minor-mode-loading"] a scope locked off: minor mode is on, or still being read
 */
export const PersonalizationSwitch = forwardRef<HTMLDivElement, PersonalizationSwitchProps>(function PersonalizationSwitch(
  props,
  forwardedRef,
) {
  const { checked, onCheckedChange, scopeChecked, onScopeCheckedChange, scopes = [], ...rootProps } = props;
  const unknownScope = scopes.find((scope) => !PERSONALIZATION_SCOPES.includes(scope));
  if (unknownScope !== undefined) {
    throw new RightsDeveloperError(
      `\`${NAME}\` got an unknown scope "${String(unknownScope)}" in \`scopes\`. Use any of: ${PERSONALIZATION_SCOPES.join(', ')}.`,
    );
  }
  const { t, locale } = useRightsTranslation(NAME, personalizationSwitchMessages, minorModeNoticeMessages);
  const state = usePersonalizationSwitch({ checked, onCheckedChange, scopeChecked, onScopeCheckedChange });
  // MIN 24 ¶3: in minor mode ads are never personalized; the ads switch shows it, locked, with the reason.
  const minorMode = state.lockedScopes.ads === 'minor-mode';
  // While minor mode is still read, ads are reported non-personalized: the switch says the same, locked.
  const locked = (scope: PersonalizationScope) => state.lockedScopes[scope] !== undefined;
  const id = useId();
  const switchId = `${id}-switch`;
  const descriptionId = `${id}-description`;
  const scopesLabelId = `${id}-scopes`;
  const summaryId = `${id}-summary`;
  const loadingId = `${id}-loading`;
  const listFormat = new Intl.ListFormat(locale, { type: 'conjunction' });
  const partial =
    state.partialScopes.length > 0
      ? t('personalizationSwitch.partial', {
          scopes: listFormat.format(state.partialScopes.map((scope) => t(`personalizationSwitch.scopes.${scope}.label`))),
        })
      : null;
  // Until the stored choice is read, each switch also says so: it can be turned off, and is not yet known to be on.
  const loading = state.hydrated ? '' : ` ${loadingId}`;
  const describedBy = `${partial ? `${summaryId} ` : ''}${descriptionId}${loading}`;

  return (
    <div
      data-slot="personalization-switch"
      data-ar-part="root"
      {...contractAttributes(state)}
      data-value={state.checked ? 'on' : 'off'}
      data-partial={partial ? '' : undefined}
      aria-busy={state.hydrated ? undefined : true}
      {...rootProps}
      ref={forwardedRef}
    >
      <div data-slot="personalization-switch-cell">
        <div data-slot="personalization-switch-row">
          <label htmlFor={switchId} data-slot="personalization-switch-label">
            {t('personalizationSwitch.label')}
          </label>
          <Switch.Root
            id={switchId}
            data-slot="personalization-switch-control"
            data-chosen={state.chosenBeforeLoad ? '' : undefined}
            checked={state.hydrated && state.checked}
            onCheckedChange={state.setMaster}
            aria-describedby={describedBy}
          >
            <Switch.Thumb data-slot="personalization-switch-thumb" />
          </Switch.Root>
        </div>
        {partial ? (
          <p id={summaryId} data-slot="personalization-switch-summary">
            {partial}
          </p>
        ) : null}
        <p id={descriptionId} data-slot="personalization-switch-description">
          {t('personalizationSwitch.description')}
        </p>
      </div>

      {scopes.length > 0 ? (
        <div role="group" aria-labelledby={scopesLabelId} data-slot="personalization-switch-scopes">
          <p id={scopesLabelId} data-slot="personalization-switch-scopes-label">
            {t('personalizationSwitch.scopesLabel')}
          </p>
          {scopes.map((scope) => (
            <div key={scope} data-slot="personalization-switch-scope" data-scope={scope} data-locked={state.lockedScopes[scope]}>
              <label htmlFor={`${id}-${scope}`} data-slot="personalization-switch-scope-label">
                {t(`personalizationSwitch.scopes.${scope}.label`)}
              </label>
              <Switch.Root
                id={`${id}-${scope}`}
                data-slot="personalization-switch-scope-control"
                data-chosen={state.chosenBeforeLoad ? '' : undefined}
                checked={state.hydrated && state.isScopeChecked(scope) && !locked(scope)}
                disabled={locked(scope) ? true : undefined}
                onCheckedChange={(next) => state.setScope(scope, next)}
                aria-describedby={`${id}-${scope}-description${minorMode && scope === 'ads' ? ` ${id}-ads-locked` : ''}${loading}`}
              >
                <Switch.Thumb data-slot="personalization-switch-thumb" />
              </Switch.Root>
              <p id={`${id}-${scope}-description`} data-slot="personalization-switch-scope-description">
                {t(`personalizationSwitch.scopes.${scope}.description`)}
              </p>
              {minorMode && scope === 'ads' ? (
                <p id={`${id}-ads-locked`} data-slot="personalization-switch-scope-locked">
                  {t('minorModeNotice.adsLocked')}
                </p>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}

      <RightsStatus
        slot="personalization-switch"
        loading={state.hydrated ? null : t('personalizationSwitch.loading')}
        loadingId={loadingId}
        // Once no failure is on screen, whatever still waits is explained, the value a rollback put back too.
        syncPending={state.syncNotice || (state.syncPending && !state.failure) ? t('personalizationSwitch.syncPending') : null}
        canRetry={state.syncPending}
        retryLabel={t('personalizationSwitch.retryNow')}
        onRetry={state.retry}
        failure={state.failure ? failureMessage(t, 'personalizationSwitch', state.failure) : null}
        toast={rolledBackMessage(t, 'personalizationSwitch', state.failure)}
        onDismiss={state.dismissFailure}
        dismissLabel={t('personalizationSwitch.dismiss')}
      />
    </div>
  );
});
PersonalizationSwitch.displayName = NAME;

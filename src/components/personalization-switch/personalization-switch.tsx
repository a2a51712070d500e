import { Switch } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { RightsDeveloperError } from '../../core/errors.js';
import { PERSONALIZATION_SCOPES, type PersonalizationScope } from '../../core/types.js';
import { useRightsTranslation } from '../../provider/rights-context.js';
import { visuallyHidden } from '../visually-hidden.js';
import { usePersonalizationSwitch, type UsePersonalizationSwitchOptions } from './use-personalization-switch.js';
import { personalizationSwitchMessages } from '../../core/i18n/groups/personalization-switch.js';

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
 * @selector [data-state="on" | "off" | "loading"] the master state; `loading` until stored preferences are known
 * @selector [data-sync-pending] an opt-out is saved on this device and not yet confirmed by the adapter
 * @selector [data-error] the last write or read failed; the message is shown in `personalization-switch-error`
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
  const { t } = useRightsTranslation(NAME, personalizationSwitchMessages);
  const state = usePersonalizationSwitch({ checked, onCheckedChange, scopeChecked, onScopeCheckedChange });
  const id = useId();
  const switchId = `${id}-switch`;
  const descriptionId = `${id}-description`;
  const scopesLabelId = `${id}-scopes`;
  const dataState = state.known ? (state.checked ? 'on' : 'off') : 'loading';

  return (
    <div
      data-slot="personalization-switch"
      data-state={dataState}
      data-sync-pending={state.syncPending ? '' : undefined}
      data-error={state.errorCode ? '' : undefined}
      aria-busy={state.known ? undefined : true}
      {...rootProps}
      ref={forwardedRef}
    >
      <div data-slot="personalization-switch-row">
        <label htmlFor={switchId} data-slot="personalization-switch-label">
          {t('personalizationSwitch.label')}
        </label>
        <Switch.Root
          id={switchId}
          data-slot="personalization-switch-control"
          checked={state.known && state.checked}
          disabled={!state.known}
          onCheckedChange={state.setMaster}
          aria-describedby={descriptionId}
        >
          <Switch.Thumb data-slot="personalization-switch-thumb" />
        </Switch.Root>
      </div>
      <p id={descriptionId} data-slot="personalization-switch-description">
        {t('personalizationSwitch.description')}
      </p>

      {scopes.length > 0 ? (
        <div role="group" aria-labelledby={scopesLabelId} data-slot="personalization-switch-scopes">
          <p id={scopesLabelId} data-slot="personalization-switch-scopes-label">
            {t('personalizationSwitch.scopesLabel')}
          </p>
          {scopes.map((scope) => (
            <div key={scope} data-slot="personalization-switch-scope" data-scope={scope}>
              <label htmlFor={`${id}-${scope}`} data-slot="personalization-switch-scope-label">
                {t(`personalizationSwitch.scopes.${scope}.label`)}
              </label>
              <Switch.Root
                id={`${id}-${scope}`}
                data-slot="personalization-switch-scope-control"
                checked={state.known && state.isScopeChecked(scope)}
                disabled={!state.known}
                onCheckedChange={(next) => state.setScope(scope, next)}
                aria-describedby={`${id}-${scope}-description`}
              >
                <Switch.Thumb data-slot="personalization-switch-thumb" />
              </Switch.Root>
              <p id={`${id}-${scope}-description`} data-slot="personalization-switch-scope-description">
                {t(`personalizationSwitch.scopes.${scope}.description`)}
              </p>
            </div>
          ))}
        </div>
      ) : null}

      <div role="status" data-slot="personalization-switch-status">
        {state.known ? null : <span style={visuallyHidden}>{t('personalizationSwitch.loading')}</span>}
        {state.syncPending ? (
          <>
            <span>{t('personalizationSwitch.syncPending')}</span>{' '}
            <button type="button" data-slot="personalization-switch-retry" onClick={state.retry}>
              {t('personalizationSwitch.retryNow')}
            </button>
          </>
        ) : null}
      </div>
      {state.errorCode ? (
        <p role="alert" data-slot="personalization-switch-error">
          {t(`errors.${state.errorCode}`)}
        </p>
      ) : null}
    </div>
  );
});
PersonalizationSwitch.displayName = NAME;

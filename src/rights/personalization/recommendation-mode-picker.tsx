import { RadioGroup } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { recommendationModePickerMessages } from './recommendation-mode-picker-messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes, RightsStatus, rolledBackMessage } from '../../kernel/ui/rights-status.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';
import { PERSONALIZED, useRecommendationModePicker, type UseRecommendationModePickerOptions } from './use-recommendation-mode-picker.js';

const NAME = 'RecommendationModePicker';

export interface RecommendationModePickerProps
  extends UseRecommendationModePickerOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'defaultValue' | 'dir'> {
  /**
   * `inline`: one compact row for the top of a feed, where items are ranked
   * (DSA 27(3)); descriptions stay available to screen readers.
   * `settings`: a full list with descriptions, for a settings page.
   * Default: `settings`.
   */
  variant?: 'inline' | 'settings';
}

/**
 * The non-personalized mode (ALG 17 ¶1, PIPL 24 ¶2, DSA 27(3)): the user picks
 * the personalized feed or one of the platform's non-personalized strategies.
 * The choice applies at once, persists through the provider's adapter, and
 * `useRecommendationMode()` reports it for the feed request. It shares its
 * state with `PersonalizationSwitch`, so each reflects the other at once.
 *
 * @selector [data-slot="recommendation-mode-picker"] the root
 * @selector [data-state="loading" | "ready" | "error"] whether the stored preferences are known
 * @selector [data-value="personalized" | <strategy id>] the choice
 * @selector [data-variant="inline" | "settings"]
 * @selector [data-sync-pending] a choice waits in the outbox: applied, not yet confirmed by the adapter
 * @selector [data-error] there is a failure to show, in `recommendation-mode-picker-error`
 * @selector [data-slot="recommendation-mode-picker-option"][data-state="checked" | "unchecked"] one choice
 */
export const RecommendationModePicker = forwardRef<HTMLDivElement, RecommendationModePickerProps>(function RecommendationModePicker(
  props,
  forwardedRef,
) {
  const { strategies, value, onValueChange, variant = 'settings', ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, recommendationModePickerMessages);
  const state = useRecommendationModePicker({ strategies, value, onValueChange });
  const id = useId();
  const options = [
    {
      id: PERSONALIZED,
      label: t('recommendationModePicker.personalized.label'),
      description: t('recommendationModePicker.personalized.description'),
    },
    ...strategies,
  ];
  const announced = options.find((option) => option.id === state.announcement);
  const inline = variant === 'inline';

  return (
    <div
      data-slot="recommendation-mode-picker"
      data-ar-part="root"
      data-variant={variant}
      {...contractAttributes(state)}
      data-value={state.value}
      aria-busy={state.hydrated ? undefined : true}
      {...rootProps}
      ref={forwardedRef}
    >
      <p id={`${id}-label`} data-slot="recommendation-mode-picker-label">
        {t('recommendationModePicker.label')}
      </p>
      <p id={`${id}-description`} data-slot="recommendation-mode-picker-description" style={inline ? visuallyHidden : undefined}>
        {t('recommendationModePicker.description')}
      </p>
      <RadioGroup.Root
        data-slot="recommendation-mode-picker-options"
        data-ar-part="cell-group"
        value={state.hydrated ? state.value : ''}
        onValueChange={state.choose}
        disabled={!state.hydrated}
        orientation={inline ? 'horizontal' : 'vertical'}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
      >
        {options.map((option) => (
          <div
            key={option.id}
            data-slot="recommendation-mode-picker-option"
            data-state={state.hydrated && state.value === option.id ? 'checked' : 'unchecked'}
          >
            <RadioGroup.Item
              id={`${id}-${option.id}`}
              value={option.id}
              data-slot="recommendation-mode-picker-radio"
              data-ar-part="radio"
              aria-describedby={option.description ? `${id}-${option.id}-description` : undefined}
            >
              <RadioGroup.Indicator data-slot="recommendation-mode-picker-indicator" data-ar-part="radio-indicator" />
            </RadioGroup.Item>
            <label htmlFor={`${id}-${option.id}`} data-slot="recommendation-mode-picker-option-label">
              {option.label}
            </label>
            {option.description ? (
              <p
                id={`${id}-${option.id}-description`}
                data-slot="recommendation-mode-picker-option-description"
                style={inline ? visuallyHidden : undefined}
              >
                {option.description}
              </p>
            ) : null}
          </div>
        ))}
      </RadioGroup.Root>
      <RightsStatus
        slot="recommendation-mode-picker"
        loading={state.hydrated ? null : t('recommendationModePicker.loading')}
        // Once no failure is on screen, whatever still waits is explained, the value a rollback put back too.
        syncPending={state.syncNotice || (state.syncPending && !state.failure) ? t('recommendationModePicker.syncPending') : null}
        canRetry={state.syncPending}
        retryLabel={t('recommendationModePicker.retryNow')}
        onRetry={state.retry}
        failure={state.failure ? failureMessage(t, 'recommendationModePicker', state.failure) : null}
        toast={rolledBackMessage(t, 'recommendationModePicker', state.failure)}
        onDismiss={state.dismissFailure}
        dismissLabel={t('recommendationModePicker.dismiss')}
      >
        {announced && !state.failure ? <span style={visuallyHidden}>{t('recommendationModePicker.changed', { choice: announced.label })}</span> : null}
      </RightsStatus>
    </div>
  );
});
RecommendationModePicker.displayName = NAME;

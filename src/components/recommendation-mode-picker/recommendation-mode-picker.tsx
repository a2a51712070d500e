import { RadioGroup } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import { useRightsTranslation } from '../../provider/rights-context.js';
import { visuallyHidden } from '../visually-hidden.js';
import { PERSONALIZED, useRecommendationModePicker, type UseRecommendationModePickerOptions } from './use-recommendation-mode-picker.js';
import { recommendationModePickerMessages } from '../../core/i18n/groups/recommendation-mode-picker.js';

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
 * @selector [data-state="personalized" | "non-personalized" | "loading"]
 * @selector [data-variant="inline" | "settings"]
 * @selector [data-error] the last write or read failed; the message is in `recommendation-mode-picker-error`
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
      data-variant={variant}
      data-state={state.known ? (state.value === PERSONALIZED ? 'personalized' : 'non-personalized') : 'loading'}
      data-sync-pending={state.syncPending ? '' : undefined}
      data-error={state.errorCode ? '' : undefined}
      aria-busy={state.known ? undefined : true}
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
        value={state.known ? state.value : ''}
        onValueChange={state.choose}
        disabled={!state.known}
        orientation={inline ? 'horizontal' : 'vertical'}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
      >
        {options.map((option) => (
          <div
            key={option.id}
            data-slot="recommendation-mode-picker-option"
            data-state={state.known && state.value === option.id ? 'checked' : 'unchecked'}
          >
            <RadioGroup.Item
              id={`${id}-${option.id}`}
              value={option.id}
              data-slot="recommendation-mode-picker-radio"
              aria-describedby={option.description ? `${id}-${option.id}-description` : undefined}
            >
              <RadioGroup.Indicator data-slot="recommendation-mode-picker-indicator" />
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
      <div role="status" data-slot="recommendation-mode-picker-status">
        {state.known ? null : <span style={visuallyHidden}>{t('recommendationModePicker.loading')}</span>}
        {announced ? <span style={visuallyHidden}>{t('recommendationModePicker.changed', { choice: announced.label })}</span> : null}
        {state.syncPending ? (
          <>
            <span>{t('recommendationModePicker.syncPending')}</span>{' '}
            <button type="button" data-slot="recommendation-mode-picker-retry" onClick={state.retry}>
              {t('recommendationModePicker.retryNow')}
            </button>
          </>
        ) : null}
      </div>
      {state.errorCode ? (
        <p role="alert" data-slot="recommendation-mode-picker-error">
          {t(`errors.${state.errorCode}`)}
        </p>
      ) : null}
    </div>
  );
});
RecommendationModePicker.displayName = NAME;

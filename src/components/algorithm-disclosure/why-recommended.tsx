import { Popover } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { whyRecommendedMessages } from '../../core/i18n/groups/why-recommended.js';
import { useRightsTranslation } from '../../provider/use-rights-translation.js';
import { useWhyRecommended } from './use-why-recommended.js';

const NAME = 'WhyRecommended';

export interface WhyRecommendedProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /** The platform's reasons for recommending this item: the main parameters behind it (ALG 12, DSA 27). */
  reasons: readonly ReactNode[];
  /** The item's title, so that each button on a page has its own accessible name. */
  itemLabel?: string;
  /** Controlled open state of the popover. */
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * "Why am I seeing this" (推荐理由) for one recommended item (ALG 12, DSA 27):
 * a button opening a popover with the reasons the platform supplies. When the
 * feed is non-personalized, it says so plainly first.
 *
 * @selector [data-slot="why-recommended-trigger"][data-state="open" | "closed"]
 * @selector [data-slot="why-recommended-content"][data-mode="personalized" | "non-personalized"]
 */
export const WhyRecommended = forwardRef<HTMLButtonElement, WhyRecommendedProps>(function WhyRecommended(props, forwardedRef) {
  const { reasons, itemLabel, open, defaultOpen, onOpenChange, ...triggerProps } = props;
  const { t } = useRightsTranslation(NAME, whyRecommendedMessages);
  const { personalized } = useWhyRecommended();
  const id = useId();
  return (
    <Popover.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <Popover.Trigger
        data-slot="why-recommended-trigger"
        aria-label={itemLabel ? t('whyRecommended.triggerFor', { item: itemLabel }) : undefined}
        {...triggerProps}
        ref={forwardedRef}
      >
        {t('whyRecommended.trigger')}
      </Popover.Trigger>
      <Popover.Content
        data-slot="why-recommended-content"
        data-mode={personalized ? 'personalized' : 'non-personalized'}
        aria-labelledby={`${id}-title`}
        role="dialog"
        align="start"
        sideOffset={4}
      >
        <p id={`${id}-title`} data-slot="why-recommended-title">
          {t('whyRecommended.title')}
        </p>
        {personalized ? null : <p data-slot="why-recommended-non-personalized">{t('whyRecommended.nonPersonalized')}</p>}
        {reasons.length > 0 ? (
          <ul data-slot="why-recommended-reasons">
            {reasons.map((reason, index) => (
              // Reasons are display-only and never reordered.
              <li key={index}>{reason}</li>
            ))}
          </ul>
        ) : (
          <p data-slot="why-recommended-empty">{t('whyRecommended.noReasons')}</p>
        )}
        <Popover.Close data-slot="why-recommended-close">{t('whyRecommended.close')}</Popover.Close>
      </Popover.Content>
    </Popover.Root>
  );
});
WhyRecommended.displayName = NAME;

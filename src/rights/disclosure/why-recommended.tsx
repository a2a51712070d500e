import { Popover } from 'radix-ui';
import { forwardRef, useCallback, useId, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { whyRecommendedMessages } from './why-recommended-messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { CloseIcon, InfoIcon } from './icons.js';
import { assignRef, portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { useWhyRecommended } from './use-why-recommended.js';

const NAME = 'WhyRecommended';

/** A non-personalized strategy, as given to `RecommendationModePicker`, with the reason it gives an item. */
export interface WhyRecommendedStrategy {
  /** The strategy id, as in `useRecommendationMode().strategy`. */
  id: string;
  /** What the user sees, such as "附近热门". */
  label: string;
  /** The reason an item shows under this strategy, such as "按热门程度推荐". Default: "按「{label}」推荐". */
  reason?: string;
}

export interface WhyRecommendedProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children'> {
  /**
   * The platform's reasons for recommending this item (推荐理由). Per-item reasons go beyond what
   * ALG 16 and DSA 27(1) require (main parameters, in the terms); they serve ALG 12's transparency,
   * and in the EU are required for ads (DSA 26(1)(d)).
   */
  reasons: readonly ReactNode[];
  /** The item's title, so that each button on a page has its own accessible name. */
  itemLabel?: string;
  /**
   * The platform's non-personalized strategies, as given to `RecommendationModePicker`: while the feed
   * is non-personalized, the active one is given as the first reason. Default: none.
   */
  strategies?: readonly WhyRecommendedStrategy[];
  /**
   * Where the popover renders. Default: a portal into the nearest ancestor with `data-ar-theme`
   * (else the body), so a feed card with `overflow: hidden` does not clip it and the theme applies;
   * it carries the elderly mode and language of where the button sits. Pass an element to portal
   * into it, or `false` to render in place.
   */
  container?: OverlayContainer;
  /** Controlled open state of the popover. */
  open?: boolean;
  /** Initial open state when uncontrolled. Default: `false`. */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * "Why am I seeing this" (推荐理由) for one recommended item: a small ⓘ button
 * opening a popover with the reasons the platform supplies. It says nothing
 * about the mode until the stored choice is known; when the feed is
 * non-personalized it says so first, and gives the active strategy as the
 * reason; after a fallback from unreadable storage it never says the user
 * turned personalization off.
 *
 * @selector [data-slot="why-recommended-trigger"][data-state="open" | "closed"] the ⓘ button
 * @selector [data-slot="why-recommended-content"][data-mode="unknown" | "personalized" | "non-personalized" | "fallback"]
 * @selector [data-slot="why-recommended-close"] the ✕ button
 */
export const WhyRecommended = forwardRef<HTMLButtonElement, WhyRecommendedProps>(function WhyRecommended(props, forwardedRef) {
  const { reasons, itemLabel, strategies, container, open, defaultOpen, onOpenChange, ...triggerProps } = props;
  const { t } = useRightsTranslation(NAME, whyRecommendedMessages);
  const { basis, strategy } = useWhyRecommended();
  const id = useId();
  const [trigger, setTrigger] = useState<HTMLButtonElement | null>(null);
  const setTriggerRef = useCallback(
    (element: HTMLButtonElement | null) => {
      setTrigger(element);
      assignRef(forwardedRef, element);
    },
    [forwardedRef],
  );
  const target = portalTarget(trigger, container);

  const active = strategy === null ? undefined : strategies?.find((candidate) => candidate.id === strategy);
  const allReasons: ReactNode[] = active ? [active.reason ?? t('whyRecommended.strategy', { strategy: active.label }), ...reasons] : [...reasons];
  const modeText =
    basis === 'non-personalized' ? t('whyRecommended.nonPersonalized') : basis === 'fallback' ? t('whyRecommended.notPersonalized') : null;

  const content = (
    <Popover.Content
      data-slot="why-recommended-content"
      data-ar-part="root"
      data-mode={basis}
      {...target.attributes}
      aria-labelledby={`${id}-title`}
      role="dialog"
      align="start"
      sideOffset={4}
      collisionPadding={8}
    >
      <div data-slot="why-recommended-header">
        <p id={`${id}-title`} data-slot="why-recommended-title">
          {t('whyRecommended.title')}
        </p>
        <Popover.Close data-slot="why-recommended-close" data-ar-part="close" aria-label={t('whyRecommended.close')}>
          <CloseIcon />
        </Popover.Close>
      </div>
      {modeText ? <p data-slot="why-recommended-non-personalized">{modeText}</p> : null}
      {allReasons.length > 0 ? (
        <ul data-slot="why-recommended-reasons">
          {allReasons.map((reason, index) => (
            // Reasons are display-only and never reordered.
            <li key={index}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p data-slot="why-recommended-empty">{t('whyRecommended.noReasons')}</p>
      )}
    </Popover.Content>
  );

  return (
    <Popover.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      <Popover.Trigger
        data-slot="why-recommended-trigger"
        data-ar-part="button"
        aria-label={itemLabel ? t('whyRecommended.triggerFor', { item: itemLabel }) : t('whyRecommended.trigger')}
        {...triggerProps}
        ref={setTriggerRef}
      >
        <InfoIcon />
      </Popover.Trigger>
      {target.inPlace ? content : <Popover.Portal container={target.container}>{content}</Popover.Portal>}
    </Popover.Root>
  );
});
WhyRecommended.displayName = NAME;

import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { userTagManagerMessages } from './messages.js';
import { useTagDeletionOffer } from './use-tag-deletion-offer.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';

const NAME = 'TagDeletionOffer';

export interface TagDeletionOfferProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Called with the user's answer: `true` once the tags are deleted, `false` when they chose to keep them. */
  onDecision?: (deleted: boolean) => void;
}

type Stage = 'hidden' | 'offered' | 'deleted';

/**
 * After the user turns personalization off, offers to delete the user tags it was built on as well
 * (GB/T 35273 §7.5: a user who refuses personalization may also have its data deleted). Place it next
 * to a `PersonalizationSwitch`; it shows nothing until the switch goes from on to off, and nothing if
 * the user has no tags. It takes no focus: the user stays on the switch, and a screen reader hears the offer.
 *
 * @selector [data-slot="tag-deletion-offer"][data-state="hidden" | "offered" | "deleted"] the root
 */
export const TagDeletionOffer = forwardRef<HTMLDivElement, TagDeletionOfferProps>(function TagDeletionOffer(props, forwardedRef) {
  const { onDecision, ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, userTagManagerMessages);
  const { personalized, known, tagCount, tagsLoaded, syncPending: pending, loadTags, removeAllTags } = useTagDeletionOffer();
  const id = useId();
  const [stage, setStage] = useState<Stage>('hidden');
  const [deletedCount, setDeletedCount] = useState(0);

  // Offer only on a change the user lived through: personalization known to be on, then off.
  const wasOn = useRef<boolean | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  // The button pressed leaves with the offer: focus goes to the result, or back to where the user was.
  const focusAfter = (deleted: boolean) =>
    requestAnimationFrame(() => {
      const target = deleted ? resultRef.current : returnTo.current?.isConnected ? returnTo.current : null;
      target?.focus();
    });
  useEffect(() => {
    if (!known) {
      return;
    }
    if (wasOn.current === true && !personalized) {
      // Where the user was (the switch), so that focus can go back there when the offer leaves.
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setStage('offered');
      loadTags();
    }
    if (personalized) {
      setStage((current) => (current === 'offered' ? 'hidden' : current));
    }
    wasOn.current = personalized;
  }, [known, personalized, loadTags]);

  const remove = () => {
    setDeletedCount(removeAllTags());
    setStage('deleted');
    focusAfter(true);
    onDecision?.(true);
  };
  const keep = () => {
    setStage('hidden');
    focusAfter(false);
    onDecision?.(false);
  };
  const shown = stage === 'offered' && tagsLoaded && tagCount > 0 ? 'offered' : stage === 'deleted' ? 'deleted' : 'hidden';

  return (
    <div data-slot="tag-deletion-offer" data-ar-part="root" data-state={shown} aria-live="polite" {...rootProps} ref={forwardedRef}>
      {shown === 'offered' ? (
        <section aria-labelledby={`${id}-title`} data-slot="tag-deletion-offer-content">
          <p id={`${id}-title`} data-slot="tag-deletion-offer-title">
            {t('userTagManager.optOutOffer.title')}
          </p>
          <p data-slot="tag-deletion-offer-description">{t('userTagManager.optOutOffer.description')}</p>
          <div data-slot="tag-deletion-offer-actions">
            <button type="button" data-slot="tag-deletion-offer-keep" onClick={keep}>
              {t('userTagManager.optOutOffer.cancel')}
            </button>
            <button type="button" data-slot="tag-deletion-offer-delete" onClick={remove}>
              {t('userTagManager.optOutOffer.confirm')}
            </button>
          </div>
        </section>
      ) : null}
      {shown === 'deleted' ? (
        <p data-slot="tag-deletion-offer-result" ref={resultRef} tabIndex={-1}>
          {pending ? t('userTagManager.removedPending', { count: deletedCount }) : t('userTagManager.removed', { count: deletedCount })}
        </p>
      ) : null}
    </div>
  );
});
TagDeletionOffer.displayName = NAME;

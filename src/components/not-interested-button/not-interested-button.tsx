import { Popover } from 'radix-ui';
import { forwardRef, useId, type ComponentPropsWithoutRef } from 'react';
import type { NotInterestedFeedback } from '../../core/tags.js';
import { useRightsTranslation } from '../../provider/use-rights-translation.js';
import { NOT_INTERESTED_REASONS, useNotInterestedButton, type UseNotInterestedButtonOptions } from './use-not-interested-button.js';
import { notInterestedMessages } from '../../core/i18n/groups/not-interested.js';
import { contractAttributes } from '../rights-status.js';

const NAME = 'NotInterestedButton';

/** A reason the user may give. The built-in ids are {@link NOT_INTERESTED_REASONS}. */
export interface NotInterestedReason {
  id: string;
  /** What the user sees, in the user's language. */
  label: string;
}

export interface NotInterestedButtonProps
  extends UseNotInterestedButtonOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The item's title, so that each button on a page has its own accessible name. */
  itemLabel?: string;
  /**
   * Reasons to offer after the tap, all optional for the user. `true`: the
   * kit's localized reasons ({@link NOT_INTERESTED_REASONS}); `false`: send at
   * once, with no reasons; or your own list. Default: `true`.
   */
  reasons?: boolean | readonly NotInterestedReason[];
}

/**
 * Per-item "not interested" feedback (清朗 2024: 负反馈; ALG 17 ¶2), sent
 * through the tags adapter's `notInterested`. It confirms to the user that it
 * took effect; if the write fails, the feedback is kept on this device and
 * retried, and the user is told so.
 *
 * @selector [data-slot="not-interested"][data-state="ready"] the root
 * @selector [data-value="idle" | "sending" | "sent" | "pending"] where the feedback stands
 * @selector [data-sync-pending] the feedback waits in the outbox: applied, not yet confirmed by the adapter
 */
export const NotInterestedButton = forwardRef<HTMLDivElement, NotInterestedButtonProps>(function NotInterestedButton(props, forwardedRef) {
  const { itemId, tagIds, onNotInterested, itemLabel, reasons = true, ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, notInterestedMessages);
  const state = useNotInterestedButton({ itemId, tagIds, onNotInterested });
  const id = useId();
  const choices: readonly NotInterestedReason[] =
    reasons === true
      ? NOT_INTERESTED_REASONS.map((reason) => ({ id: reason, label: t(`notInterested.reasons.${reason}`) }))
      : reasons === false
        ? []
        : reasons;
  const triggerLabel = itemLabel ? t('notInterested.triggerFor', { item: itemLabel }) : undefined;
  const done = state.status !== 'idle';
  const send = (reasonId?: string) => {
    const feedback: NotInterestedFeedback = { itemId, ...(reasonId ? { reasonId } : {}), ...(tagIds ? { tagIds: [...tagIds] } : {}) };
    state.send(feedback);
  };

  return (
    <div data-slot="not-interested" {...contractAttributes({ load: 'ready', ...state })} data-value={state.status} {...rootProps} ref={forwardedRef}>
      {done ? null : choices.length === 0 ? (
        <button type="button" data-slot="not-interested-trigger" aria-label={triggerLabel} onClick={() => send()}>
          {t('notInterested.trigger')}
        </button>
      ) : (
        <Popover.Root>
          <Popover.Trigger data-slot="not-interested-trigger" aria-label={triggerLabel}>
            {t('notInterested.trigger')}
          </Popover.Trigger>
          <Popover.Content data-slot="not-interested-reasons" role="dialog" aria-labelledby={`${id}-title`} align="start" sideOffset={4}>
            <p id={`${id}-title`} data-slot="not-interested-reasons-title">
              {t('notInterested.reasonsTitle')}
            </p>
            <div role="group" aria-labelledby={`${id}-title`} data-slot="not-interested-reason-list">
              {choices.map((reason) => (
                <button key={reason.id} type="button" data-slot="not-interested-reason" onClick={() => send(reason.id)}>
                  {reason.label}
                </button>
              ))}
            </div>
            <button type="button" data-slot="not-interested-skip" onClick={() => send()}>
              {t('notInterested.submitWithoutReason')}
            </button>
          </Popover.Content>
        </Popover.Root>
      )}
      <span role="status" data-slot="not-interested-status">
        {state.status === 'sending' ? t('notInterested.sending') : null}
        {state.status === 'sent' ? t('notInterested.sent') : null}
        {state.status === 'pending' ? t('notInterested.pending') : null}
      </span>
    </div>
  );
});
NotInterestedButton.displayName = NAME;

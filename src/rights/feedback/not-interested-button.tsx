import { Dialog, Popover } from 'radix-ui';
import { forwardRef, useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { NotInterestedFeedback } from '../tags/core/model.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { NOT_INTERESTED_REASONS, useNotInterestedButton, type UseNotInterestedButtonOptions } from './use-not-interested-button.js';
import { notInterestedMessages } from './messages.js';
import { assignRef, portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { contractAttributes, Toast } from '../../kernel/ui/rights-status.js';
import { usePresentation, type Presentation } from '../../kernel/ui/use-presentation.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';

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
  /**
   * How the reasons show: `sheet`, a bottom sheet with ✕, as phone apps do; `popover`, anchored to the
   * button; `auto` (default), a sheet on screens up to 600 px wide and a popover on wider ones.
   */
  presentation?: Presentation | 'auto';
  /**
   * Where the sheet or popover renders. Default: a portal into the nearest ancestor with
   * `data-ar-theme` (so the theme's tokens apply), else the end of `document.body`; either way a feed
   * card with `overflow: hidden` does not clip it. Pass an element to portal into it, or `false` to
   * render in place.
   */
  container?: OverlayContainer;
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
  const { itemId, tagIds, onNotInterested, onUndo, undoMs = 5000, itemLabel, reasons = true, presentation = 'auto', container, ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, notInterestedMessages);
  const state = useNotInterestedButton({ itemId, tagIds, onNotInterested, onUndo, undoMs });
  const [undone, setUndone] = useState(false);
  const id = useId();
  const shown = usePresentation(presentation);
  const [open, setOpen] = useState(false);
  const statusRef = useRef<HTMLSpanElement>(null);
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
    setOpen(false);
    setUndone(false);
    state.send(feedback);
    // The button that had focus is gone: focus moves to the confirmation, after the overlay has let go of it.
    requestAnimationFrame(() => setTimeout(() => statusRef.current?.focus(), 0));
  };
  // By default the overlay renders inside the nearest element that sets the theme, carrying elderly mode and language.
  const [root, setRoot] = useState<HTMLDivElement | null>(null);
  const target = portalTarget(root, container);
  const portalProps = target.container ? { container: target.container } : {};
  const inPlace = target.inPlace;
  const setRefs = (node: HTMLDivElement | null) => {
    setRoot(node);
    assignRef(forwardedRef, node);
  };

  // In the popover the title names it by its id; in the sheet, RightsSheet renders the title as the dialog's.
  const title = (titleId: string) => (
    <p id={titleId} data-slot="not-interested-reasons-title">
      {t('notInterested.reasonsTitle')}
    </p>
  );
  // The reasons and "without a reason", below the title and ✕ of the sheet or the popover.
  const reasonsChoices = (
    <>
      <div role="group" aria-label={t('notInterested.reasonsTitle')} data-slot="not-interested-reason-list">
        {choices.map((reason) => (
          <button key={reason.id} type="button" data-slot="not-interested-reason" data-ar-part="button" onClick={() => send(reason.id)}>
            <bdi>{reason.label}</bdi>
          </button>
        ))}
      </div>
      <button type="button" data-slot="not-interested-skip" data-ar-part="button" data-ar-variant="quiet" onClick={() => send()}>
        {t('notInterested.submitWithoutReason')}
      </button>
    </>
  );

  let trigger: ReactNode;
  if (done) {
    trigger = null;
  } else if (choices.length === 0) {
    trigger = (
      <button type="button" data-slot="not-interested-trigger" data-ar-part="button" aria-label={triggerLabel} onClick={() => send()}>
        {t('notInterested.trigger')}
      </button>
    );
  } else if (shown === 'sheet') {
    trigger = (
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger data-slot="not-interested-trigger" data-ar-part="button" aria-label={triggerLabel}>
          {t('notInterested.trigger')}
        </Dialog.Trigger>
        <RightsSheet
          slots={{
            overlay: 'not-interested-overlay',
            content: 'not-interested-reasons',
            header: 'not-interested-header',
            title: 'not-interested-reasons-title',
            close: 'not-interested-close',
          }}
          target={target}
          presentation="sheet"
          title={t('notInterested.reasonsTitle')}
          titleElement="p"
          closeLabel={t('notInterested.close')}
          aria-describedby={undefined}
        >
          {reasonsChoices}
        </RightsSheet>
      </Dialog.Root>
    );
  } else {
    const popover = (
      <Popover.Content
        data-slot="not-interested-reasons"
        data-ar-part="root"
        data-presentation="popover"
        {...target.attributes}
        role="dialog"
        aria-labelledby={`${id}-title`}
        align="start"
        sideOffset={4}
        collisionPadding={8}
      >
        <div data-slot="not-interested-header" data-ar-part="sheet-header">
          {title(`${id}-title`)}
          <Popover.Close data-slot="not-interested-close" data-ar-part="close" aria-label={t('notInterested.close')}>
            <span aria-hidden="true">✕</span>
          </Popover.Close>
        </div>
        {reasonsChoices}
      </Popover.Content>
    );
    trigger = (
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger data-slot="not-interested-trigger" data-ar-part="button" aria-label={triggerLabel}>
          {t('notInterested.trigger')}
        </Popover.Trigger>
        {inPlace ? popover : <Popover.Portal {...portalProps}>{popover}</Popover.Portal>}
      </Popover.Root>
    );
  }

  // Undo brings the button back: focus goes to it, and the status says the feedback was taken back.
  const undo = () => {
    void state.undo().then((withdrawn) => {
      if (withdrawn) {
        setUndone(true);
        requestAnimationFrame(() => root?.querySelector<HTMLElement>('[data-slot="not-interested-trigger"]')?.focus());
      } else {
        // Too late: the feedback stands. The toast has gone with its button, so focus goes to the confirmation.
        root?.querySelector<HTMLElement>('[data-slot="not-interested-status"]')?.focus();
      }
    });
  };

  return (
    <div data-slot="not-interested" data-ar-part="root" {...contractAttributes({ load: 'ready', ...state })} data-value={state.status} {...rootProps} ref={setRefs}>
      {trigger}
      <span role="status" data-slot="not-interested-status" ref={statusRef} tabIndex={done ? -1 : undefined}>
        {state.status === 'sending' ? t('notInterested.sending') : null}
        {state.status === 'sent' ? <span data-slot="not-interested-success">{t('notInterested.sent')}</span> : null}
        {state.status === 'pending' ? t('notInterested.pending') : null}
        {state.status === 'idle' && undone ? t('notInterested.undone') : null}
      </span>
      {state.undoable ? (
        <Toast
          slot="not-interested"
          role="status"
          message={t('notInterested.toast')}
          // It ends a little before the feedback goes out, so undo is never offered when it can no longer work.
          durationMs={Math.max(1000, undoMs - 300)}
          onHoldChange={state.holdUndo}
          onTimeout={state.endUndo}
          action={{ label: t('notInterested.undo'), slot: 'undo', onClick: undo }}
          anchor={root}
        />
      ) : null}
    </div>
  );
});
NotInterestedButton.displayName = NAME;

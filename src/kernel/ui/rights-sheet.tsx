import { Dialog } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import type { PortalTarget } from './portal-scope.js';

/*
 * RightsSheet: the one sheet of the kit. A bottom sheet on a phone, a dialog on a wider screen, over a dimmed
 * overlay; radix's Dialog traps focus inside it and returns focus to what opened it. Each right passes its own
 * `data-slot` values, so the slots it publishes stay its own; the shared look comes from `data-ar-part`
 * (patterns.css), and each right's CSS holds only its own layout.
 */

/** The `data-slot` values a right publishes for the parts of its sheet. */
export interface RightsSheetSlots {
  /** The dimmed overlay behind the sheet. */
  overlay: string;
  /** The sheet itself (radix's `Dialog.Content`). */
  content: string;
  /** The title (radix's `Dialog.Title`). */
  title: string;
  /** A sticky header that holds the title and the ✕. Without it, the title is the sheet's first child. */
  header?: string;
  /** The ✕ button, shown when `closeLabel` is given too. */
  close?: string;
  /** A wrapper around the sheet's content. Without it, the children are the sheet's own. */
  body?: string;
}

/** Props of {@link RightsSheet}: radix's `Dialog.Content` props, and where and how the sheet shows. */
export interface RightsSheetProps extends Omit<ComponentProps<typeof Dialog.Content>, 'title' | 'children'> {
  /** The `data-slot` of each part. */
  slots: RightsSheetSlots;
  /** Where the sheet renders (`portalTarget`): in place, or portalled with the host's scope attributes. */
  target: PortalTarget;
  /**
   * `data-presentation` on the sheet: `sheet` (a bottom sheet) or `dialog` (centred). Left out, the sheet's CSS
   * decides by the screen's width alone.
   * @selector [data-ar-part="sheet"][data-presentation="sheet" | "dialog"]
   */
  presentation?: 'sheet' | 'dialog';
  /** The title's text. */
  title: ReactNode;
  /** The title's element: radix's heading (`h2`), or a paragraph. Default `h2`. */
  titleElement?: 'h2' | 'p';
  /** Props for the title: a ref, a `tabIndex` when focus goes to it on opening. */
  titleProps?: Omit<ComponentProps<typeof Dialog.Title>, 'children' | 'asChild'>;
  /** The ✕ button's accessible name; with `slots.close`, the sheet has a ✕. */
  closeLabel?: string;
  /** What the ✕ shows. Default `✕`, hidden from screen readers. */
  closeIcon?: ReactNode;
  children?: ReactNode;
}

/**
 * The overlay and the sheet, portalled as `target` says, inside a radix `Dialog.Root` the caller renders (the
 * root keeps the caller's trigger and open state).
 * @selector [data-ar-part="overlay"] the dimmed overlay
 * @selector [data-ar-part="sheet"] the sheet
 * @selector [data-ar-part="sheet-header"] the sticky header
 * @selector [data-ar-part="close"] the ✕
 */
export function RightsSheet(props: RightsSheetProps) {
  const { slots, target, presentation, title, titleElement = 'h2', titleProps, closeLabel, closeIcon, children, ...contentProps } = props;
  const heading =
    titleElement === 'p' ? (
      <Dialog.Title asChild {...titleProps}>
        <p data-slot={slots.title}>{title}</p>
      </Dialog.Title>
    ) : (
      <Dialog.Title data-slot={slots.title} {...titleProps}>
        {title}
      </Dialog.Title>
    );
  const close =
    slots.close && closeLabel ? (
      <Dialog.Close data-slot={slots.close} data-ar-part="close" aria-label={closeLabel}>
        {closeIcon ?? <span aria-hidden="true">✕</span>}
      </Dialog.Close>
    ) : null;
  const sheet = (
    <>
      <Dialog.Overlay data-slot={slots.overlay} data-ar-part="overlay" {...target.attributes} />
      <Dialog.Content data-slot={slots.content} data-ar-part="sheet" data-presentation={presentation} {...contentProps} {...target.attributes}>
        {slots.header ? (
          <div data-slot={slots.header} data-ar-part="sheet-header">
            {heading}
            {close}
          </div>
        ) : (
          <>
            {heading}
            {close}
          </>
        )}
        {slots.body ? <div data-slot={slots.body}>{children}</div> : children}
      </Dialog.Content>
    </>
  );
  return target.inPlace ? sheet : <Dialog.Portal container={target.container}>{sheet}</Dialog.Portal>;
}
RightsSheet.displayName = 'RightsSheet';

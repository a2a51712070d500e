import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { rolledBackMessage } from '../core/i18n/create-rights-i18n.js';
import { visuallyHidden } from './visually-hidden.js';

export { rolledBackMessage };

/** Where an overlay of the kit renders by default: inside the nearest element that sets the theme, so its tokens apply; else the body. */
export function themeScope(from: Element | null): HTMLElement | null {
  if (typeof document === 'undefined') {
    return null;
  }
  return (from?.closest<HTMLElement>('[data-ar-theme]') ?? null) || document.body;
}

/** How long a toast stays, unless the user is on it, in milliseconds. */
export const TOAST_DURATION_MS = 6000;

/** The first control of a component a keyboard user would land on. */
const TAB_STOP = '[role="switch"]:not([disabled]), [role="radio"][tabindex="0"], [tabindex="0"], button:not([disabled]), input:not([disabled])';

export interface ToastProps {
  /** The component's `data-slot` prefix: the toast is `<slot>-toast`. */
  slot: string;
  message: string;
  /** `alert` for a choice undone by a failure; `status` for a result the user may take back. Default: `alert`. */
  role?: 'alert' | 'status';
  /** Called when its time is up. */
  onTimeout?: () => void;
  /** How long it stays, in milliseconds. */
  durationMs?: number;
  /** Whether the time waits while the user is on the toast (focus or pointer). Default: true. It starts again in full when they leave. */
  holdable?: boolean;
  /** Called when the user comes onto the toast (`true`) and leaves it (`false`), so what it offers can wait as long. */
  onHoldChange?: (held: boolean) => void;
  /** Its button: dismiss, or undo. */
  action?: { label: string; slot: string; onClick: () => void };
  /** An element inside the component: the toast portals into its theme's scope. */
  anchor: Element | null;
}

/** A short message at the bottom of the screen, with at most one action. */
export function Toast(props: ToastProps) {
  const { slot, message, role = 'alert', onTimeout, durationMs = TOAST_DURATION_MS, holdable = true, onHoldChange, action, anchor } = props;
  // Held while focus is inside it or the pointer is over it.
  const [focused, setFocused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const held = holdable && (focused || hovered);
  const reportedHeld = useRef(false);
  useEffect(() => {
    if (reportedHeld.current !== held) {
      reportedHeld.current = held;
      onHoldChange?.(held);
    }
  }, [held, onHoldChange]);
  useEffect(() => {
    if (held || !onTimeout) {
      return;
    }
    const timer = setTimeout(onTimeout, durationMs);
    return () => clearTimeout(timer);
  }, [held, onTimeout, durationMs, message]);
  const container = themeScope(anchor);
  if (!container) {
    return null;
  }
  return createPortal(
    <div
      role={role}
      data-slot={`${slot}-toast`}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
    >
      <span data-slot={`${slot}-toast-text`}>{message}</span>
      {action ? (
        <button type="button" data-slot={`${slot}-${action.slot}`} onClick={action.onClick}>
          {action.label}
        </button>
      ) : null}
    </div>,
    container,
  );
}

export interface RightsStatusProps {
  /** The component's `data-slot` prefix, such as `personalization-switch`. */
  slot: string;
  /** Said to screen readers while the component's data loads; `null` once known. */
  loading: string | null;
  /** An id for the loading text, so controls can refer to it with `aria-describedby`. */
  loadingId?: string;
  /** Said while the user's choice is kept on this device and syncing; `null` otherwise. */
  syncPending: string | null;
  /** Whether anything waits in the outbox, so that "sync now" is offered. */
  canRetry: boolean;
  retryLabel: string;
  onRetry(): void;
  /** The localized failure message, or `null`. */
  failure: string | null;
  /**
   * A short message for a choice that was undone (see {@link rolledBackMessage}): shown as a toast
   * instead of `failure`, for {@link TOAST_DURATION_MS} unless the user is on it, then dismissed.
   */
  toast?: string | null;
  /** Dismisses the failure once read; with it, the alert gets a close button named `dismissLabel`. */
  onDismiss?: () => void;
  dismissLabel?: string;
  /** More polite announcements of the component's own, such as "3 tags deleted · Undo". */
  children?: ReactNode;
}

/**
 * The status every stateful component shows the same way: a polite live
 * region for loading, its own announcements and pending syncs (with "sync
 * now"), and an alert for the last failure.
 *
 * @selector [data-slot="<component>-status"] the live region
 * @selector [data-slot="<component>-retry"] the "sync now" button
 * @selector [data-slot="<component>-error"] the failure alert
 * @selector [data-slot="<component>-toast"] a choice undone because its write failed, said briefly, portalled into the theme's scope
 * @selector [data-slot="<component>-dismiss"] the close button of the alert or the toast
 */
export function RightsStatus(props: RightsStatusProps) {
  const { slot, loading, loadingId, syncPending, canRetry, retryLabel, onRetry, failure, toast, onDismiss, dismissLabel, children } = props;
  const statusRef = useRef<HTMLDivElement>(null);
  // Dismissing removes the button that has focus: focus goes back to the component's tab stop, never the page.
  const dismiss = onDismiss
    ? () => {
        const root = statusRef.current?.parentElement;
        onDismiss();
        requestAnimationFrame(() => {
          if (document.activeElement && document.activeElement !== document.body && document.activeElement.isConnected) {
            return;
          }
          root?.querySelector<HTMLElement>(TAB_STOP)?.focus();
        });
      }
    : undefined;
  return (
    <>
      <div role="status" data-slot={`${slot}-status`} ref={statusRef}>
        {loading ? (
          <span id={loadingId} style={visuallyHidden}>
            {loading}
          </span>
        ) : null}
        {children}
        {syncPending ? (
          <>
            {' '}
            <span data-slot={`${slot}-sync-pending`}>{syncPending}</span>
          </>
        ) : null}
        {canRetry ? (
          <>
            {' '}
            <button type="button" data-slot={`${slot}-retry`} onClick={onRetry}>
              {retryLabel}
            </button>
          </>
        ) : null}
      </div>
      {toast ? (
        <Toast
          slot={slot}
          message={toast}
          onTimeout={onDismiss}
          action={dismiss ? { label: dismissLabel ?? '', slot: 'dismiss', onClick: dismiss } : undefined}
          anchor={statusRef.current}
        />
      ) : failure ? (
        <div role="alert" data-slot={`${slot}-error`}>
          <span data-slot={`${slot}-error-text`}>{failure}</span>
          {dismiss ? (
            <button type="button" data-slot={`${slot}-dismiss`} onClick={dismiss}>
              {dismissLabel}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** The attributes every stateful root carries: `data-state` (`loading`, `ready` or `error`), and the flags. */
export function contractAttributes(state: { load: string; syncPending: boolean; failure: unknown }) {
  return {
    'data-state': state.load === 'ready' ? 'ready' : state.load === 'error' ? 'error' : 'loading',
    'data-sync-pending': state.syncPending ? '' : undefined,
    'data-error': state.failure ? '' : undefined,
  } as const;
}

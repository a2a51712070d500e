import type { ReactNode } from 'react';
import { visuallyHidden } from './visually-hidden.js';

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
 * @selector [data-slot="<component>-dismiss"] its close button, when the component lets the user dismiss it
 */
export function RightsStatus(props: RightsStatusProps) {
  const { slot, loading, loadingId, syncPending, canRetry, retryLabel, onRetry, failure, onDismiss, dismissLabel, children } = props;
  return (
    <>
      <div role="status" data-slot={`${slot}-status`}>
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
      {failure ? (
        <div role="alert" data-slot={`${slot}-error`}>
          <span data-slot={`${slot}-error-text`}>{failure}</span>
          {onDismiss ? (
            <button type="button" data-slot={`${slot}-dismiss`} onClick={onDismiss}>
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

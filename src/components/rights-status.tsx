import type { ReactNode } from 'react';
import { visuallyHidden } from './visually-hidden.js';

export interface RightsStatusProps {
  /** The component's `data-slot` prefix, such as `personalization-switch`. */
  slot: string;
  /** Said to screen readers while the component's data loads; `null` once known. */
  loading: string | null;
  /** Said while the user's choice is kept on this device and syncing; `null` otherwise. */
  syncPending: string | null;
  /** Whether anything waits in the outbox, so that "sync now" is offered. */
  canRetry: boolean;
  retryLabel: string;
  onRetry(): void;
  /** The localized failure message, or `null`. */
  failure: string | null;
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
 */
export function RightsStatus(props: RightsStatusProps) {
  const { slot, loading, syncPending, canRetry, retryLabel, onRetry, failure, children } = props;
  return (
    <>
      <div role="status" data-slot={`${slot}-status`}>
        {loading ? <span style={visuallyHidden}>{loading}</span> : null}
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
        <p role="alert" data-slot={`${slot}-error`}>
          {failure}
        </p>
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

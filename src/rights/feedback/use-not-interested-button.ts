import { useCallback, useEffect, useRef, useState } from 'react';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { selectFeedbackStatus, tagsSlice, type FeedbackStatus } from '../tags/core/slice.js';
import type { NotInterestedFeedback } from '../tags/core/model.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import type { UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';

/** The reasons the kit offers by default, each with a localized label under `notInterested.reasons.<id>`. */
export const NOT_INTERESTED_REASONS = ['content', 'repetitive', 'author', 'quality'] as const;

export interface UseNotInterestedButtonOptions {
  /** The item the feedback is about. Any string: ids are data, never object keys. */
  itemId: string;
  /** Tags the item was recommended for, passed on to the adapter so the recommender can weigh them down. */
  tagIds?: readonly string[];
  /** Called at once with the feedback, so the feed can hide the item without waiting for the adapter. */
  onNotInterested?: (feedback: NotInterestedFeedback) => void;
  /** Called when the user takes the feedback back with undo, so the feed can show the item again. */
  onUndo?: (feedback: NotInterestedFeedback) => void;
  /**
   * How long undo is offered after the feedback, in milliseconds: the feedback waits that long in the
   * outbox (on the device too) before it is sent. `0`: no undo, sent at once. Default: 5000.
   */
  undoMs?: number;
}

/** State and behaviour of {@link NotInterestedButton}, with no markup. */
export interface UseNotInterestedButtonResult extends Pick<UseSliceStatusResult, 'syncPending' | 'retry'> {
  /** `idle` before feedback; `sending` while its first write is out; `pending` once a write failed and it waits in the outbox; `sent` once confirmed. */
  status: FeedbackStatus;
  /** Feedback always applies; the button has no data to load. */
  hydrated: true;
  /** Feedback never fails visibly: it is kept and retried. Always `null`; here for the shared contract. */
  failure: null;
  /** Records the user's feedback: protective, so it is kept on this device until the adapter confirms it. */
  send(feedback: NotInterestedFeedback): void;
  /** The feedback just given, while undo is offered; `null` otherwise. */
  undoable: NotInterestedFeedback | null;
  /** Takes the feedback back, while it is still held; resolves `false`, and it stands, if it had already gone out. */
  undo(): Promise<boolean>;
  /** Ends the undo offer (its time is up). */
  endUndo(): void;
  /**
   * While the user is on the undo offer (`true`), the feedback waits for them, on this device too; when
   * they leave it (`false`), it waits `undoMs` more, as the offer starts again in full.
   */
  holdUndo(held: boolean): void;
}

const NAME = 'NotInterestedButton';

/** State and behaviour of {@link NotInterestedButton}, with no markup. */
export function useNotInterestedButton(options: UseNotInterestedButtonOptions): UseNotInterestedButtonResult {
  const { itemId, onNotInterested, onUndo, undoMs = 5000 } = options;
  const store = useRightsSlice(NAME, tagsSlice);
  const capable = useRightsStore(NAME, (state) => state.tags.capabilities.notInterested);
  if (!capable) {
    throw new RightsDeveloperError(
      `\`${NAME}\` needs a tags adapter with notInterested(feedback, options). Add it to the TagsAdapter you pass as ` +
        '`adapters.tags` to <RightsProvider>, or use createLocalStorageTagsAdapter() / createMemoryTagsAdapter().',
    );
  }
  const status = useRightsStore(NAME, (state) => selectFeedbackStatus(state, itemId));
  const [undoable, setUndoable] = useState<NotInterestedFeedback | null>(null);
  const send = useCallback(
    (feedback: NotInterestedFeedback) => {
      void store.getState().sendNotInterested(feedback, { holdMs: undoMs });
      setUndoable(undoMs > 0 ? feedback : null);
      onNotInterested?.(feedback);
    },
    [store, onNotInterested, undoMs],
  );
  const undo = useCallback(async () => {
    const feedback = undoable;
    stopRenewal();
    setUndoable(null);
    if (!feedback || !(await store.getState().withdrawNotInterested(feedback.itemId))) {
      return false;
    }
    onUndo?.(feedback);
    return true;
  }, [store, undoable, onUndo]);
  // While held, the hold is renewed before it ends: a closed tab then sends the feedback within `undoMs`.
  const renewal = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  const stopRenewal = () => {
    clearInterval(renewal.current);
    renewal.current = undefined;
  };
  useEffect(() => stopRenewal, []);
  const holdUndo = useCallback(
    (held: boolean) => {
      stopRenewal();
      if (!undoable) {
        return;
      }
      const renew = () => void store.getState().holdNotInterested(undoable.itemId, undoMs);
      renew();
      if (held) {
        renewal.current = setInterval(renew, Math.max(250, undoMs / 2));
      }
    },
    [store, undoable, undoMs],
  );
  const endUndo = useCallback(() => {
    stopRenewal();
    setUndoable(null);
  }, []);
  const retry = useCallback(() => void store.retrySlice(tagsSlice.name), [store]);
  return { status, hydrated: true, syncPending: status === 'pending' || status === 'sending', failure: null, retry, send, undoable, undo, endUndo, holdUndo };
}

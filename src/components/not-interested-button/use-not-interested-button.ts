import { useCallback, useMemo } from 'react';
import { RightsDeveloperError } from '../../core/errors.js';
import type { NotInterestedFeedback } from '../../core/tags.js';
import { useRightsContext, useRightsStore } from '../../provider/rights-context.js';

/** The reasons the kit offers by default, each with a localized label under `notInterested.reasons.<id>`. */
export const NOT_INTERESTED_REASONS = ['content', 'repetitive', 'author', 'quality'] as const;

export interface UseNotInterestedButtonOptions {
  /** The item the feedback is about. */
  itemId: string;
  /** Tags the item was recommended for, passed on to the adapter so the recommender can weigh them down. */
  tagIds?: readonly string[];
  /** Called at once with the feedback, so the feed can hide the item without waiting for the adapter. */
  onNotInterested?: (feedback: NotInterestedFeedback) => void;
}

const NAME = 'NotInterestedButton';

/** State and behaviour of {@link NotInterestedButton}, with no markup. */
export function useNotInterestedButton(options: UseNotInterestedButtonOptions) {
  const { itemId, onNotInterested } = options;
  const { store } = useRightsContext(NAME);
  const capable = useRightsStore(NAME, (state) => state.tags.capabilities.notInterested);
  if (!capable) {
    throw new RightsDeveloperError(
      `\`${NAME}\` needs a tags adapter with notInterested(feedback). Add it to the TagsAdapter you pass as ` +
        '`adapters.tags` to <RightsProvider>, or use createLocalStorageTagsAdapter() / createMemoryTagsAdapter().',
    );
  }
  const status = useRightsStore(NAME, (state) => state.tags.feedback[itemId] ?? 'idle');
  const actions = useMemo(() => store.getState(), [store]);
  const send = useCallback(
    (feedback: NotInterestedFeedback) => {
      void actions.sendNotInterested(feedback);
      onNotInterested?.(feedback);
    },
    [actions, onNotInterested],
  );
  return { status, send };
}

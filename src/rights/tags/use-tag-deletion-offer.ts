import { useCallback, useMemo } from 'react';
import { displayedMode } from '../personalization/core/model.js';
import { selectSyncPending } from '../../kernel/core/store/selectors.js';
import { tagsSlice } from './core/slice.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';

const NAME = 'TagDeletionOffer';

/** State and behaviour of `TagDeletionOffer`, with no markup. */
export interface UseTagDeletionOfferResult {
  /** Whether personalization shows as on (the master switch). */
  personalized: boolean;
  /** Whether the stored personalization choice is known. */
  known: boolean;
  /** How many tags the user can see (disallowed tags left out). */
  tagCount: number;
  /** Whether the user's tags are read. */
  tagsLoaded: boolean;
  /** A tag write waits in the outbox. */
  syncPending: boolean;
  /** Reads the user's tags, to know whether there is anything to offer. */
  loadTags(): void;
  /** Deletes every tag, the invalid ones too (protective); returns how many the user could see. */
  removeAllTags(): number;
}

/** State and behaviour of `TagDeletionOffer`: personalization's state, the user's tags, and deleting them all. */
export function useTagDeletionOffer(): UseTagDeletionOfferResult {
  const store = useRightsSlice(NAME, tagsSlice);
  const personalized = useRightsStore(NAME, (state) => displayedMode(state.personalization.preferences, 'all') === 'personalized');
  const known = useRightsStore(NAME, (state) => state.personalization.load === 'ready');
  const tagCount = useRightsStore(NAME, (state) => state.tags.tags.filter((tag) => tag.disallowed !== true).length);
  const tagsLoaded = useRightsStore(NAME, (state) => state.tags.load === 'ready');
  const syncPending = useRightsStore(NAME, (state) => selectSyncPending(state, 'tags'));
  const loadTags = useCallback(() => store.getState().loadTags(), [store]);
  const removeAllTags = useCallback(() => {
    const { tags, invalidTagIds } = store.getState().tags;
    void store.getState().removeTags([...new Set([...tags.map((tag) => tag.id), ...invalidTagIds])]);
    return tags.filter((tag) => tag.disallowed !== true).length;
  }, [store]);
  return useMemo(
    () => ({ personalized, known, tagCount, tagsLoaded, syncPending, loadTags, removeAllTags }),
    [personalized, known, tagCount, tagsLoaded, syncPending, loadTags, removeAllTags],
  );
}

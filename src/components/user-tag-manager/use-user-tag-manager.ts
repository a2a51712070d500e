import { useCallback, useEffect, useMemo, useState } from 'react';
import { RightsDeveloperError } from '../../core/errors.js';
import {
  compileBlocklist,
  groupByCategory,
  isTagAllowed,
  type InterestOption,
  type TagBlocklist,
  type TagGroup,
  type TagIntensity,
  type UserTag,
} from '../../core/tags.js';
import { useRightsContext, useRightsStore, useRightsTranslation } from '../../provider/rights-context.js';
import { useIsomorphicLayoutEffect } from '../../provider/use-isomorphic-layout-effect.js';
import { userTagManagerMessages } from '../../core/i18n/groups/user-tag-manager.js';

const NAME = 'UserTagManager';


export interface UseUserTagManagerOptions {
  /** Labels the platform blocks from ever showing as interests (ALG 10), besides tags it marks `disallowed`. */
  blocklist?: TagBlocklist;
  /** Interests the user may choose from (ALG 17 ¶2: 选择). Choosing is never required. Needs an adapter with `select`. */
  catalogue?: readonly InterestOption[];
  /** How long "undo" stays offered after a deletion, in milliseconds. Default: 6000. */
  undoTimeoutMs?: number;
}

/** What a bulk deletion waits on: the user's confirmation in an alert dialog. */
export type PendingConfirmation =
  | { kind: 'selected'; ids: string[] }
  | { kind: 'category'; ids: string[]; categoryLabel: string }
  | { kind: 'all'; ids: string[] };

/** State and behaviour of {@link UserTagManager}, with no markup. */
export function useUserTagManager(options: UseUserTagManagerOptions = {}) {
  const { blocklist, catalogue, undoTimeoutMs = 6000 } = options;
  const { t } = useRightsTranslation(NAME, userTagManagerMessages);
  const status = useRightsStore(NAME, (state) => state.tags.status);
  const known = useRightsStore(NAME, (state) => state.tags.known);
  const errorCode = useRightsStore(NAME, (state) => state.tags.error?.code ?? null);
  const failedAction = useRightsStore(NAME, (state) => state.tags.failedAction);
  const tags = useRightsStore(NAME, (state) => state.tags.tags);
  const categories = useRightsStore(NAME, (state) => state.tags.categories);
  const intensities = useRightsStore(NAME, (state) => state.tags.intensities);
  const syncPending = useRightsStore(NAME, (state) => state.tags.syncPending);
  const lastRemoval = useRightsStore(NAME, (state) => state.tags.lastRemoval);
  const capabilities = useRightsStore(NAME, (state) => state.tags.capabilities);
  // Actions never change; reading them once keeps this hook from re-rendering on unrelated store changes.
  const { store } = useRightsContext(NAME);
  const actions = useMemo(() => store.getState(), [store]);

  if (catalogue && catalogue.length > 0 && !capabilities.select) {
    throw new RightsDeveloperError(
      `\`${NAME}\` got a \`catalogue\`, but the tags adapter has no select() to record the user's choice. ` +
        'Add select(interests) to your TagsAdapter, or leave out `catalogue`.',
    );
  }

  useIsomorphicLayoutEffect(() => {
    actions.loadTags();
  }, [actions]);

  const blocked = useMemo(() => compileBlocklist(blocklist), [blocklist]);
  const otherLabel = t('userTagManager.otherCategory');
  const visible = useMemo(() => tags.filter((tag) => isTagAllowed(tag, blocked)), [tags, blocked]);
  const groups: TagGroup<UserTag>[] = useMemo(() => groupByCategory(visible, categories, otherLabel), [visible, categories, otherLabel]);
  const offered = useMemo(() => (catalogue ?? []).filter((option) => isTagAllowed(option, blocked)), [catalogue, blocked]);
  const catalogueGroups = useMemo(() => groupByCategory(offered, categories, otherLabel), [offered, categories, otherLabel]);
  const present = useMemo(() => new Set(tags.map((tag) => tag.id)), [tags]);

  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  // Tags that are gone can no longer be selected.
  const selected = useMemo(() => new Set([...selection].filter((id) => present.has(id))), [selection, present]);
  const toggleSelected = useCallback((id: string, next: boolean) => {
    setSelection((current) => {
      const copy = new Set(current);
      if (next) {
        copy.add(id);
      } else {
        copy.delete(id);
      }
      return copy;
    });
  }, []);
  const clearSelection = useCallback(() => setSelection(new Set()), []);

  const [confirmation, setConfirmation] = useState<PendingConfirmation | null>(null);
  const requestDeleteSelected = useCallback(() => setConfirmation({ kind: 'selected', ids: [...selected] }), [selected]);
  const requestDeleteCategory = useCallback(
    (group: TagGroup<UserTag>) => setConfirmation({ kind: 'category', ids: group.tags.map((tag) => tag.id), categoryLabel: group.category.label }),
    [],
  );
  // "All" also takes tags hidden as disallowed: deleting more than shown only protects the user.
  const requestDeleteAll = useCallback(() => setConfirmation({ kind: 'all', ids: tags.map((tag) => tag.id) }), [tags]);
  const cancelConfirmation = useCallback(() => setConfirmation(null), []);
  const confirm = useCallback(() => {
    if (confirmation) {
      setRestoredCount(0);
      void actions.removeTags(confirmation.ids);
      setSelection(new Set());
      setConfirmation(null);
    }
  }, [confirmation, actions]);

  const [restoredCount, setRestoredCount] = useState(0);
  const deleteOne = useCallback(
    (id: string) => {
      setRestoredCount(0);
      void actions.removeTags([id]);
    },
    [actions],
  );

  // The undo offer lapses after a few seconds; a restore may then no longer be expected by the user.
  useEffect(() => {
    if (!lastRemoval) {
      return;
    }
    const timer = setTimeout(() => actions.dismissTagRemoval(), undoTimeoutMs);
    return () => clearTimeout(timer);
  }, [lastRemoval, undoTimeoutMs, actions]);

  const undo = useCallback(() => {
    setRestoredCount(lastRemoval?.tags.length ?? 0);
    void actions.undoTagRemoval();
  }, [actions, lastRemoval]);

  const toggleInterest = useCallback(
    (option: InterestOption, next: boolean) => {
      if (next) {
        void actions.selectInterests([option]);
      } else {
        void actions.removeTags([option.id]);
      }
    },
    [actions],
  );

  return {
    status,
    known,
    /** `errors.<code>` for a failed load; the view offers a retry. */
    loadErrorCode: failedAction === 'load' ? errorCode : null,
    /** What the last failed write was about, for `userTagManager.failed.<action>`. */
    failedWrite: failedAction === 'load' ? null : failedAction,
    retryLoad: useCallback(() => actions.loadTags({ retry: true }), [actions]),
    groups,
    visibleCount: visible.length,
    intensityOf: (categoryId: string): TagIntensity => intensities[categoryId] ?? 'default',
    setIntensity: useCallback((categoryId: string, level: TagIntensity) => void actions.setTagIntensity(categoryId, level), [actions]),
    capabilities,
    selected,
    toggleSelected,
    clearSelection,
    deleteOne,
    confirmation,
    requestDeleteSelected,
    requestDeleteCategory,
    requestDeleteAll,
    cancelConfirmation,
    confirm,
    /** How many tags the last deletion removed, while undo is offered; 0 otherwise. */
    removedCount: lastRemoval?.tags.length ?? 0,
    canUndo: capabilities.restore && lastRemoval !== null,
    undo,
    restoredCount,
    syncPending,
    retrySync: useCallback(() => void actions.retryTagSync(), [actions]),
    catalogueGroups,
    isChosen: (id: string) => present.has(id),
    toggleInterest,
  };
}

import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import {
  compileBlocklist,
  groupByCategory,
  isTagAllowed,
  type InterestOption,
  type TagBlocklist,
  type TagGroup,
  type TagIntensity,
  type UserTag,
} from './core/model.js';
import { userTagManagerMessages } from './messages.js';
import { tagsSlice, type TagCapabilities, type TagsAction } from './core/slice.js';
import { useRightsSlice, useRightsStore } from '../../kernel/react/rights-context.js';
import { useSliceStatus, type UseSliceStatusResult } from '../../kernel/react/use-slice-status.js';
import { useIsomorphicLayoutEffect } from '../../kernel/react/use-isomorphic-layout-effect.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';

const NAME = 'UserTagManager';

/** The tags adapter's methods the manager writes through. */
const TAG_WRITES = ['remove', 'restore', 'select', 'setIntensity'] as const;


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
  /** `ids` also takes tags hidden as disallowed or invalid; `shownCount` is how many the user can see, which is what the confirmation says. */
  | { kind: 'all'; ids: string[]; shownCount: number };

/** State and behaviour of {@link UserTagManager}, with no markup. */
export interface UseUserTagManagerResult extends UseSliceStatusResult<TagsAction> {
  /** What the user typed in the search field. */
  query: string;
  setQuery(query: string): void;
  /** How many tags match the search; all shown tags when it is empty. */
  matchCount: number;
  /** The tags to show, by category, without disallowed or blocklisted ones, narrowed by the search. */
  groups: TagGroup<UserTag>[];
  visibleCount: number;
  /** How many tags the adapter sent that were invalid and are not shown. */
  invalidCount: number;
  intensityOf(categoryId: string): TagIntensity;
  setIntensity(categoryId: string, intensity: TagIntensity): void;
  capabilities: TagCapabilities;
  selected: ReadonlySet<string>;
  toggleSelected(id: string, selected: boolean): void;
  clearSelection(): void;
  deleteOne(id: string): void;
  /** The bulk deletion waiting for the user's confirmation, or `null`. */
  confirmation: PendingConfirmation | null;
  requestDeleteSelected(): void;
  requestDeleteCategory(group: TagGroup<UserTag>): void;
  requestDeleteAll(): void;
  cancelConfirmation(): void;
  confirm(): void;
  /** How many tags the last deletion removed, while undo is offered; 0 otherwise. */
  removedCount: number;
  /** The ids of the tags the last deletion removed, while undo is offered. */
  removedTagIds: readonly string[];
  canUndo: boolean;
  undo(): void;
  /**
   * Holds the undo offer open while the user is on it (focus or pointer on the undo button), and lets
   * its time run again once they leave (WCAG 2.2.1).
   */
  holdUndo(held: boolean): void;
  /** How many tags the last undo put back, until the next deletion. */
  restoredCount: number;
  catalogueGroups: TagGroup<InterestOption>[];
  isChosen(id: string): boolean;
  toggleInterest(option: InterestOption, chosen: boolean): void;
}

/** State and behaviour of {@link UserTagManager}, with no markup. */
export function useUserTagManager(options: UseUserTagManagerOptions = {}): UseUserTagManagerResult {
  const { blocklist, catalogue, undoTimeoutMs = 6000 } = options;
  const store = useRightsSlice(NAME, tagsSlice);
  const { t } = useRightsTranslation(NAME, userTagManagerMessages);
  const tags = useRightsStore(NAME, (state) => state.tags.tags);
  const categories = useRightsStore(NAME, (state) => state.tags.categories);
  const intensities = useRightsStore(NAME, (state) => state.tags.intensities);
  const invalidCount = useRightsStore(NAME, (state) => state.tags.invalidCount);
  const invalidTagIds = useRightsStore(NAME, (state) => state.tags.invalidTagIds);
  // What the manager's own line speaks of: deletions and choices, not "not interested" feedback given on the feed.
  const status = useSliceStatus(NAME, tagsSlice, { methods: TAG_WRITES });
  const lastRemoval = useRightsStore(NAME, (state) => state.tags.lastRemoval);
  const capabilities = useRightsStore(NAME, (state) => state.tags.capabilities);
  // Actions never change; reading them once keeps this hook from re-rendering on unrelated store changes.
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
  // A platform learns that its recommender produced tags its own blocklist hides (ALG 10).
  useEffect(() => {
    const hidden = tags.filter((tag) => tag.disallowed !== true && blocked(tag.label)).map((tag) => tag.id);
    if (hidden.length > 0) {
      actions.reportBlockedTags(hidden);
    }
  }, [tags, blocked, actions]);
  // Search narrows what is listed, never what "delete all" takes. Typing stays responsive at 10,000 tags.
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const needle = deferredQuery.normalize('NFKC').trim().toLocaleLowerCase();
  const matching = useMemo(
    () => (needle === '' ? visible : visible.filter((tag) => tag.label.normalize('NFKC').toLocaleLowerCase().includes(needle))),
    [visible, needle],
  );
  const groups: TagGroup<UserTag>[] = useMemo(() => groupByCategory(matching, categories, otherLabel), [matching, categories, otherLabel]);
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
  // "Delete all of a category" means all of it, also while a search shows only some of its tags.
  const requestDeleteCategory = useCallback(
    (group: TagGroup<UserTag>) => {
      const ids = visible.filter((tag) => group.tags.some((shown) => shown.categoryId === tag.categoryId)).map((tag) => tag.id);
      const whole = needle === '' ? group.tags.map((tag) => tag.id) : [...new Set([...group.tags.map((tag) => tag.id), ...ids])];
      setConfirmation({ kind: 'category', ids: whole, categoryLabel: group.category.label });
    },
    [visible, needle],
  );
  // "All" also takes tags hidden as disallowed or invalid: deleting more than shown only protects the user.
  const requestDeleteAll = useCallback(
    () => setConfirmation({ kind: 'all', ids: [...new Set([...tags.map((tag) => tag.id), ...invalidTagIds])], shownCount: visible.length }),
    [tags, invalidTagIds, visible],
  );
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
  // It never lapses while held: the countdown starts again when the user leaves the undo button.
  const [undoHeld, holdUndo] = useState(false);
  const removedTagIds = useMemo(() => lastRemoval?.tags.map((tag) => tag.id) ?? [], [lastRemoval]);
  useEffect(() => {
    if (!lastRemoval || undoHeld) {
      return;
    }
    const timer = setTimeout(() => actions.dismissTagRemoval(), undoTimeoutMs);
    return () => clearTimeout(timer);
  }, [lastRemoval, undoTimeoutMs, actions, undoHeld]);

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
    ...status,
    groups,
    query,
    setQuery,
    matchCount: matching.length,
    visibleCount: visible.length,
    invalidCount,
    intensityOf: (categoryId: string): TagIntensity => intensities.get(categoryId) ?? 'default',
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
    // What the user saw go: tags hidden as disallowed or blocklisted are deleted too, and not counted.
    removedCount: lastRemoval ? lastRemoval.tags.filter((tag) => isTagAllowed(tag, blocked)).length : 0,
    removedTagIds,
    canUndo: capabilities.restore && lastRemoval !== null,
    undo,
    holdUndo,
    restoredCount,
    catalogueGroups,
    isChosen: (id: string) => present.has(id),
    toggleInterest,
  };
}

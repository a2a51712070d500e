import { AlertDialog } from 'radix-ui';
import { forwardRef, useCallback, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { contractAttributes, RightsStatus, rolledBackMessage } from '../../kernel/ui/rights-status.js';
import { visuallyHidden } from '../../kernel/ui/visually-hidden.js';
import { InterestCatalogue } from './interest-catalogue.js';
import { UserTagList } from './user-tag-list.js';
import { useUserTagManager, type PendingConfirmation, type UseUserTagManagerOptions } from './use-user-tag-manager.js';
import { userTagManagerMessages } from './messages.js';

const NAME = 'UserTagManager';

/** Above this many tags, a search field is offered. */
const SEARCH_ABOVE = 20;

export interface UserTagManagerProps extends UseUserTagManagerOptions, Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /**
   * Lists with more rows (tags plus category headings) than this render only the rows in view, in a
   * scrolling region; about two screenfuls, where measured rendering cost starts to show. Default: 60.
   */
  virtualizeAbove?: number;
  /** The heading level of the manager's title. Default: 2. */
  headingLevel?: 2 | 3 | 4;
}

function confirmationTitle(t: ReturnType<typeof useRightsTranslation>['t'], confirmation: PendingConfirmation): string {
  const count = confirmation.ids.length;
  switch (confirmation.kind) {
    case 'selected':
      return t('userTagManager.confirm.selectedTitle', { count });
    case 'category':
      return t('userTagManager.confirm.categoryTitle', { count, category: confirmation.categoryLabel });
    case 'all':
      return t('userTagManager.confirm.allTitle', { count: confirmation.shownCount });
    default:
      return confirmation satisfies never;
  }
}

/**
 * The user-tag manager (ALG 17 ¶2, ALG 10; 清朗 2024): the user's tags by
 * category, with how and when each was inferred; delete one, several, a
 * category or all, at once and kept even if the backend fails; optional
 * interests from the platform's catalogue; an intensity per category.
 * Disallowed and blocklisted tags are never shown or offered.
 *
 * @selector [data-slot="user-tag-manager"][data-state="loading" | "ready" | "error"] whether the tags are known
 * @selector [data-empty] the user has no tags to show
 * @selector [data-sync-pending] a deletion or feedback waits in the outbox: applied, not yet confirmed by the adapter
 * @selector [data-error] there is a failure to show
 * @selector [data-slot="user-tag-manager-tag"][data-state="selected" | "idle"] one tag
 */
export const UserTagManager = forwardRef<HTMLElement, UserTagManagerProps>(function UserTagManager(props, forwardedRef) {
  const { blocklist, catalogue, undoTimeoutMs, virtualizeAbove = 60, headingLevel = 2, ...rootProps } = props;
  const { t, locale } = useRightsTranslation(NAME, userTagManagerMessages);
  const state = useUserTagManager({ blocklist, catalogue, undoTimeoutMs });
  const id = useId();
  const rootRef = useRef<HTMLElement | null>(null);
  const setRefs = useCallback(
    (node: HTMLElement | null) => {
      rootRef.current = node;
      if (typeof forwardedRef === 'function') {
        forwardedRef(node);
      } else if (forwardedRef) {
        forwardedRef.current = node;
      }
    },
    [forwardedRef],
  );
  const { deleteOne } = state;
  // Deleting removes the focused button; move focus to the next tag's, so a keyboard user keeps their place.
  const deleteAndKeepFocus = useCallback(
    (tagId: string) => {
      const root = rootRef.current;
      const buttons = root ? [...root.querySelectorAll<HTMLButtonElement>('[data-slot="user-tag-manager-tag-delete"]')] : [];
      const index = buttons.findIndex((button) => button.closest('[data-tag-id]')?.getAttribute('data-tag-id') === tagId);
      const neighbour = buttons[index + 1] ?? buttons[index - 1];
      const neighbourId = neighbour?.closest('[data-tag-id]')?.getAttribute('data-tag-id');
      deleteOne(tagId);
      requestAnimationFrame(() => {
        const target = neighbourId
          ? root?.querySelector<HTMLElement>(`[data-tag-id="${CSS.escape(neighbourId)}"] [data-slot="user-tag-manager-tag-delete"]`)
          : root?.querySelector<HTMLElement>('[data-slot="user-tag-manager-title"]');
        target?.focus();
      });
    },
    [deleteOne],
  );
  // Undo removes its own button: focus moves to the first tag put back, or the title.
  const { undo, removedTagIds, holdUndo } = state;
  const undoAndKeepFocus = useCallback(() => {
    const root = rootRef.current;
    const first = removedTagIds[0];
    holdUndo(false);
    undo();
    requestAnimationFrame(() => {
      const target =
        (first ? root?.querySelector<HTMLElement>(`[data-tag-id="${CSS.escape(first)}"] [data-slot="user-tag-manager-tag-delete"]`) : null) ??
        root?.querySelector<HTMLElement>('[data-slot="user-tag-manager-title"]');
      target?.focus();
    });
  }, [undo, removedTagIds, holdUndo]);
  // The alert dialog has no trigger of its own: return focus to whatever opened it.
  const openerRef = useRef<HTMLElement | null>(null);
  const rememberOpener = <Args extends unknown[]>(open: (...args: Args) => void) =>
    (...args: Args) => {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      open(...args);
    };
  const Heading = `h${headingLevel}` as const;
  const loadFailed = state.failure?.action === 'load';
  const dataState = loadFailed ? 'error' : !state.hydrated ? 'loading' : state.visibleCount === 0 ? 'empty' : 'ready';

  return (
    <section
      data-slot="user-tag-manager"
      data-ar-part="root"
      {...contractAttributes({ load: loadFailed ? 'error' : state.load, syncPending: state.syncPending, failure: state.failure })}
      data-empty={dataState === 'empty' ? '' : undefined}
      aria-labelledby={`${id}-title`}
      aria-busy={dataState === 'loading' ? true : undefined}
      {...rootProps}
      ref={setRefs}
    >
      <Heading id={`${id}-title`} data-slot="user-tag-manager-title" tabIndex={-1}>
        {t('userTagManager.title')}
      </Heading>
      <p data-slot="user-tag-manager-description">{t('userTagManager.description')}</p>

      {dataState === 'loading' ? (
        <div data-slot="user-tag-manager-placeholder">
          <span style={visuallyHidden}>{t('userTagManager.loading')}</span>
        </div>
      ) : null}
      {loadFailed ? (
        <div data-slot="user-tag-manager-load-error">
          <p role="alert">
            {t('userTagManager.loadFailed')} {state.failure?.code === 'tags-invalid' ? t('errors.tags-invalid') : null}
          </p>
          <button type="button" data-slot="user-tag-manager-retry-load" data-ar-part="button" onClick={state.retry}>
            {t('userTagManager.retryLoad')}
          </button>
        </div>
      ) : null}
      {dataState === 'empty' ? <p data-slot="user-tag-manager-empty">{t('userTagManager.empty')}</p> : null}
      {state.invalidCount > 0 ? (
        <p data-slot="user-tag-manager-invalid">{t('userTagManager.invalid', { count: state.invalidCount })}</p>
      ) : null}

      <RightsStatus
        slot="user-tag-manager"
        loading={null}
        // Once no failure is on screen, whatever still waits is explained, the value a rollback put back too.
        syncPending={state.syncNotice || (state.syncPending && !state.failure) ? t('userTagManager.syncPending') : null}
        canRetry={state.syncPending}
        retryLabel={t('userTagManager.retryNow')}
        onRetry={state.retry}
        failure={state.failure && !loadFailed ? failureMessage(t, 'userTagManager', state.failure) : null}
        toast={rolledBackMessage(t, 'userTagManager', state.failure)}
        onDismiss={state.dismissFailure}
        dismissLabel={t('userTagManager.dismiss')}
      >
        {state.removedCount > 0 ? (
          <>
            <span>{t('userTagManager.removed', { count: state.removedCount })}</span>{' '}
            {state.canUndo ? (
              <button
                type="button"
                data-slot="user-tag-manager-undo"
                onClick={undoAndKeepFocus}
                onFocus={() => state.holdUndo(true)}
                onBlur={() => state.holdUndo(false)}
                onPointerEnter={() => state.holdUndo(true)}
                onPointerLeave={() => state.holdUndo(false)}
              >
                {t('userTagManager.undo')}
              </button>
            ) : null}
          </>
        ) : state.restoredCount > 0 && !state.failure ? (
          <span data-slot="user-tag-manager-success">{t('userTagManager.restored', { count: state.restoredCount })}</span>
        ) : null}
      </RightsStatus>

      {dataState === 'ready' ? (
        <>
          <div data-slot="user-tag-manager-toolbar">
            <p data-slot="user-tag-manager-count">{t('userTagManager.count', { count: state.visibleCount })}</p>
            {state.selected.size > 0 ? (
              <>
                <span data-slot="user-tag-manager-selection-count">{t('userTagManager.selection.count', { count: state.selected.size })}</span>
                <button type="button" data-slot="user-tag-manager-delete-selected" data-ar-part="button" data-ar-variant="destructive" onClick={rememberOpener(state.requestDeleteSelected)}>
                  {t('userTagManager.selection.deleteSelected')}
                </button>
                <button type="button" data-slot="user-tag-manager-clear-selection" data-ar-part="button" data-ar-variant="quiet" onClick={state.clearSelection}>
                  {t('userTagManager.selection.clear')}
                </button>
              </>
            ) : null}
            <button type="button" data-slot="user-tag-manager-delete-all" data-ar-part="button" data-ar-variant="destructive" onClick={rememberOpener(state.requestDeleteAll)}>
              {t('userTagManager.deleteAll')}
            </button>
          </div>
          {state.visibleCount > SEARCH_ABOVE ? (
            <div data-slot="user-tag-manager-search">
              <input
                type="search"
                id={`${id}-search`}
                data-slot="user-tag-manager-search-input"
                aria-label={t('userTagManager.search.label')}
                placeholder={t('userTagManager.search.label')}
                aria-describedby={state.query ? `${id}-search-results` : undefined}
                value={state.query}
                onChange={(event) => state.setQuery(event.currentTarget.value)}
                enterKeyHint="search"
                autoComplete="off"
              />
              {state.query ? (
                <p id={`${id}-search-results`} role="status" data-slot="user-tag-manager-search-results">
                  {state.matchCount > 0
                    ? t('userTagManager.search.results', { count: state.matchCount })
                    : t('userTagManager.search.noResults', { query: state.query })}
                </p>
              ) : null}
            </div>
          ) : null}
          <UserTagList
            id={id}
            groups={state.groups}
            t={t}
            locale={locale}
            selected={state.selected}
            onSelectedChange={state.toggleSelected}
            onDelete={deleteAndKeepFocus}
            onDeleteCategory={rememberOpener(state.requestDeleteCategory)}
            intensityOf={state.intensityOf}
            onIntensityChange={state.capabilities.setIntensity ? state.setIntensity : undefined}
            virtualizeAbove={virtualizeAbove}
          />
        </>
      ) : null}

      {state.hydrated && state.catalogueGroups.length > 0 ? (
        <InterestCatalogue id={id} groups={state.catalogueGroups} t={t} isChosen={state.isChosen} onToggle={state.toggleInterest} />
      ) : null}

      <AlertDialog.Root open={state.confirmation !== null} onOpenChange={(open) => (open ? undefined : state.cancelConfirmation())}>
        <AlertDialog.Overlay data-slot="user-tag-manager-confirm-overlay" data-ar-part="overlay" />
        <AlertDialog.Content
          data-slot="user-tag-manager-confirm"
          data-ar-part="sheet"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const opener = openerRef.current;
            const fallback = rootRef.current?.querySelector<HTMLElement>('[data-slot="user-tag-manager-title"]');
            (opener?.isConnected ? opener : fallback)?.focus();
          }}
        >
          <AlertDialog.Title data-slot="user-tag-manager-confirm-title">
            {state.confirmation ? confirmationTitle(t, state.confirmation) : null}
          </AlertDialog.Title>
          <AlertDialog.Description data-slot="user-tag-manager-confirm-description">
            {t('userTagManager.confirm.description')}
          </AlertDialog.Description>
          <div data-slot="user-tag-manager-confirm-actions">
            <AlertDialog.Cancel data-slot="user-tag-manager-confirm-cancel" data-ar-part="button">{t('userTagManager.confirm.cancel')}</AlertDialog.Cancel>
            <AlertDialog.Action data-slot="user-tag-manager-confirm-action" data-ar-part="button" onClick={state.confirm}>
              {t('userTagManager.confirm.confirm')}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Root>
    </section>
  );
});
UserTagManager.displayName = NAME;

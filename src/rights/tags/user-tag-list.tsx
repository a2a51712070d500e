import { defaultRangeExtractor, useWindowVirtualizer } from '@tanstack/react-virtual';
import { RadioGroup } from 'radix-ui';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useIsomorphicLayoutEffect } from '../../kernel/react/use-isomorphic-layout-effect.js';
import { OTHER_CATEGORY_ID, TAG_INTENSITIES, type TagGroup, type TagIntensity, type UserTag } from './core/model.js';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';

type Row = { kind: 'category'; key: string; group: TagGroup<UserTag> } | { kind: 'tag'; key: string; tag: UserTag };

export interface UserTagListProps {
  id: string;
  groups: TagGroup<UserTag>[];
  t: Translate;
  locale: string;
  selected: ReadonlySet<string>;
  onSelectedChange(id: string, selected: boolean): void;
  onDelete(id: string): void;
  onDeleteCategory(group: TagGroup<UserTag>): void;
  intensityOf(categoryId: string): TagIntensity;
  onIntensityChange?: (categoryId: string, intensity: TagIntensity) => void;
  /** Lists longer than this render only the rows in view. */
  virtualizeAbove: number;
}

const TagRow = memo(function TagRow(props: {
  tag: UserTag;
  baseId: string;
  checked: boolean;
  t: Translate;
  dateFormat: Intl.DateTimeFormat;
  onSelectedChange(id: string, selected: boolean): void;
  onDelete(id: string): void;
  /** Which of the row's controls is the list's one tab stop: 0 the checkbox, 1 delete; `null` for neither. */
  tabStop: 0 | 1 | null;
}) {
  const { tag, baseId, checked, t, dateFormat, tabStop } = props;
  const inputId = `${baseId}-tag-${tag.id}`;
  const created = tag.createdAt ? new Date(tag.createdAt) : null;
  const meta = [
    tag.source ? t(`userTagManager.tag.source.${tag.source}`) : null,
    tag.sourceDetail ?? null,
    created && !Number.isNaN(created.getTime()) ? t('userTagManager.tag.createdAt', { date: dateFormat.format(created) }) : null,
  ].filter((part): part is string => part !== null);
  return (
    <div data-slot="user-tag-manager-tag" data-tag-id={tag.id} data-state={checked ? 'selected' : 'idle'}>
      <input
        type="checkbox"
        id={inputId}
        data-slot="user-tag-manager-tag-checkbox"
        data-col={0}
        tabIndex={tabStop === 0 ? 0 : -1}
        checked={checked}
        onChange={(event) => props.onSelectedChange(tag.id, event.currentTarget.checked)}
        aria-describedby={meta.length > 0 ? `${inputId}-meta` : undefined}
      />
      <label htmlFor={inputId} data-slot="user-tag-manager-tag-label">
        <bdi>{tag.label}</bdi>
      </label>
      {meta.length > 0 ? (
        <span id={`${inputId}-meta`} data-slot="user-tag-manager-tag-meta">
          {meta.join(t('userTagManager.tag.metaSeparator'))}
        </span>
      ) : null}
      <button
        type="button"
        data-slot="user-tag-manager-tag-delete"
        data-ar-part="button"
        data-ar-variant="destructive"
        data-col={1}
        tabIndex={tabStop === 1 ? 0 : -1}
        aria-label={t('userTagManager.tag.delete', { label: tag.label })}
        onClick={() => props.onDelete(tag.id)}
      >
        {t('userTagManager.tag.deleteShort')}
      </button>
    </div>
  );
});

function CategoryHeader(
  props: { group: TagGroup<UserTag>; tabStop: 0 | 1 | null } & Pick<UserTagListProps, 'id' | 't' | 'intensityOf' | 'onIntensityChange' | 'onDeleteCategory'>,
) {
  const { group, id, t, tabStop } = props;
  const intensity = props.intensityOf(group.category.id);
  const { category } = group;
  const hasIntensity = Boolean(props.onIntensityChange) && category.id !== OTHER_CATEGORY_ID;
  const headingId = `${id}-category-${category.id}`;
  return (
    <div data-slot="user-tag-manager-category" data-category-id={category.id}>
      <h3 id={headingId} data-slot="user-tag-manager-category-title">
        <bdi>{category.label}</bdi> <span data-slot="user-tag-manager-category-count">{t('userTagManager.categoryCount', { count: group.tags.length })}</span>
      </h3>
      {hasIntensity ? (
        <RadioGroup.Root
          data-slot="user-tag-manager-intensity"
          // The list holds the one tab stop, not the radio group.
          tabIndex={-1}
          orientation="horizontal"
          aria-label={t('userTagManager.intensity.label', { category: category.label })}
          value={intensity}
          onValueChange={(value) => props.onIntensityChange?.(category.id, value as TagIntensity)}
        >
          {TAG_INTENSITIES.map((level) => (
            <span key={level} data-slot="user-tag-manager-intensity-option">
              {/* The checked dot is drawn in CSS: an Indicator part per radio costs a style recalculation each on mount. */}
              <RadioGroup.Item
                id={`${headingId}-${level}`}
                value={level}
                data-slot="user-tag-manager-intensity-radio"
                data-ar-part="radio"
                data-col={0}
                tabIndex={tabStop === 0 && level === intensity ? 0 : -1}
              />
              <label htmlFor={`${headingId}-${level}`}>{t(`userTagManager.intensity.${level}`)}</label>
            </span>
          ))}
        </RadioGroup.Root>
      ) : null}
      <button
        type="button"
        data-slot="user-tag-manager-delete-category"
        data-ar-part="button"
        data-ar-variant="destructive"
        data-col={hasIntensity ? 1 : 0}
        tabIndex={tabStop === (hasIntensity ? 1 : 0) ? 0 : -1}
        onClick={() => props.onDeleteCategory(group)}
      >
        {t('userTagManager.deleteCategory', { category: category.label })}
      </button>
    </div>
  );
}

/** How many rows PageUp and PageDown move. */
const PAGE_ROWS = 10;

/**
 * The tags, grouped by category, as one list with one tab stop: arrow keys move between rows (up and
 * down) and between a row's controls (left and right), Home and End go to the first and last row.
 * Long lists render only the rows in view, scrolling with the page, so 10,000 tags cost what a
 * screenful does; the heading of the category in view stays at the top.
 */
export function UserTagList(props: UserTagListProps) {
  const { groups, t, locale, selected } = props;
  const rows = useMemo(
    () =>
      groups.flatMap((group): Row[] => [
        { kind: 'category', key: `category:${group.category.id}`, group },
        ...group.tags.map((tag): Row => ({ kind: 'tag', key: `tag:${tag.id}`, tag })),
      ]),
    [groups],
  );
  const dateFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const listRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > props.virtualizeAbove;

  // The one tab stop: a row and one of its controls. Kept in range as rows come and go.
  const [active, setActive] = useState({ row: 0, col: 0 });
  const activeRow = Math.max(0, Math.min(active.row, rows.length - 1));
  const pendingFocus = useRef(false);

  const categoryRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'category' ? [index] : [])), [rows]);
  const stickyRef = useRef(0);
  const [scrollMargin, setScrollMargin] = useState(0);
  useIsomorphicLayoutEffect(() => {
    if (!virtual) {
      return;
    }
    const measure = () => setScrollMargin((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [virtual]);
  const estimateSize = (index: number) => (rows[index]?.kind === 'category' ? 96 : 56);
  const virtualizer = useWindowVirtualizer({
    count: virtual ? rows.length : 0,
    estimateSize,
    // A row not laid out (zero height, as in a hidden tab) keeps its estimate rather than collapsing the list.
    measureElement: (element) => element.getBoundingClientRect().height || estimateSize(Number(element.getAttribute('data-index'))),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
    scrollMargin,
    // Always render the heading of the category in view (it sticks to the top) and the row holding
    // the tab stop (so Tab can always reach the list).
    rangeExtractor: (range) => {
      const sticky = [...categoryRows].reverse().find((index) => index <= range.startIndex) ?? categoryRows[0] ?? 0;
      stickyRef.current = sticky;
      return [...new Set([sticky, activeRow, ...defaultRangeExtractor(range)])].filter((index) => index < rows.length).sort((a, b) => a - b);
    },
  });

  const focusActive = useCallback(() => {
    const root = listRef.current;
    const row = root?.querySelector<HTMLElement>(`[data-row-index="${activeRow}"]`);
    const target =
      row?.querySelector<HTMLElement>(`[data-col="${active.col}"][tabindex="0"]`) ??
      row?.querySelector<HTMLElement>('[tabindex="0"]') ??
      row?.querySelector<HTMLElement>('[data-col]');
    if (target) {
      pendingFocus.current = false;
      target.focus();
    }
  }, [activeRow, active.col]);
  useEffect(() => {
    if (pendingFocus.current) {
      focusActive();
    }
  });

  const move = (row: number, col: number) => {
    const next = Math.max(0, Math.min(row, rows.length - 1));
    const columns = columnCount(rows[next], Boolean(props.onIntensityChange));
    setActive({ row: next, col: Math.max(0, Math.min(col, columns - 1)) });
    pendingFocus.current = true;
    if (virtual) {
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const rowIndex = Number(target.closest('[data-row-index]')?.getAttribute('data-row-index'));
    const col = Number(target.getAttribute('data-col'));
    if (!Number.isInteger(rowIndex) || !Number.isInteger(col) || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const radio = target.getAttribute('role') === 'radio';
    const moves: Record<string, (() => void) | undefined> = {
      ArrowDown: () => move(rowIndex + 1, col),
      ArrowUp: () => move(rowIndex - 1, col),
      PageDown: () => move(rowIndex + PAGE_ROWS, col),
      PageUp: () => move(rowIndex - PAGE_ROWS, col),
      Home: () => move(0, col),
      End: () => move(rows.length - 1, col),
      // Left and right inside the intensity radios choose a level, as radios do.
      ArrowRight: radio ? undefined : () => move(rowIndex, col + 1),
      ArrowLeft: radio ? undefined : () => move(rowIndex, col - 1),
    };
    const action = moves[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };
  // Focus that arrives by click, or after a deletion, moves the tab stop with it.
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const rowIndex = Number(target.closest('[data-row-index]')?.getAttribute('data-row-index'));
    const col = Number(target.getAttribute('data-col'));
    if (Number.isInteger(rowIndex) && Number.isInteger(col) && (rowIndex !== active.row || col !== active.col)) {
      setActive({ row: rowIndex, col });
    }
  };

  const renderRow = (row: Row, index: number): ReactNode => {
    const tabStop = index === activeRow ? (active.col as 0 | 1) : null;
    return row.kind === 'category' ? (
      <CategoryHeader
        group={row.group}
        id={props.id}
        t={t}
        tabStop={tabStop}
        intensityOf={props.intensityOf}
        onIntensityChange={props.onIntensityChange}
        onDeleteCategory={props.onDeleteCategory}
      />
    ) : (
      <TagRow
        tag={row.tag}
        baseId={props.id}
        checked={selected.has(row.tag.id)}
        t={t}
        tabStop={tabStop}
        dateFormat={dateFormat}
        onSelectedChange={props.onSelectedChange}
        onDelete={props.onDelete}
      />
    );
  };
  const listProps = {
    ref: listRef,
    'data-slot': 'user-tag-manager-list',
    role: 'list',
    'aria-label': t('userTagManager.listLabel'),
    onKeyDown,
    onFocus,
  } as const;
  const itemProps = (row: Row, index: number) =>
    ({
      role: 'listitem',
      'aria-setsize': rows.length,
      'aria-posinset': index + 1,
      'data-slot': 'user-tag-manager-row',
      'data-row-kind': row.kind,
      'data-row-index': index,
    }) as const;

  if (!virtual) {
    return (
      <div {...listProps}>
        {rows.map((row, index) => (
          <div key={row.key} {...itemProps(row, index)}>
            {renderRow(row, index)}
          </div>
        ))}
      </div>
    );
  }

  const sticky = stickyRef.current;
  return (
    <div {...listProps} data-virtualized="" style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
      {virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) {
          return null;
        }
        const stuck = item.index === sticky && row.kind === 'category';
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-stuck={stuck ? '' : undefined}
            {...itemProps(row, item.index)}
            style={
              stuck
                ? { position: 'sticky', top: 'var(--ar-sticky-top, 0px)', zIndex: 'var(--ar-z-raised)', width: '100%' }
                : { position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }
            }
          >
            {renderRow(row, item.index)}
          </div>
        );
      })}
    </div>
  );
}

function columnCount(row: Row | undefined, intensity: boolean): number {
  if (!row) {
    return 1;
  }
  return row.kind === 'tag' || (intensity && row.group.category.id !== OTHER_CATEGORY_ID) ? 2 : 1;
}

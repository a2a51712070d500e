import { useVirtualizer } from '@tanstack/react-virtual';
import { RadioGroup } from 'radix-ui';
import { memo, useMemo, useRef, type ReactNode } from 'react';
import { OTHER_CATEGORY_ID, TAG_INTENSITIES, type TagGroup, type TagIntensity, type UserTag } from '../../core/tags.js';
import type { Translate } from '../../core/i18n/create-rights-i18n.js';

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
}) {
  const { tag, baseId, checked, t, dateFormat } = props;
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
        aria-label={t('userTagManager.tag.delete', { label: tag.label })}
        onClick={() => props.onDelete(tag.id)}
      >
        {t('userTagManager.tag.deleteShort')}
      </button>
    </div>
  );
});

function CategoryHeader(props: { group: TagGroup<UserTag> } & Pick<UserTagListProps, 'id' | 't' | 'intensityOf' | 'onIntensityChange' | 'onDeleteCategory'>) {
  const { group, id, t } = props;
  const { category } = group;
  const headingId = `${id}-category-${category.id}`;
  return (
    <div data-slot="user-tag-manager-category" data-category-id={category.id}>
      <h3 id={headingId} data-slot="user-tag-manager-category-title">
        <bdi>{category.label}</bdi> <span data-slot="user-tag-manager-category-count">{t('userTagManager.categoryCount', { count: group.tags.length })}</span>
      </h3>
      {props.onIntensityChange && category.id !== OTHER_CATEGORY_ID ? (
        <RadioGroup.Root
          data-slot="user-tag-manager-intensity"
          orientation="horizontal"
          aria-label={t('userTagManager.intensity.label', { category: category.label })}
          value={props.intensityOf(category.id)}
          onValueChange={(value) => props.onIntensityChange?.(category.id, value as TagIntensity)}
        >
          {TAG_INTENSITIES.map((level) => (
            <span key={level} data-slot="user-tag-manager-intensity-option">
              {/* The checked dot is drawn in CSS: an Indicator part per radio costs a style recalculation each on mount. */}
              <RadioGroup.Item id={`${headingId}-${level}`} value={level} data-slot="user-tag-manager-intensity-radio" />
              <label htmlFor={`${headingId}-${level}`}>{t(`userTagManager.intensity.${level}`)}</label>
            </span>
          ))}
        </RadioGroup.Root>
      ) : null}
      <button type="button" data-slot="user-tag-manager-delete-category" onClick={() => props.onDeleteCategory(group)}>
        {t('userTagManager.deleteCategory', { category: category.label })}
      </button>
    </div>
  );
}

/** The tags, grouped by category. Long lists render only the rows in view, so 10,000 tags cost what a screenful does. */
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
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > props.virtualizeAbove;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'category' ? 96 : 48),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  });

  const renderRow = (row: Row): ReactNode =>
    row.kind === 'category' ? (
      <CategoryHeader
        group={row.group}
        id={props.id}
        t={t}
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
        dateFormat={dateFormat}
        onSelectedChange={props.onSelectedChange}
        onDelete={props.onDelete}
      />
    );

  if (!virtual) {
    return (
      <div data-slot="user-tag-manager-list" role="region" aria-label={t('userTagManager.listLabel')}>
        {rows.map((row) => (
          <div key={row.key} data-slot="user-tag-manager-row">
            {renderRow(row)}
          </div>
        ))}
      </div>
    );
  }

  return (
    <div
      ref={scrollRef}
      data-slot="user-tag-manager-list"
      data-virtualized=""
      role="region"
      aria-label={t('userTagManager.listLabel')}
      // A scroll region must be reachable by keyboard.
      tabIndex={0}
      style={{ overflowY: 'auto', maxHeight: 'var(--ar-tag-list-max-height, 28rem)', contain: 'strict', height: 'var(--ar-tag-list-max-height, 28rem)' }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return row ? (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-slot="user-tag-manager-row"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {renderRow(row)}
            </div>
          ) : null;
        })}
      </div>
    </div>
  );
}

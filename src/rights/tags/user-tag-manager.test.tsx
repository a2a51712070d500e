import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import en from '../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../personalization/core/adapters.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import { createMemoryTagsAdapter, type StoredTags } from './core/adapters.js';
import type { WriteOptions } from '../../kernel/core/adapters/types.js';
import type { TagsAdapter } from './core/adapter.js';
import type { UserTagProfile } from './core/model.js';
import { RightsProvider } from '../../provider.js';
import { NotInterestedButton } from '../feedback/not-interested-button.js';
import { UserTagManager, type UserTagManagerProps } from './user-tag-manager.js';

const profile: UserTagProfile = {
  tags: [
    { id: 'camping', label: '露营', categoryId: 'travel', source: 'inferred', sourceDetail: '近 7 天浏览了 12 条露营内容', createdAt: '2026-11-01T08:00:00.000Z' },
    { id: 'hiking', label: '徒步', categoryId: 'travel', source: 'inferred' },
    { id: 'football', label: '足球', categoryId: 'sports', source: 'selected' },
    { id: 'bad', label: '违规词', categoryId: 'sports', disallowed: true },
    { id: 'gamble', label: '线上博彩', categoryId: 'sports' },
    { id: 'stray', label: '神秘标签', categoryId: 'unknown' },
  ],
  categories: [
    { id: 'travel', label: '旅行' },
    { id: 'sports', label: '运动' },
  ],
};

function renderManager(tags: TagsAdapter, props: Partial<UserTagManagerProps> = {}, locale = 'zh-CN') {
  return render(
    <RightsProvider
      locale={locale}
      adapters={{
        preferences: createMemoryPreferencesAdapter(),
        tags,
        outbox: createMemoryOutboxAdapter(),
      }}
    >
      <UserTagManager blocklist={['博彩']} {...props} />
    </RightsProvider>,
  );
}

const storedIds = (cell: MemoryCell) => (cell.value as StoredTags).tags.map((tag) => tag.id).sort();

describe('UserTagManager', () => {
  test('shows tags by category with their source and date, and never shows disallowed or blocklisted ones (ALG 10)', () => {
    renderManager(createMemoryTagsAdapter({ initial: profile }));
    expect(screen.getByRole('heading', { name: /旅行/ })).toBeVisible();
    expect(screen.getByRole('heading', { name: /其他/ })).toBeVisible();
    const camping = screen.getByRole('checkbox', { name: '露营' });
    expect(camping).toHaveAccessibleDescription('根据你的使用行为推断，近 7 天浏览了 12 条露营内容，生成于 2026年11月1日');
    expect(screen.queryByText('违规词')).toBeNull();
    expect(screen.queryByText('线上博彩')).toBeNull();
    expect(screen.getByText('共 4 个用户标签')).toBeVisible();
  });

  test('deletes one tag at once, keeps focus in the list, and can undo', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    renderManager(createMemoryTagsAdapter({ cell, initial: profile }));
    await user.click(screen.getByRole('button', { name: '删除标签「露营」' }));
    expect(screen.queryByRole('checkbox', { name: '露营' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: '删除标签「徒步」' })).toHaveFocus());
    await waitFor(() => expect(storedIds(cell)).not.toContain('camping'));
    expect(screen.getByText('已删除 1 个标签，不再用于推荐。')).toBeVisible();

    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.undo }));
    expect(screen.getByRole('checkbox', { name: '露营' })).toBeVisible();
    await waitFor(() => expect(storedIds(cell)).toContain('camping'));
  });

  test('bulk deletion of selected tags asks first in an alert dialog, and cancelling deletes nothing', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    renderManager(createMemoryTagsAdapter({ cell, initial: profile }));
    await user.click(screen.getByRole('checkbox', { name: '露营' }));
    await user.click(screen.getByRole('checkbox', { name: '足球' }));
    expect(screen.getByText('已选择 2 个标签')).toBeVisible();
    const deleteSelected = screen.getByRole('button', { name: zhCN.userTagManager.selection.deleteSelected });
    await user.click(deleteSelected);
    let dialog = screen.getByRole('alertdialog', { name: '删除所选的 2 个标签？' });
    await user.click(within(dialog).getByRole('button', { name: zhCN.userTagManager.confirm.cancel }));
    expect(screen.getByRole('checkbox', { name: '露营' })).toBeChecked();
    expect(deleteSelected).toHaveFocus();

    await user.click(deleteSelected);
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: zhCN.userTagManager.confirm.confirm }));
    expect(screen.queryByRole('checkbox', { name: '露营' })).toBeNull();
    expect(screen.queryByRole('checkbox', { name: '足球' })).toBeNull();
    await waitFor(() => expect(storedIds(cell)).toEqual(['bad', 'gamble', 'hiking', 'stray']));
  });

  test('deletes a whole category, and then everything, each after confirming', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    renderManager(createMemoryTagsAdapter({ cell, initial: profile }));
    await user.click(screen.getByRole('button', { name: '删除「旅行」下的全部标签' }));
    await user.click(within(screen.getByRole('alertdialog', { name: '删除「旅行」下的 2 个标签？' })).getByRole('button', { name: '删除' }));
    expect(screen.queryByRole('heading', { name: /旅行/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.deleteAll }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '删除' }));
    expect(screen.getByText(zhCN.userTagManager.empty)).toBeVisible();
    // "All" includes the tags hidden as disallowed.
    await waitFor(() => expect(storedIds(cell)).toEqual([]));
  });

  test('a deletion the backend rejects stays deleted and says it is kept on this device', async () => {
    const user = userEvent.setup();
    renderManager(withAdapterFaults(createMemoryTagsAdapter({ initial: profile }), { reject: ['remove'] }));
    await screen.findByRole('checkbox', { name: '露营' });
    await user.click(screen.getByRole('button', { name: '删除标签「露营」' }));
    expect(await screen.findByText(zhCN.userTagManager.syncPending)).toBeVisible();
    expect(screen.queryByRole('checkbox', { name: '露营' })).toBeNull();
    expect(screen.getByRole('button', { name: zhCN.userTagManager.retryNow })).toBeVisible();
  });

  test('inside a provider, a rejected deletion is retried on its own and when the browser comes back online', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    let offline = true;
    const memory = createMemoryTagsAdapter({ cell, initial: profile });
    const remove = vi.fn((ids: readonly string[], options: WriteOptions) => {
      if (offline) {
        throw new Error('offline');
      }
      return memory.remove(ids, options);
    });
    render(
      <RightsProvider locale="zh-CN" retryDelayMs={50} adapters={{ tags: { ...memory, remove }, outbox: createMemoryOutboxAdapter() }}>
        <UserTagManager />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: '删除标签「露营」' }));
    // The scheduled retry runs without any action from the user.
    await waitFor(() => expect(remove.mock.calls.length).toBeGreaterThanOrEqual(2));
    expect(storedIds(cell)).toContain('camping');
    offline = false;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(storedIds(cell)).not.toContain('camping'));
    await waitFor(() => expect(screen.queryByText(zhCN.userTagManager.syncPending)).toBeNull());
  });

  test('choosing interests is optional: the catalogue adds and removes them, skipping disallowed and blocklisted ones', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    renderManager(createMemoryTagsAdapter({ cell, initial: profile }), {
      catalogue: [
        { id: 'cycling', label: '骑行', categoryId: 'sports' },
        { id: 'casino', label: '博彩攻略', categoryId: 'sports' },
        { id: 'drugs', label: '违禁品', categoryId: 'sports', disallowed: true },
      ],
    });
    const section = screen.getByRole('region', { name: zhCN.userTagManager.interests.title });
    expect(within(section).getByText(zhCN.userTagManager.interests.description)).toBeVisible();
    expect(within(section).queryByRole('button', { name: '博彩攻略' })).toBeNull();
    expect(within(section).queryByRole('button', { name: '违禁品' })).toBeNull();
    const cycling = within(section).getByRole('button', { name: '骑行' });
    expect(cycling).toHaveAttribute('aria-pressed', 'false');
    await user.click(cycling);
    expect(cycling).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('checkbox', { name: '骑行' })).toBeVisible();
    await waitFor(() => expect(storedIds(cell)).toContain('cycling'));
    await user.click(cycling);
    await waitFor(() => expect(storedIds(cell)).not.toContain('cycling'));
  });

  test('sets an intensity per category where the adapter supports it', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const first = renderManager(createMemoryTagsAdapter({ cell, initial: profile }), {}, 'en');
    expect(screen.getAllByRole('radiogroup')).toHaveLength(2);
    const group = screen.getByRole('radiogroup', { name: 'How much “运动” to show' });
    expect(within(group).getByRole('radio', { name: en.userTagManager.intensity.default })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: en.userTagManager.intensity.less }));
    await waitFor(() => expect((cell.value as StoredTags).intensities).toEqual({ sports: 'less' }));

    first.unmount();
    const { load, remove } = createMemoryTagsAdapter({ initial: profile });
    renderManager({ load, remove }, {}, 'en');
    expect(screen.getByRole('checkbox', { name: '露营' })).toBeVisible();
    expect(screen.queryAllByRole('radiogroup')).toHaveLength(0);
  });

  test('loading, a failed read with a retry, and an empty profile each have their own localized state', async () => {
    const user = userEvent.setup();
    let fail = true;
    const memory = createMemoryTagsAdapter();
    const { container } = renderManager({
      load: (options) => {
        if (fail) {
          throw new Error('offline');
        }
        return memory.load(options);
      },
      remove: memory.remove,
    });
    expect(screen.getByRole('alert')).toHaveTextContent(zhCN.userTagManager.loadFailed);
    fail = false;
    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.retryLoad }));
    expect(screen.getByText(zhCN.userTagManager.empty)).toBeVisible();
    expect(container.querySelector('[data-slot="user-tag-manager"]')).toHaveAttribute('data-state', 'ready');
    expect(container.querySelector('[data-slot="user-tag-manager"]')).toHaveAttribute('data-empty', '');

    renderManager(withAdapterFaults(createMemoryTagsAdapter(), { hang: ['load'] }));
    expect(screen.getByText(zhCN.userTagManager.loading)).toBeInTheDocument();
  });

  test('counts are formatted for the locale', () => {
    const many: UserTagProfile = {
      tags: Array.from({ length: 1234 }, (_, index) => ({ id: `t${index}`, label: `tag ${index}`, categoryId: 'c' })),
      categories: [{ id: 'c', label: 'Topics' }],
    };
    renderManager(createMemoryTagsAdapter({ initial: many }), {}, 'en');
    expect(screen.getByText('1,234 user tags')).toBeVisible();
  });

  test('a catalogue without an adapter that can select is a developer error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { load, remove } = createMemoryTagsAdapter();
    expect(() => renderManager({ load, remove }, { catalogue: [{ id: 'a', label: 'A', categoryId: 'x' }] })).toThrowError(/has no select\(\)/);
  });
});

describe('NotInterestedButton', () => {
  test('sends the reason through the tags adapter and confirms it took effect', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const onNotInterested = vi.fn();
    render(
      <RightsProvider locale="zh-CN" adapters={{ tags: createMemoryTagsAdapter({ cell, initial: profile }), outbox: createMemoryOutboxAdapter() }}>
        <NotInterestedButton itemId="item-9" itemLabel="露营装备清单" tagIds={['camping']} onNotInterested={onNotInterested} undoMs={0} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: '对「露营装备清单」不感兴趣' }));
    const reasons = screen.getByRole('dialog', { name: zhCN.notInterested.reasonsTitle });
    await user.click(within(reasons).getByRole('button', { name: zhCN.notInterested.reasons.repetitive }));
    expect(onNotInterested).toHaveBeenCalledWith({ itemId: 'item-9', reasonId: 'repetitive', tagIds: ['camping'] });
    expect(await screen.findByText(zhCN.notInterested.sent)).toBeVisible();
    expect((cell.value as StoredTags).feedback).toEqual([{ itemId: 'item-9', reasonId: 'repetitive', tagIds: ['camping'] }]);
  });

  test('item ids are data: ids named like object properties, or 300 characters long, each get their own button', async () => {
    const user = userEvent.setup();
    const ids = ['constructor', '__proto__', 'toString', 'x'.repeat(300)];
    render(
      <RightsProvider locale="en" adapters={{ tags: createMemoryTagsAdapter(), outbox: createMemoryOutboxAdapter() }}>
        {ids.map((itemId, index) => (
          <NotInterestedButton key={itemId} itemId={itemId} itemLabel={`item ${index}`} reasons={false} undoMs={0} />
        ))}
      </RightsProvider>,
    );
    for (const [index] of ids.entries()) {
      await user.click(screen.getByRole('button', { name: `Not interested in “item ${index}”` }));
    }
    expect(await screen.findAllByText(en.notInterested.sent)).toHaveLength(ids.length);
  });

  test('without reasons it sends at once; a failed write is kept and the user told', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider
        locale="zh-CN"
        adapters={{ tags: withAdapterFaults(createMemoryTagsAdapter(), { reject: ['notInterested'] }), outbox: createMemoryOutboxAdapter() }}
      >
        <NotInterestedButton itemId="item-1" reasons={false} undoMs={0} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: zhCN.notInterested.trigger }));
    expect(await screen.findByText(zhCN.notInterested.pending)).toBeVisible();
  });

  test('needs an adapter with notInterested(), and says so', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { load, remove } = createMemoryTagsAdapter();
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={{ tags: { load, remove } }}>
          <NotInterestedButton itemId="x" />
        </RightsProvider>,
      ),
    ).toThrowError(/needs a tags adapter with notInterested\(feedback, options\)/);
  });
});

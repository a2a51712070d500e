import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import zhCN from '../locales/zh-CN/algorights.json' with { type: 'json' };
import { withAdapterFaults, type AdapterFaults } from './kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from './kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from './rights/personalization/core/adapters.js';
import { createMemoryTagsAdapter } from './rights/tags/core/adapters.js';
import type { MemoryCell } from './kernel/core/adapters/storage.js';
import type { TagsAdapter } from './rights/tags/core/adapter.js';
import type { UserTagProfile } from './rights/tags/core/model.js';
import { RightsProvider } from './provider.js';
import { NotInterestedButton } from './rights/feedback/not-interested-button.js';
import { PersonalizationSwitch } from './rights/personalization/personalization-switch.js';
import { RecommendationModePicker } from './rights/personalization/recommendation-mode-picker.js';
import { TagDeletionOffer } from './rights/tags/tag-deletion-offer.js';
import { UserTagManager } from './rights/tags/user-tag-manager.js';

const profile: UserTagProfile = {
  tags: [
    { id: 'camping', label: '露营', categoryId: 'travel' },
    { id: 'hiking', label: '徒步', categoryId: 'travel' },
  ],
  categories: [{ id: 'travel', label: 'ساياھەت' }],
};

function adapters(tags: TagsAdapter = createMemoryTagsAdapter({ initial: profile })) {
  return { preferences: createMemoryPreferencesAdapter(), tags, outbox: createMemoryOutboxAdapter() };
}

/** Makes `matchMedia('(max-width: 600px)')` answer as a phone or a desktop would. */
function screenWidth(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: phone && query.includes('max-width'),
    media: query,
    addEventListener() {},
    removeEventListener() {},
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('PersonalizationSwitch on a phone', () => {
  test('with the master on and a scope off, says "partly on" and names the scopes still personalized', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <PersonalizationSwitch scopes={['feed', 'ads', 'push', 'search']} />
      </RightsProvider>,
    );
    expect(container.querySelector('[data-slot="personalization-switch-summary"]')).toBeNull();
    await user.click(screen.getByRole('switch', { name: zhCN.personalizationSwitch.scopes.feed.label }));
    const master = screen.getByRole('switch', { name: zhCN.personalizationSwitch.label });
    expect(master).toBeChecked();
    expect(container.firstElementChild).toHaveAttribute('data-partial');
    expect(master).toHaveAccessibleDescription(expect.stringContaining('部分开启：个性化广告、个性化推送和个性化搜索结果'));

    await user.click(master);
    expect(container.firstElementChild).not.toHaveAttribute('data-partial');
  });

  test('a failure can be dismissed, and the control shows the value it snapped back to', async () => {
    const user = userEvent.setup();
    const faults: AdapterFaults<'load' | 'save'> = {};
    const preferences = withAdapterFaults(createMemoryPreferencesAdapter(), faults);
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }} retryDelayMs={60_000}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    const master = await screen.findByRole('switch', { name: zhCN.personalizationSwitch.label });
    await user.click(master);
    expect(master).not.toBeChecked();
    faults.reject = ['save'];
    await user.click(master);
    const alert = await screen.findByRole('alert');
    expect(master).not.toBeChecked();
    // One message at a time: a rolled-back opt-in does not also claim to be syncing.
    expect(screen.queryByText(zhCN.personalizationSwitch.syncPending)).toBeNull();
    await user.click(screen.getByRole('button', { name: zhCN.personalizationSwitch.dismiss }));
    expect(alert).not.toBeInTheDocument();
    // The dismissed button had focus: it goes back to the switch, not the page.
    await waitFor(() => expect(master).toHaveFocus());
  });
});

describe('TagDeletionOffer', () => {
  test('after opting out, offers to delete the user tags too; deleting takes them all', async () => {
    const user = userEvent.setup();
    const tags = createMemoryTagsAdapter({ initial: profile });
    const onDecision = vi.fn();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(tags)}>
        <PersonalizationSwitch />
        <TagDeletionOffer onDecision={onDecision} />
      </RightsProvider>,
    );
    expect(screen.queryByText(zhCN.userTagManager.optOutOffer.title)).toBeNull();
    const master = await screen.findByRole('switch', { name: zhCN.personalizationSwitch.label });
    await waitFor(() => expect(master).toBeChecked());
    await user.click(master);
    expect(await screen.findByText(zhCN.userTagManager.optOutOffer.title)).toBeVisible();
    // The offer takes no focus: the user stays on the switch.
    expect(master).toHaveFocus();
    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.optOutOffer.confirm }));
    expect(onDecision).toHaveBeenCalledWith(true);
    // The button pressed is gone: focus is on the result, never the page.
    await waitFor(() => expect(document.activeElement).toHaveTextContent(/已/));
    await waitFor(async () => expect((await tags.load({ signal: new AbortController().signal }))?.tags ?? []).toHaveLength(0));
    expect(screen.getByText(/已删除 2 个标签/)).toBeVisible();
  });

  test('keeping the tags leaves them, and nothing is offered while personalization stays on', async () => {
    const user = userEvent.setup();
    const tags = createMemoryTagsAdapter({ initial: profile });
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(tags)}>
        <PersonalizationSwitch />
        <TagDeletionOffer />
      </RightsProvider>,
    );
    const master = await screen.findByRole('switch', { name: zhCN.personalizationSwitch.label });
    await waitFor(() => expect(master).toBeChecked());
    await user.click(master);
    await user.click(await screen.findByRole('button', { name: zhCN.userTagManager.optOutOffer.cancel }));
    expect(screen.queryByText(zhCN.userTagManager.optOutOffer.title)).toBeNull();
    await waitFor(() => expect(master).toHaveFocus());
    expect((await tags.load({ signal: new AbortController().signal }))?.tags).toHaveLength(2);
    await user.click(master);
    expect(master).toBeChecked();
    expect(screen.queryByText(zhCN.userTagManager.optOutOffer.title)).toBeNull();
  });
});

describe('NotInterestedButton', () => {
  test('on a phone, the reasons open as a bottom sheet with ✕; choosing one moves focus to the confirmation, never to the page', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <article style={{ overflow: 'hidden' }}>
          <NotInterestedButton itemId="item-1" itemLabel="周末露营装备清单" />
        </article>
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: /周末露营装备清单/ }));
    const sheet = await screen.findByRole('dialog');
    expect(sheet).toHaveAttribute('data-presentation', 'sheet');
    // Portalled: a feed card that clips its overflow cannot clip the sheet.
    expect(sheet.closest('article')).toBeNull();
    expect(screen.getByRole('button', { name: zhCN.notInterested.close })).toBeVisible();

    await user.click(screen.getByRole('button', { name: zhCN.notInterested.reasons.repetitive }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const status = document.querySelector('[data-slot="not-interested-status"]');
    await waitFor(() => expect(status).toHaveFocus());
    expect(document.activeElement).not.toBe(document.body);
  });

  test('after the feedback, a toast offers undo: undo takes it back before it is sent, brings the button back with focus, and says so', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    const tags = createMemoryTagsAdapter({ initial: profile });
    const notInterested = vi.spyOn(tags, 'notInterested');
    const outbox: MemoryCell = { value: null };
    const onUndo = vi.fn();
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), tags, outbox: createMemoryOutboxAdapter({ cell: outbox }) }}>
        <NotInterestedButton itemId="item-1" itemLabel="周末露营装备清单" onUndo={onUndo} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: /周末露营装备清单/ }));
    await user.click(await screen.findByRole('button', { name: zhCN.notInterested.reasons.repetitive }));
    const toast = await screen.findByText(zhCN.notInterested.toast);
    // Kept on the device at once, even while undo is offered.
    await waitFor(() => expect(JSON.stringify(outbox.value)).toContain('item-1'));
    await user.click(screen.getByRole('button', { name: zhCN.notInterested.undo }));
    expect(toast).not.toBeInTheDocument();
    expect(onUndo).toHaveBeenCalledWith(expect.objectContaining({ itemId: 'item-1', reasonId: 'repetitive' }));
    const trigger = screen.getByRole('button', { name: /周末露营装备清单/ });
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent(zhCN.notInterested.undone);
    await waitFor(() => expect(JSON.stringify(outbox.value ?? '')).not.toContain('item-1'));
    // Never sent, even after the hold would have ended.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    expect(notInterested).not.toHaveBeenCalled();
  }, 10_000);

  test('while the user is on the undo toast, it stays and the feedback waits; once they leave, both get the full time again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      screenWidth(true);
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const tags = createMemoryTagsAdapter({ initial: profile });
      const notInterested = vi.spyOn(tags, 'notInterested');
      render(
        <RightsProvider locale="zh-CN" adapters={adapters(tags)}>
          <NotInterestedButton itemId="item-1" itemLabel="周末露营装备清单" undoMs={2000} />
          <button type="button">别处</button>
        </RightsProvider>,
      );
      await user.click(screen.getByRole('button', { name: /周末露营装备清单/ }));
      await user.click(await screen.findByRole('button', { name: zhCN.notInterested.submitWithoutReason }));
      const undo = await screen.findByRole('button', { name: zhCN.notInterested.undo });
      await act(async () => vi.advanceTimersByTime(1000));
      act(() => undo.focus());
      // Three times the hold: the toast stays, and nothing goes out.
      await act(async () => vi.advanceTimersByTime(6000));
      expect(undo).toBeInTheDocument();
      expect(notInterested).not.toHaveBeenCalled();
      // Leaving starts both again in full: the toast ends first, then the feedback goes out.
      act(() => screen.getByRole('button', { name: '别处' }).focus());
      await act(async () => vi.advanceTimersByTime(1500));
      expect(undo).toBeInTheDocument();
      expect(notInterested).not.toHaveBeenCalled();
      await act(async () => vi.advanceTimersByTime(1000));
      expect(undo).not.toBeInTheDocument();
      await act(async () => vi.advanceTimersByTime(1000));
      expect(notInterested).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  test('without undo, the feedback goes out once its hold ends, and the toast has gone before', async () => {
    screenWidth(true);
    const user = userEvent.setup();
    const tags = createMemoryTagsAdapter({ initial: profile });
    const notInterested = vi.spyOn(tags, 'notInterested');
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(tags)}>
        <NotInterestedButton itemId="item-1" itemLabel="周末露营装备清单" undoMs={1200} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: /周末露营装备清单/ }));
    await user.click(await screen.findByRole('button', { name: zhCN.notInterested.submitWithoutReason }));
    const toast = await screen.findByText(zhCN.notInterested.toast);
    expect(notInterested).not.toHaveBeenCalled();
    await waitFor(() => expect(toast).not.toBeInTheDocument(), { timeout: 1500 });
    await waitFor(() => expect(notInterested).toHaveBeenCalledTimes(1), { timeout: 2000 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(zhCN.notInterested.sent));
  });

  test('on a desktop the reasons are a popover, and ✕ closes it back to the button', async () => {
    screenWidth(false);
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <NotInterestedButton itemId="item-1" itemLabel="周末露营装备清单" />
      </RightsProvider>,
    );
    const trigger = screen.getByRole('button', { name: /周末露营装备清单/ });
    await user.click(trigger);
    expect(await screen.findByRole('dialog')).toHaveAttribute('data-presentation', 'popover');
    await user.click(screen.getByRole('button', { name: zhCN.notInterested.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });
});

describe('UserTagManager', () => {
  test('undo puts focus on the tag it put back, not on the page', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <UserTagManager />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: '删除标签「露营」' }));
    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.undo }));
    await waitFor(() => expect(screen.getByRole('button', { name: '删除标签「露营」' })).toHaveFocus());
  });

  test('the undo offer does not lapse while the undo button has focus, and lapses once focus leaves', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      render(
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <UserTagManager undoTimeoutMs={1000} />
        </RightsProvider>,
      );
      await user.click(screen.getByRole('button', { name: '删除标签「露营」' }));
      const undo = screen.getByRole('button', { name: zhCN.userTagManager.undo });
      act(() => undo.focus());
      await act(async () => vi.advanceTimersByTime(5000));
      expect(undo).toBeInTheDocument();
      expect(undo).toHaveFocus();
      act(() => screen.getByRole('button', { name: '删除标签「徒步」' }).focus());
      await act(async () => vi.advanceTimersByTime(1500));
      expect(screen.queryByRole('button', { name: zhCN.userTagManager.undo })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  test('"delete all" counts only the tags the user can see, though it also deletes hidden ones', async () => {
    const user = userEvent.setup();
    const withHidden: UserTagProfile = {
      tags: [...profile.tags, { id: 'bad', label: '违规词', categoryId: 'travel', disallowed: true }, { id: 'gamble', label: '线上博彩', categoryId: 'travel' }],
      categories: profile.categories,
    };
    const tags = createMemoryTagsAdapter({ initial: withHidden });
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(tags)}>
        <UserTagManager blocklist={['博彩']} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.deleteAll }));
    expect(await screen.findByRole('alertdialog')).toHaveAccessibleName(expect.stringContaining('2'));
    await user.click(screen.getByRole('button', { name: zhCN.userTagManager.confirm.confirm }));
    expect(screen.getByRole('status')).toHaveTextContent(/2/);
    expect(screen.getByRole('status')).not.toHaveTextContent(/4/);
    await waitFor(async () => expect((await tags.load({ signal: new AbortController().signal }))?.tags ?? []).toHaveLength(0));
  });

  test('tags the user is never shown are reported through onError, once each, so the platform learns its recommender produced them', async () => {
    const onError = vi.fn();
    const withHidden: UserTagProfile = {
      tags: [...profile.tags, { id: 'bad', label: '违规词', categoryId: 'travel', disallowed: true }, { id: 'gamble', label: '线上博彩', categoryId: 'travel' }],
      categories: profile.categories,
    };
    const { rerender } = render(
      <RightsProvider locale="zh-CN" adapters={adapters(createMemoryTagsAdapter({ initial: withHidden }))} onError={onError}>
        <UserTagManager blocklist={['博彩']} />
      </RightsProvider>,
    );
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(2));
    const messages = onError.mock.calls.map(([error]) => `${(error as Error & { code: string }).code}: ${(error as Error).message}`);
    expect(messages).toEqual([expect.stringMatching(/^tags-disallowed: .*"bad"/), expect.stringMatching(/^tags-disallowed: .*blocklist.*"gamble"/)]);
    expect(screen.queryByText('违规词')).toBeNull();
    expect(screen.queryByText('线上博彩')).toBeNull();
    rerender(
      <RightsProvider locale="zh-CN" adapters={adapters(createMemoryTagsAdapter({ initial: withHidden }))} onError={onError}>
        <UserTagManager blocklist={['博彩']} />
      </RightsProvider>,
    );
    expect(onError).toHaveBeenCalledTimes(2);
  });

  test('a right-to-left category name is isolated, so its count stays in place', () => {
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <UserTagManager />
      </RightsProvider>,
    );
    const heading = screen.getByRole('heading', { name: /ساياھەت/ });
    expect(heading.querySelector('bdi')).toHaveTextContent('ساياھەت');
  });
});

describe('UserTagManager list at scale', () => {
  const many: UserTagProfile = {
    tags: Array.from({ length: 30 }, (_, index) => ({ id: `t${index}`, label: `标签 ${index}`, categoryId: index < 15 ? 'a' : 'b' })),
    categories: [
      { id: 'a', label: '旅行' },
      { id: 'b', label: '运动' },
    ],
  };

  test('the list is one tab stop; arrow keys move between rows and between a row\'s controls', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(createMemoryTagsAdapter({ initial: many }))}>
        <UserTagManager />
        <button type="button">after</button>
      </RightsProvider>,
    );
    const list = screen.getByRole('list', { name: zhCN.userTagManager.listLabel });
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(32);
    expect(items[1]).toHaveAttribute('aria-setsize', '32');
    expect(items[1]).toHaveAttribute('aria-posinset', '2');

    // Tab reaches the list once, and the next Tab leaves it.
    screen.getByRole('searchbox').focus();
    await user.tab();
    expect(list).toContainElement(document.activeElement as HTMLElement);
    const first = document.activeElement;
    await user.tab();
    expect(list).not.toContainElement(document.activeElement as HTMLElement);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(first);

    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('checkbox', { name: '标签 0' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('checkbox', { name: '标签 1' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: '删除标签「标签 1」' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: '删除标签「标签 2」' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: '删除标签「标签 29」' })).toHaveFocus();
    // The tab stop follows: Tab away and back returns to the last row.
    await user.tab();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: '删除标签「标签 29」' })).toHaveFocus();
  });

  test('search narrows the list and says how many match, or that none do', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(createMemoryTagsAdapter({ initial: many }))}>
        <UserTagManager />
      </RightsProvider>,
    );
    await user.type(screen.getByRole('searchbox', { name: zhCN.userTagManager.search.label }), '标签 2');
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(11));
    expect(screen.getByText('找到 11 个标签')).toBeVisible();
    // "Delete all" still means all the user's tags, not only the matches.
    expect(screen.getByText('共 30 个用户标签')).toBeVisible();
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '音乐');
    expect(await screen.findByText('没有找到包含「音乐」的标签')).toBeVisible();
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  });

  test('deleting a category while searching deletes all of it, as its button and confirmation say', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters(createMemoryTagsAdapter({ initial: many }))}>
        <UserTagManager />
      </RightsProvider>,
    );
    await user.type(screen.getByRole('searchbox', { name: zhCN.userTagManager.search.label }), '标签 2');
    await waitFor(() => expect(screen.getAllByRole('checkbox')).toHaveLength(11));
    await user.click(screen.getByRole('button', { name: '删除「旅行」下的全部标签' }));
    expect(await screen.findByRole('alertdialog')).toHaveAccessibleName(expect.stringContaining('15'));
  });
});

describe('RecommendationModePicker', () => {
  test('a failure can be dismissed', async () => {
    const user = userEvent.setup();
    const faults: AdapterFaults<'load' | 'save'> = {};
    const preferences = withAdapterFaults(createMemoryPreferencesAdapter(), faults);
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }} retryDelayMs={60_000}>
        <RecommendationModePicker strategies={[{ id: 'popular', label: '热门' }]} />
      </RightsProvider>,
    );
    await user.click(await screen.findByRole('radio', { name: '热门' }));
    faults.reject = ['save'];
    await user.click(screen.getByRole('radio', { name: zhCN.recommendationModePicker.personalized.label }));
    await screen.findByRole('alert');
    await user.click(screen.getByRole('button', { name: zhCN.recommendationModePicker.dismiss }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

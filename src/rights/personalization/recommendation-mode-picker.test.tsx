import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import en from '../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from './core/adapters.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import type { RightsEvent } from '../../kernel/core/events.js';
import { RightsProvider } from '../../provider.js';
import { useRecommendationMode } from './use-recommendation-mode.js';
import { PersonalizationSwitch } from './personalization-switch.js';
import { RecommendationModePicker } from './recommendation-mode-picker.js';

const strategies = [
  { id: 'popular-nearby', label: '附近热门', description: '你所在地区最近的热门内容' },
  { id: 'following-latest', label: '关注 · 最新', description: '你关注的账号，按发布时间排序' },
];

function FeedRequest() {
  return <output aria-label="feed request">{JSON.stringify(useRecommendationMode())}</output>;
}

const feedRequest = () => JSON.parse(screen.getByLabelText('feed request').textContent ?? '{}') as Record<string, unknown>;

describe('RecommendationModePicker', () => {
  test('choosing a strategy applies at once, persists, reaches the feed request, and the switch agrees', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const events: RightsEvent[] = [];
    render(
      <RightsProvider
        locale="zh-CN"
        adapters={{ preferences: createMemoryPreferencesAdapter({ cell }), outbox: createMemoryOutboxAdapter() }}
        onEvent={(event) => events.push(event)}
      >
        <PersonalizationSwitch scopes={['feed', 'ads']} />
        <RecommendationModePicker strategies={strategies} />
        <FeedRequest />
      </RightsProvider>,
    );
    expect(screen.getByRole('radiogroup', { name: '推荐方式' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '个性化推荐' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '附近热门' }));

    expect(screen.getByRole('radio', { name: '附近热门' })).toBeChecked();
    expect(feedRequest()).toMatchObject({ feed: 'non-personalized', strategy: 'popular-nearby', ads: 'personalized' });
    expect(screen.getByRole('switch', { name: '内容推荐' })).not.toBeChecked();
    expect(screen.getByRole('switch', { name: '个性化广告' })).toBeChecked();
    await waitFor(() => expect((cell.value as { preferences: { strategy: string | null } }).preferences.strategy).toBe('popular-nearby'));
    expect(events[0]).toMatchObject({ type: 'personalization.changed', scope: 'feed', strategy: 'popular-nearby' });
    expect(screen.getByText('已切换为：附近热门')).toBeInTheDocument();

    // The switch turning the feed back on moves the picker with it, with no reload.
    await user.click(screen.getByRole('switch', { name: '内容推荐' }));
    expect(screen.getByRole('radio', { name: '个性化推荐' })).toBeChecked();
    expect(feedRequest()).toMatchObject({ feed: 'personalized', strategy: null });
  });

  test('the master switch turned off shows the first strategy, and a remembered strategy comes back', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = {
      value: {
        version: 2,
        personalization: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
          strategy: 'following-latest',
        },
        updatedAt: '2026-11-22T08:00:00.000Z',
      },
    };
    render(
      <RightsProvider locale="en" adapters={{ preferences: createMemoryPreferencesAdapter({ cell }), outbox: createMemoryOutboxAdapter() }}>
        <RecommendationModePicker strategies={strategies} variant="inline" />
        <FeedRequest />
      </RightsProvider>,
    );
    expect(feedRequest()).toMatchObject({ feed: 'non-personalized', strategy: 'following-latest' });
    expect(screen.getByRole('radio', { name: '关注 · 最新' })).toBeChecked();
    // Arrow keys, which move the choice in a radio group, are checked in the browser: see the story's play function.
    await user.click(screen.getByRole('radio', { name: '附近热门' }));
    expect(screen.getByRole('radio', { name: '附近热门' })).toBeChecked();
    expect(screen.getByRole('radio', { name: en.recommendationModePicker.personalized.label })).toHaveAccessibleDescription(
      en.recommendationModePicker.personalized.description,
    );
  });

  test('going back to personalized when the backend rejects it is rolled back, with the message', async () => {
    const user = userEvent.setup();
    const preferences = withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] });
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }}>
        <RecommendationModePicker strategies={strategies} />
      </RightsProvider>,
    );
    await waitFor(() => expect(screen.getByRole('radio', { name: '附近热门' })).toBeEnabled());
    await user.click(screen.getByRole('radio', { name: '附近热门' }));
    await user.click(screen.getByRole('radio', { name: '个性化推荐' }));
    // A short toast, as the choice visibly snaps back.
    expect(await screen.findByRole('alert')).toHaveTextContent(zhCN.recommendationModePicker.rolledBack);
    expect(screen.getByRole('radio', { name: '附近热门' })).toBeChecked();
  });

  test('a controlled value wins for display, and the change is still reported and stored', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
        <RecommendationModePicker strategies={strategies} value="following-latest" onValueChange={onValueChange} />
        <FeedRequest />
      </RightsProvider>,
    );
    expect(screen.getByRole('radio', { name: '关注 · 最新' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '附近热门' }));
    expect(onValueChange).toHaveBeenCalledWith('popular-nearby');
    expect(screen.getByRole('radio', { name: '关注 · 最新' })).toBeChecked();
    expect(feedRequest()).toMatchObject({ strategy: 'popular-nearby' });
  });

  test.each([
    ['no strategies', [], /needs at least one non-personalized strategy/],
    ['a strategy named personalized', [{ id: 'personalized', label: 'x' }], /not "personalized"/],
    ['a repeated id', [strategies[0], strategies[0]], /twice/],
  ])('%s is a developer error that names the fix', (_, given, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
          <RecommendationModePicker strategies={given as typeof strategies} />
        </RightsProvider>,
      ),
    ).toThrowError(message);
  });
});

import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { describe, expect, onTestFinished, test, vi } from 'vitest';
import en from '../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import zhTW from '../../../locales/zh-TW/algorights.json' with { type: 'json' };
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from './core/adapters.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import type { PreferencesAdapter } from './core/adapter.js';
import type { PreferencesRecord } from '../../kernel/core/types.js';
import type { RightsEvent } from '../../kernel/core/events.js';
import { RightsProvider } from '../../provider.js';
import { useRecommendationMode } from './use-recommendation-mode.js';
import { TOAST_DURATION_MS } from '../../kernel/ui/rights-status.js';
import { PersonalizationSwitch } from './personalization-switch.js';

function memoryAdapters(cell: MemoryCell = { value: null }) {
  return { preferences: createMemoryPreferencesAdapter({ cell }), outbox: createMemoryOutboxAdapter() };
}

function FeedRequest() {
  const mode = useRecommendationMode();
  return <output aria-label="feed request">{JSON.stringify(mode)}</output>;
}

describe('PersonalizationSwitch', () => {
  test('is a switch named and described with the statutory wording', () => {
    render(
      <RightsProvider locale="zh-CN" adapters={memoryAdapters()}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    const control = screen.getByRole('switch', { name: '个性化推荐' });
    expect(control).toBeChecked();
    expect(control).toHaveAccessibleDescription(zhCN.personalizationSwitch.description);
    expect(zhCN.personalizationSwitch.description).toContain('不针对你个人特征');
  });

  test('turning it off by keyboard applies at once to the data the feed request reads', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={memoryAdapters()}>
        <PersonalizationSwitch />
        <FeedRequest />
      </RightsProvider>,
    );
    await user.tab();
    expect(screen.getByRole('switch', { name: '个性化推荐' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByRole('switch', { name: '个性化推荐' })).not.toBeChecked();
    expect(JSON.parse(screen.getByLabelText('feed request').textContent ?? '')).toEqual({
      feed: 'non-personalized',
      ads: 'non-personalized',
      push: 'non-personalized',
      search: 'non-personalized',
      strategy: null,
    });
  });

  test('per-scope switches turn one scope off and follow the master switch', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="en" adapters={memoryAdapters()}>
        <PersonalizationSwitch scopes={['feed', 'ads', 'push', 'search']} />
        <FeedRequest />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('switch', { name: en.personalizationSwitch.scopes.ads.label }));
    expect(JSON.parse(screen.getByLabelText('feed request').textContent ?? '')).toMatchObject({
      feed: 'personalized',
      ads: 'non-personalized',
    });
    expect(screen.getByRole('switch', { name: en.personalizationSwitch.label })).toBeChecked();

    await user.click(screen.getByRole('switch', { name: en.personalizationSwitch.label }));
    for (const scope of ['feed', 'ads', 'push', 'search'] as const) {
      expect(screen.getByRole('switch', { name: en.personalizationSwitch.scopes[scope].label })).not.toBeChecked();
    }
  });

  test('controlled: the prop wins for display, and the change callback and the event still fire', async () => {
    const user = userEvent.setup();
    const events: RightsEvent[] = [];
    function Controlled() {
      const [checked, setChecked] = useState(true);
      return (
        <>
          <PersonalizationSwitch checked={checked} onCheckedChange={setChecked} />
          <button type="button" onClick={() => setChecked(true)}>
            force on
          </button>
        </>
      );
    }
    render(
      <RightsProvider locale="zh-CN" adapters={memoryAdapters()} onEvent={(event) => events.push(event)}>
        <Controlled />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('switch', { name: '个性化推荐' }));
    expect(screen.getByRole('switch', { name: '个性化推荐' })).not.toBeChecked();
    expect(events[0]).toMatchObject({ type: 'personalization.changed', scope: 'all', newValue: 'non-personalized' });

    await user.click(screen.getByRole('button', { name: 'force on' }));
    expect(screen.getByRole('switch', { name: '个性化推荐' })).toBeChecked();
  });

  test('a failed opt-out stays off and shows that it is saved on the device and syncing', async () => {
    const user = userEvent.setup();
    const failing: PreferencesAdapter = { load: () => null, save: () => Promise.reject(new Error('offline')) };
    render(
      <RightsProvider locale="zh-TW" adapters={{ preferences: failing, outbox: createMemoryOutboxAdapter() }}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('switch', { name: zhTW.personalizationSwitch.label }));
    expect(await screen.findByText(zhTW.personalizationSwitch.syncPending)).toBeVisible();
    expect(screen.getByRole('switch', { name: zhTW.personalizationSwitch.label })).not.toBeChecked();
    expect(screen.getByRole('button', { name: zhTW.personalizationSwitch.retryNow })).toBeEnabled();
  });

  test('a failed opt-in is rolled back with a localized toast, which goes after a while', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    onTestFinished(() => void vi.useRealTimers());
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const failing: PreferencesAdapter = { load: () => null, save: () => Promise.reject(new Error('offline')) };
    render(
      <RightsProvider
        locale="zh-CN"
        adapters={{ preferences: failing, outbox: createMemoryOutboxAdapter() }}
        initialState={{
          personalization: {
            master: 'non-personalized',
            scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
          },
        }}
      >
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('switch', { name: '个性化推荐' }));
    const toast = await screen.findByRole('alert');
    expect(toast).toHaveTextContent(zhCN.personalizationSwitch.rolledBack);
    expect(toast).toHaveAttribute('data-slot', 'personalization-switch-toast');
    expect(screen.getByRole('switch', { name: '个性化推荐' })).not.toBeChecked();
    await act(async () => vi.advanceTimersByTime(TOAST_DURATION_MS - 500));
    expect(toast).toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(1000));
    expect(toast).not.toBeInTheDocument();
  });

  test('corrupt storage shows a localized message and the switch off', () => {
    localStorage.setItem('algorights:preferences', 'not json');
    const onError = vi.fn();
    render(
      <RightsProvider locale="en" onError={onError}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(en.errors['storage-corrupt']);
    expect(screen.getByRole('switch', { name: en.personalizationSwitch.label })).not.toBeChecked();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'storage-corrupt' }));
  });

  test('until a slow adapter answers, says it is reading, then shows the stored choice', async () => {
    let answer: (value: null) => void = () => {};
    const slow: PreferencesAdapter = {
      load: () => new Promise((resolve) => (answer = resolve)),
      save: () => {},
    };
    const { container } = render(
      <RightsProvider locale="zh-CN" adapters={{ preferences: slow, outbox: createMemoryOutboxAdapter() }}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    const control = screen.getByRole('switch', { name: '个性化推荐' });
    expect(control).toHaveAccessibleDescription(expect.stringContaining(zhCN.personalizationSwitch.loading));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'loading');
    await act(async () => answer(null));
    expect(control).not.toHaveAccessibleDescription(expect.stringContaining(zhCN.personalizationSwitch.loading));
    expect(container.firstElementChild).toHaveAttribute('data-state', 'ready');
    expect(container.firstElementChild).toHaveAttribute('data-value', 'on');
  });

  test('the opt-out is possible before the stored choice is read: a tap turns personalization off, and it stays off when the read answers "on"', async () => {
    const user = userEvent.setup();
    let answer: (value: PreferencesRecord) => void = () => {};
    const saved: unknown[] = [];
    const slow: PreferencesAdapter = {
      load: () => new Promise((resolve) => (answer = resolve)),
      save: (record) => void saved.push(record),
    };
    const { container } = render(
      <RightsProvider locale="zh-CN" adapters={{ preferences: slow, outbox: createMemoryOutboxAdapter() }}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    const control = screen.getByRole('switch', { name: '个性化推荐' });
    expect(control).toBeEnabled();
    await user.click(control);
    expect(control).not.toBeChecked();
    expect(control).toHaveAttribute('data-chosen');
    const allOn = { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' } as const;
    await act(async () => answer({ preferences: { master: 'personalized', scopes: allOn }, revisions: { master: 0, feed: 0, ads: 0, push: 0, search: 0, strategy: 0 } }));
    expect(container.firstElementChild).toHaveAttribute('data-value', 'off');
    expect(control).not.toBeChecked();
    expect(saved.length).toBeGreaterThan(0);
  });

  test('under StrictMode a change is written once', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const preferences = createMemoryPreferencesAdapter({ cell });
    const save = vi.spyOn(preferences, 'save');
    const load = vi.spyOn(preferences, 'load');
    render(
      <StrictMode>
        <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }}>
          <PersonalizationSwitch />
        </RightsProvider>
      </StrictMode>,
    );
    await user.click(screen.getByRole('switch', { name: '个性化推荐' }));
    await waitFor(() => expect(cell.value).not.toBeNull());
    expect(save).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('forwards its ref and spreads props onto the root', () => {
    let root: HTMLDivElement | null = null;
    render(
      <RightsProvider locale="zh-CN" adapters={memoryAdapters()}>
        <PersonalizationSwitch
          ref={(element) => {
            root = element;
          }}
          className="settings-row"
          data-testid="root"
        />
      </RightsProvider>,
    );
    expect(root).toBe(screen.getByTestId('root'));
    expect(screen.getByTestId('root')).toHaveClass('settings-row');
    expect(screen.getByTestId('root')).toHaveAttribute('data-slot', 'personalization-switch');
  });

  test('used outside RightsProvider, it throws an error that names the fix', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<PersonalizationSwitch />)).toThrowError(
      /`PersonalizationSwitch` must be used within `<RightsProvider>`.*Wrap/,
    );
  });
});

describe('PersonalizationSwitch developer errors', () => {
  test('an unknown scope throws an error that lists the valid ones', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={memoryAdapters()}>
          <PersonalizationSwitch scopes={['feed', 'video' as never]} />
        </RightsProvider>,
      ),
    ).toThrowError(/unknown scope "video".*feed, ads, push, search/);
  });

  test('an adapter without save() throws an error that names what is missing and where to start', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const incomplete = { load: () => null } as unknown as PreferencesAdapter;
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={{ preferences: incomplete }}>
          <PersonalizationSwitch />
        </RightsProvider>,
      ),
    ).toThrowError(/adapters\.preferences has no save\(\).*createMemoryPreferencesAdapter/);
  });
});

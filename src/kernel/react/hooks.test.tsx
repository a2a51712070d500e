import { act, render, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, test, vi } from 'vitest';
import { createMemoryOutboxAdapter } from '../core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../rights/personalization/core/adapters.js';
import { withAdapterFaults } from '../core/adapters/fault-injection.js';
import type { RightsStore } from '../core/store/create-rights-store.js';
import { PersonalizationSwitch } from '../../rights/personalization/personalization-switch.js';
import { RightsContext } from './rights-context.js';
import { RightsProvider } from '../../provider.js';
import { usePersonalizationStatus } from '../../rights/personalization/use-personalization-status.js';
import { useRecommendationMode } from '../../rights/personalization/use-recommendation-mode.js';

function memoryProvider({ children }: { children: ReactNode }) {
  return (
    <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
      {children}
    </RightsProvider>
  );
}

describe('useRecommendationMode', () => {
  test('returns each scope as plain data, and keeps its identity until a value changes', () => {
    let store: RightsStore | undefined;
    function Capture({ children }: { children: ReactNode }) {
      return (
        <RightsContext.Consumer>
          {(value) => {
            store = value?.store;
            return children;
          }}
        </RightsContext.Consumer>
      );
    }
    const { result, rerender } = renderHook(() => useRecommendationMode(), {
      wrapper: ({ children }) => memoryProvider({ children: <Capture>{children}</Capture> }),
    });
    expect(result.current).toEqual({
      feed: 'personalized',
      ads: 'personalized',
      push: 'personalized',
      search: 'personalized',
      strategy: null,
    });
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);

    act(() => {
      void store?.getState().setPersonalization('push', 'non-personalized');
    });
    expect(result.current).not.toBe(first);
    expect(result.current.push).toBe('non-personalized');
    expect(result.current.feed).toBe('personalized');

    act(() => {
      void store?.getState().chooseFeedStrategy('following-latest');
    });
    expect(result.current).toMatchObject({ feed: 'non-personalized', strategy: 'following-latest', ads: 'personalized' });
    act(() => {
      void store?.getState().setPersonalization('feed', 'personalized');
    });
    // The strategy is remembered in the store, but a personalized feed request carries none.
    expect(result.current).toMatchObject({ feed: 'personalized', strategy: null });
  });

  test('used outside RightsProvider, it throws an error that names the fix', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useRecommendationMode())).toThrowError(
      /`useRecommendationMode` must be used within `<RightsProvider>`/,
    );
  });
});

describe('usePersonalizationStatus', () => {
  test('reports hydrated only after a slow adapter answers, for a feed that waits for the choice', async () => {
    const { result } = renderHook(() => usePersonalizationStatus(), {
      wrapper: ({ children }) => (
        <RightsProvider
          locale="en"
          adapters={{
            preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { latencyMs: 30 }),
            outbox: createMemoryOutboxAdapter(),
          }}
        >
          {children}
        </RightsProvider>
      ),
    });
    expect(result.current).toMatchObject({ load: 'loading', hydrated: false, syncPending: false, failure: null });
    await waitFor(() => expect(result.current.hydrated).toBe(true));
    expect(result.current.load).toBe('ready');
  });
});

describe('hydration', () => {
  test('server HTML hydrates with no mismatch, then the stored choice applies before the first paint', async () => {
    localStorage.setItem(
      'algorights:preferences',
      JSON.stringify({
        version: 1,
        personalization: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
        },
        updatedAt: '2026-11-22T08:00:00.000Z',
      }),
    );
    const ui = (
      <RightsProvider locale="zh-CN">
        <PersonalizationSwitch />
      </RightsProvider>
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(ui);
    document.body.append(container);
    expect(container.querySelector('[data-slot="personalization-switch"]')).toHaveAttribute('data-state', 'loading');

    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const recoverable = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, ui, { onRecoverableError: recoverable });
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelector('[data-slot="personalization-switch"]')).toHaveAttribute('data-value', 'off');
    act(() => root?.unmount());
    container.remove();
  });
});

describe('RightsProvider', () => {
  test('each provider has its own store: a choice in one does not reach another', async () => {
    function Mode({ testId }: { testId: string }) {
      return <output data-testid={testId}>{useRecommendationMode().feed}</output>;
    }
    const view = render(
      <>
        <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
          <PersonalizationSwitch />
          <Mode testId="first" />
        </RightsProvider>
        <RightsProvider locale="zh-CN" adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
          <Mode testId="second" />
        </RightsProvider>
      </>,
    );
    await act(async () => view.getByRole('switch').click());
    expect(view.getByTestId('first')).toHaveTextContent('non-personalized');
    expect(view.getByTestId('second')).toHaveTextContent('personalized');
  });

  test('follows the language of a host i18next instance when no locale is given', async () => {
    const { createInstance } = await import('i18next');
    const host = createInstance();
    await host.init({ lng: 'en', resources: {} });
    const view = render(
      <RightsProvider i18n={host} adapters={{ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() }}>
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    expect(view.getByRole('switch', { name: 'Personalized recommendations' })).toBeInTheDocument();
    await act(async () => {
      await host.changeLanguage('zh-TW');
    });
    expect(view.getByRole('switch', { name: '個人化推薦' })).toBeInTheDocument();
  });
});

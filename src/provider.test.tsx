import { act, render } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { useEffect } from 'react';
import { expect, test, vi } from 'vitest';
import { composeRightsStore } from './compose-store.js';
import { createDeferredEngine, type WriteEngineModule } from './kernel/core/engine/deferred-engine.js';
import { createWriteEngine } from './kernel/core/engine/write-engine.js';
import { createMemoryOutboxAdapter } from './kernel/core/outbox/outbox-adapters.js';
import type { OutboxEntry } from './kernel/core/outbox/outbox.js';
import type { PreferencesRecord } from './kernel/core/types.js';
import { RightsProvider } from './provider.js';
import { allRevisions, allScopes } from './rights/personalization/core/model.js';
import { selectRecommendationMode } from './rights/personalization/core/selectors.js';
import { useRecommendationMode } from './rights/personalization/use-recommendation-mode.js';
import { createRightsStore } from './store.js';

const personalized = { master: 'personalized', scopes: allScopes('personalized'), strategy: null } as const;
const optedOut = { master: 'non-personalized', scopes: allScopes('personalized'), strategy: null } as const;

/** An opt-out this device made and the backend has not confirmed: it waits in the outbox. */
function pendingOptOut(): OutboxEntry {
  return {
    key: 'pending-opt-out',
    slice: 'personalization',
    action: 'opt-out',
    adapter: 'preferences',
    method: 'save',
    args: [{ preferences: optedOut, revisions: allRevisions(5) }],
    policy: 'protective',
    target: 'preferences',
    correlationId: 'c-opt-out',
    createdAt: '2026-12-01T00:00:00.000Z',
    attempts: 0,
  };
}

/** A preferences adapter that never answers its read, and records what it is asked to save. */
function slowPreferences() {
  const saved: PreferencesRecord[] = [];
  return {
    saved,
    adapter: {
      load: () => new Promise<never>(() => {}),
      save: vi.fn(async (record: PreferencesRecord, _options?: { idempotencyKey?: string }) => {
        saved.push(record);
        return record;
      }),
    },
  };
}

/** The store a provider makes, with the engine's chunk arriving only when `arrive()` is called. */
function storeWithGate(options: Parameters<typeof composeRightsStore>[0]) {
  let arrive: () => void = () => {};
  const gate = new Promise<WriteEngineModule>((resolve) => {
    arrive = () => resolve({ createWriteEngine });
  });
  const load = vi.fn(() => gate);
  const store = composeRightsStore(options, (engineOptions) => createDeferredEngine(engineOptions, load));
  return { store, load, arrive: async () => {
    arrive();
    await vi.waitFor(() => expect(store.getState().outbox.load).toBe('ready'));
  } };
}

test('the engine is not loaded while the store is only rendered (on the server too), and loads once the store starts', () => {
  const { store, load } = storeWithGate({ adapters: { outbox: createMemoryOutboxAdapter(), preferences: slowPreferences().adapter } });
  expect(load).not.toHaveBeenCalled();
  const stop = store.connect();
  expect(load).toHaveBeenCalledTimes(1);
  stop();
});

test('an opt-out still waiting in the outbox reads non-personalized before the engine arrives, with a slow adapter and a personalized initialState', () => {
  const outbox = createMemoryOutboxAdapter();
  void outbox.put([pendingOptOut()]);
  const { store } = storeWithGate({ adapters: { outbox, preferences: slowPreferences().adapter }, initialState: { personalization: personalized } });
  expect(selectRecommendationMode(store.getState()).feed).toBe('personalized');
  const stop = store.connect();
  expect(selectRecommendationMode(store.getState()).feed).toBe('non-personalized');
  stop();
});

test('with nothing known yet, the feed\'s first render and first effect (its first request) read non-personalized, with a slow adapter', () => {
  const outbox = createMemoryOutboxAdapter();
  void outbox.put([pendingOptOut()]);
  const seen: string[] = [];
  function Feed() {
    const mode = useRecommendationMode();
    seen.push(`render:${mode.feed}`);
    useEffect(() => {
      seen.push(`effect:${mode.feed}`);
    }, [mode.feed]);
    return null;
  }
  render(
    <RightsProvider adapters={{ outbox, preferences: slowPreferences().adapter }}>
      <Feed />
    </RightsProvider>,
  );
  expect(seen.slice(0, 2)).toEqual(['render:non-personalized', 'effect:non-personalized']);
  expect(seen).not.toContain('effect:personalized');
});

test('hydrating the server\'s markup of a personalized initialState matches it, and the waiting opt-out shows before the first paint', async () => {
  const outbox = createMemoryOutboxAdapter();
  void outbox.put([pendingOptOut()]);
  function Feed() {
    return <p>{useRecommendationMode().feed}</p>;
  }
  const app = (
    <RightsProvider adapters={{ outbox, preferences: slowPreferences().adapter }} initialState={{ personalization: personalized }}>
      <Feed />
    </RightsProvider>
  );
  const container = document.createElement('div');
  container.innerHTML = renderToString(app);
  expect(container.textContent).toBe('personalized');
  document.body.append(container);
  // The test setup fails the test on any console.error, a hydration mismatch among them.
  await act(async () => {
    hydrateRoot(container, app);
  });
  expect(container.textContent).toBe('non-personalized');
  container.remove();
});

test('a protective write before the engine arrives is on the device when the call returns, and is sent once it arrives', async () => {
  const outbox = createMemoryOutboxAdapter();
  const preferences = slowPreferences();
  const { store, arrive } = storeWithGate({ adapters: { outbox, preferences: preferences.adapter } });
  const stop = store.connect();
  const done = store.getState().setPersonalization('all', 'non-personalized');
  expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  const stored = (outbox.load({ signal: new AbortController().signal }) as OutboxEntry[] | null) ?? [];
  expect(stored.map((entry) => [entry.slice, entry.action])).toEqual([['personalization', 'opt-out']]);
  expect(preferences.saved).toEqual([]);
  await arrive();
  await done;
  expect(preferences.saved.map((record) => record.preferences.master)).toEqual(['non-personalized']);
  // Sent once, under the key it was stored with, and gone from the device once confirmed.
  expect(preferences.adapter.save).toHaveBeenCalledTimes(1);
  expect(preferences.adapter.save.mock.calls[0]?.[1]).toMatchObject({ idempotencyKey: stored[0]?.key });
  await vi.waitFor(() => expect((outbox.load({ signal: new AbortController().signal }) as unknown[] | null) ?? []).toEqual([]));
  stop();
});

test('writes made before the engine arrives go through it in order: an opt-in then an opt-out ends opted out on the backend', async () => {
  const outbox = createMemoryOutboxAdapter();
  const preferences = slowPreferences();
  const { store, arrive } = storeWithGate({ adapters: { outbox, preferences: preferences.adapter } });
  const stop = store.connect();
  const writes = [store.getState().setPersonalization('all', 'personalized'), store.getState().setPersonalization('all', 'non-personalized')];
  expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  await arrive();
  await Promise.all(writes);
  expect(preferences.saved.map((record) => record.preferences.master)).toEqual(['personalized', 'non-personalized']);
  expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  stop();
});

test('nothing is lost when the page closes before the engine arrives: the next visit sends the opt-out', async () => {
  const cell = { value: null };
  const first = storeWithGate({ adapters: { outbox: createMemoryOutboxAdapter({ cell }), preferences: slowPreferences().adapter } });
  const stopFirst = first.store.connect();
  void first.store.getState().setPersonalization('feed', 'non-personalized');
  stopFirst();
  // The page closes here; the engine never arrived. The next visit:
  const preferences = slowPreferences();
  const next = createRightsStore({ adapters: { outbox: createMemoryOutboxAdapter({ cell }), preferences: preferences.adapter } });
  const stop = next.connect();
  await vi.waitFor(() => expect(preferences.saved.map((record) => record.preferences.scopes.feed)).toEqual(['non-personalized']));
  stop();
});

test('a provider renders and writes through the engine once its chunk has loaded', async () => {
  const preferences = slowPreferences();
  function Feed() {
    return <p>{useRecommendationMode().ads}</p>;
  }
  const view = render(
    <RightsProvider adapters={{ outbox: createMemoryOutboxAdapter(), preferences: preferences.adapter }}>
      <Feed />
    </RightsProvider>,
  );
  expect(view.container.textContent).toBe('non-personalized');
});

test('a write before the engine arrives still supersedes what an earlier visit left, and is not reported as replayed', async () => {
  const outbox = createMemoryOutboxAdapter();
  void outbox.put([pendingOptOut()]);
  const preferences = slowPreferences();
  const events: { type: string; correlationId?: string }[] = [];
  const { store, arrive } = storeWithGate({ adapters: { outbox, preferences: preferences.adapter }, onEvent: (event) => void events.push(event) });
  const stop = store.connect();
  const done = store.getState().setPersonalization('all', 'non-personalized');
  // It shows pending at once, as with the engine there.
  expect(store.getState().outbox.entries).toHaveLength(1);
  await arrive();
  await done;
  // The earlier visit's opt-out is older on every field: the new one makes it pointless, and only it is sent.
  expect(preferences.saved).toHaveLength(1);
  expect(preferences.saved[0]?.revisions.master).toBeGreaterThan(5);
  expect(events.filter((event) => event.type === 'personalization.replayed').map((event) => event.correlationId)).toEqual(['c-opt-out']);
  stop();
});

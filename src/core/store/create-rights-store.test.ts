import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMemoryPreferencesAdapter, type MemoryCell } from '../adapters/memory-preferences-adapter.js';
import type { PreferencesAdapter } from '../adapters/types.js';
import type { RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import { effectiveModes } from '../personalization-model.js';
import { createRightsStore } from './create-rights-store.js';

/** A backend whose writes can be made to fail or hang, over cells a test reads directly. */
function backend() {
  const cell: MemoryCell = { value: null };
  const pendingCell: MemoryCell = { value: null };
  const inner = createMemoryPreferencesAdapter({ cell });
  const control = { failing: false, hanging: false, saves: 0 };
  const preferences: PreferencesAdapter = {
    load: () => inner.load(),
    save: (value) => {
      control.saves += 1;
      if (control.hanging) {
        return new Promise<void>(() => {});
      }
      if (control.failing) {
        return Promise.reject(new Error('offline'));
      }
      return Promise.resolve(inner.save(value));
    },
    clear: () => inner.clear(),
  };
  const pendingSync = createMemoryPreferencesAdapter({ cell: pendingCell });
  return { adapters: { preferences, pendingSync }, cell, pendingCell, control };
}

function storedMaster(cell: MemoryCell): unknown {
  return (cell.value as { personalization?: { master?: string } } | null)?.personalization?.master ?? null;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createRightsStore: personalization', () => {
  test('with nothing stored, a user starts with the ordinary personalized service', () => {
    const { adapters } = backend();
    const store = createRightsStore({ adapters });
    store.getState().loadPersonalization();
    expect(store.getState().personalization.known).toBe(true);
    expect(store.getState().personalization.preferences.master).toBe('personalized');
  });

  test('an opt-out applies at once and is written through the adapter', async () => {
    const { adapters, cell } = backend();
    const store = createRightsStore({ adapters });
    store.getState().loadPersonalization();
    const written = store.getState().setPersonalization('all', 'non-personalized');
    expect(effectiveModes(store.getState().personalization.preferences).feed).toBe('non-personalized');
    await written;
    expect(storedMaster(cell)).toBe('non-personalized');
    expect(store.getState().personalization.syncPending).toBe(false);
  });

  test('an opt-out is kept when the write fails, kept on the device, and retried until it lands', async () => {
    vi.useFakeTimers();
    const { adapters, cell, pendingCell, control } = backend();
    const errors: RightsError[] = [];
    const store = createRightsStore({ adapters, retryDelayMs: 1000, onError: (error) => errors.push(error) });
    const disconnect = store.getState().connectPersonalization();
    control.failing = true;

    await store.getState().setPersonalization('feed', 'non-personalized');

    expect(effectiveModes(store.getState().personalization.preferences).feed).toBe('non-personalized');
    expect(store.getState().personalization.syncPending).toBe(true);
    expect(storedMaster(pendingCell)).toBe('personalized');
    expect(errors.map((error) => error.code)).toEqual(['write-failed']);
    expect(cell.value).toBeNull();

    control.failing = false;
    await vi.advanceTimersByTimeAsync(1000);

    expect((cell.value as { personalization: { scopes: { feed: string } } }).personalization.scopes.feed).toBe('non-personalized');
    expect(store.getState().personalization.syncPending).toBe(false);
    expect(pendingCell.value).toBeNull();
    disconnect();
  });

  test('an opt-out survives a write that hangs: it times out and stays pending', async () => {
    vi.useFakeTimers();
    const { adapters, control } = backend();
    const store = createRightsStore({ adapters, writeTimeoutMs: 500 });
    store.getState().loadPersonalization();
    control.hanging = true;
    const written = store.getState().setPersonalization('all', 'non-personalized');
    await vi.advanceTimersByTimeAsync(500);
    await written;
    expect(store.getState().personalization.preferences.master).toBe('non-personalized');
    expect(store.getState().personalization.syncPending).toBe(true);
  });

  test('an opt-out kept while the backend failed is restored by the next store, as after a reload', async () => {
    const { adapters, control } = backend();
    const first = createRightsStore({ adapters });
    first.getState().loadPersonalization();
    control.failing = true;
    await first.getState().setPersonalization('all', 'non-personalized');

    const events: RightsEvent[] = [];
    const second = createRightsStore({ adapters, onEvent: (event) => events.push(event) });
    second.getState().loadPersonalization();
    await vi.waitFor(() => expect(second.getState().personalization.known).toBe(true));

    expect(second.getState().personalization.preferences.master).toBe('non-personalized');
    expect(second.getState().personalization.syncPending).toBe(true);
    expect(events[0]?.type).toBe('personalization.restored');
  });

  test('an opt-in whose write fails is rolled back with a write-failed error', async () => {
    const { adapters, control } = backend();
    const events: RightsEvent[] = [];
    const store = createRightsStore({
      adapters,
      initialState: {
        personalization: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
        },
      },
      onEvent: (event) => events.push(event),
    });
    control.failing = true;

    const written = store.getState().setPersonalization('all', 'personalized');
    expect(store.getState().personalization.preferences.master).toBe('personalized');
    await written;

    expect(store.getState().personalization.preferences.master).toBe('non-personalized');
    expect(store.getState().personalization.status).toBe('error');
    expect(store.getState().personalization.error?.code).toBe('write-failed');
    expect(events.map((event) => event.type)).toEqual(['personalization.changed', 'personalization.rolled-back']);
    expect(events[0]?.correlationId).toBe(events[1]?.correlationId);
  });

  test('every change emits a typed event with scope, old and new values, time and id', async () => {
    const { adapters } = backend();
    const events: RightsEvent[] = [];
    const store = createRightsStore({
      adapters,
      now: () => new Date('2026-11-22T08:00:00.000Z'),
      onEvent: (event) => events.push(event),
    });
    store.getState().loadPersonalization();
    await store.getState().setPersonalization('ads', 'non-personalized');
    expect(events).toEqual([
      {
        type: 'personalization.changed',
        scope: 'ads',
        oldValue: 'personalized',
        newValue: 'non-personalized',
        timestamp: '2026-11-22T08:00:00.000Z',
        correlationId: expect.any(String),
      },
      expect.objectContaining({ type: 'personalization.synced', scope: 'ads', correlationId: events[0]?.correlationId }),
    ]);
  });

  test.each([
    ['corrupt JSON', 'storage-corrupt', () => '{"version":'],
    ['a wrong shape', 'storage-invalid', () => ({ version: 1, personalization: 'yes' })],
    [
      'a newer version',
      'storage-newer-version',
      () => ({ version: 99, personalization: { master: 'personalized' }, updatedAt: '2030-01-01T00:00:00.000Z' }),
    ],
  ])('%s in storage falls back to non-personalized everywhere and reports %s', (_, code, stored) => {
    const errors: RightsError[] = [];
    const preferences: PreferencesAdapter = {
      load: () => {
        const value = stored();
        if (typeof value === 'string') {
          return JSON.parse(value) as never;
        }
        return value as never;
      },
      save: () => {},
      clear: () => {},
    };
    const store = createRightsStore({
      adapters: { preferences, pendingSync: createMemoryPreferencesAdapter() },
      onError: (error) => errors.push(error),
    });
    expect(() => store.getState().loadPersonalization()).not.toThrow();
    const { personalization } = store.getState();
    expect(effectiveModes(personalization.preferences)).toEqual({
      feed: 'non-personalized',
      ads: 'non-personalized',
      push: 'non-personalized',
      search: 'non-personalized',
    });
    expect(personalization.known).toBe(true);
    // JSON.parse throwing inside load() is a read failure; the localStorage adapter reports it as storage-corrupt.
    expect(errors[0]?.code).toBe(code === 'storage-corrupt' ? 'read-failed' : code);
  });

  test('a synchronous adapter is applied before load returns, so nothing flashes', () => {
    const cell: MemoryCell = {
      value: {
        version: 1,
        personalization: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
        },
        updatedAt: '2026-11-22T08:00:00.000Z',
      },
    };
    const store = createRightsStore({
      adapters: { preferences: createMemoryPreferencesAdapter({ cell }), pendingSync: createMemoryPreferencesAdapter() },
    });
    store.getState().loadPersonalization();
    expect(store.getState().personalization.status).toBe('ready');
    expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  });

  test('loading twice reads once', () => {
    const { adapters } = backend();
    const load = vi.spyOn(adapters.preferences, 'load');
    const store = createRightsStore({ adapters });
    store.getState().loadPersonalization();
    store.getState().loadPersonalization();
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('createRightsStore: edge cases', () => {
  test('a rolled-back opt-in restores exactly what was there, remembered scopes included', async () => {
    const { adapters, control } = backend();
    const before = {
      master: 'non-personalized' as const,
      scopes: { feed: 'personalized', ads: 'non-personalized', push: 'personalized', search: 'non-personalized' } as const,
    };
    const store = createRightsStore({ adapters, initialState: { personalization: before } });
    control.failing = true;
    await store.getState().setPersonalization('feed', 'personalized');
    expect(store.getState().personalization.preferences).toEqual(before);
  });

  test('a rolled-back opt-in leaves a later opt-out in place', async () => {
    vi.useFakeTimers();
    const { adapters, control } = backend();
    const store = createRightsStore({
      adapters,
      writeTimeoutMs: 1000,
      initialState: {
        personalization: {
          master: 'personalized',
          scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
        },
      },
    });
    control.hanging = true;
    const optIn = store.getState().setPersonalization('feed', 'personalized');
    void store.getState().setPersonalization('ads', 'non-personalized');
    await vi.advanceTimersByTimeAsync(1000);
    await optIn;
    expect(effectiveModes(store.getState().personalization.preferences)).toEqual({
      feed: 'non-personalized',
      ads: 'non-personalized',
      push: 'personalized',
      search: 'personalized',
    });
  });

  test('a change made before a slow load finishes is not overwritten by the loaded state', async () => {
    let answer: (value: unknown) => void = () => {};
    const preferences: PreferencesAdapter = {
      load: () => new Promise((resolve) => (answer = resolve)) as never,
      save: () => {},
      clear: () => {},
    };
    const store = createRightsStore({ adapters: { preferences, pendingSync: createMemoryPreferencesAdapter() } });
    store.getState().loadPersonalization();
    await store.getState().setPersonalization('all', 'non-personalized');
    answer({
      version: 1,
      personalization: {
        master: 'personalized',
        scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
      },
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    await vi.waitFor(() => expect(store.getState().personalization.known).toBe(true));
    expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  });
});

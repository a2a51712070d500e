/**
 * Every defect the review of version 0.1 found, as a user or a backend would
 * meet it. Each test failed on 0.1's store (ported to its API, or where 0.1
 * had no keys or revisions, the effect the user met: two records, an older
 * save winning) and passes on the write engine. Tests named "guard:" pass on
 * both: they pin that a fix did not overreach.
 */
import { describe, expect, test, vi } from 'vitest';
import { createWorld } from '../../../test-support/world.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import { createLocalStoragePreferencesAdapter, createMemoryPreferencesAdapter } from '../../../rights/personalization/core/adapters.js';
import { createLocalStorageTagsAdapter, createMemoryTagsAdapter } from '../../../rights/tags/core/adapters.js';
import type { WriteOptions } from '../adapters/types.js';
import type { PreferencesAdapter } from '../../../rights/personalization/core/adapter.js';
import type { TagsAdapter } from '../../../rights/tags/core/adapter.js';
import { createManualClock } from '../clock.js';
import type { RightsError } from '../errors.js';
import type { UserTagProfile } from '../../../rights/tags/core/model.js';
import type { PreferencesRecord } from '../types.js';
import { createLocalStorageOutboxAdapter, createRightsStore } from '../../../store.js';
import { selectRecommendationMode, selectSyncPending } from '../../../rights/personalization/core/selectors.js';
import { selectFeedbackStatus, tagsSlice } from '../../../rights/tags/core/slice.js';

const profile: UserTagProfile = {
  tags: [
    { id: 'camping', label: '露营', categoryId: 'travel' },
    { id: 'hiking', label: '徒步', categoryId: 'travel' },
  ],
  categories: [{ id: 'travel', label: '旅行' }],
};

/** A store on this browser's localStorage, as a tab or a provider with the default adapters has. */
function localTab(clock = createManualClock()) {
  const errors: RightsError[] = [];
  const store = createRightsStore({ clock, onError: (error) => errors.push(error), slices: [tagsSlice] });
  const stop = store.connect();
  return { store, stop, errors, clock };
}

describe('two tabs, or two providers, on one browser', () => {
  test('a stale tab turning ads off does not undo the feed opt-out another tab just made', async () => {
    const tabA = localTab();
    const tabB = localTab();
    // B acts before it can have heard of A's change: its snapshot still says the feed is personalized.
    void tabA.store.getState().setPersonalization('feed', 'non-personalized');
    void tabB.store.getState().setPersonalization('ads', 'non-personalized');
    await tabA.clock.settle();

    const fresh = localTab();
    expect(selectRecommendationMode(fresh.store.getState())).toMatchObject({ feed: 'non-personalized', ads: 'non-personalized' });
  });

  test('a change in one tab reaches the other tab without a reload', async () => {
    const tabA = localTab();
    const tabB = localTab();
    await tabA.store.getState().setPersonalization('feed', 'non-personalized');
    await vi.waitFor(() => expect(selectRecommendationMode(tabB.store.getState()).feed).toBe('non-personalized'), { timeout: 1000 });
  });

  test('an opt-out that another tab could not send yet shows here too, from the shared outbox', async () => {
    const clock = createManualClock();
    const cell = { value: null };
    const failing: PreferencesAdapter = { load: () => null, save: () => Promise.reject(new Error('offline')) };
    const open = () => {
      const store = createRightsStore({ clock, adapters: { preferences: failing, outbox: createMemoryOutboxAdapter({ cell }) } });
      store.connect();
      return store;
    };
    const tabA = open();
    const tabB = open();
    await tabA.getState().setPersonalization('search', 'non-personalized');
    await clock.settle();
    expect(selectRecommendationMode(tabB.getState()).search).toBe('non-personalized');
    expect(selectSyncPending(tabB.getState(), 'personalization')).toBe(true);
  });
});

describe('tag deletions', () => {
  test('choosing a deleted interest again while the backend fails keeps the deletion, across a reload', async () => {
    const world = createWorld({ tags: profile });
    const first = world.open();
    first.store.getState().loadTags();
    world.faults.tags.reject = ['remove', 'select'];
    await first.store.getState().removeTags(['camping']);
    await first.store.getState().selectInterests([{ id: 'camping', label: '露营', categoryId: 'travel' }]);
    await world.clock.settle();
    expect(first.store.getState().tags.tags.map((tag) => tag.id)).toEqual(['hiking']);
    expect(selectSyncPending(first.store.getState(), 'tags')).toBe(true);
    // A retry runs while the backend still fails: the deletion must still be there afterwards.
    await world.clock.advance(1500);
    expect(selectSyncPending(first.store.getState(), 'tags')).toBe(true);
    first.stop();

    const second = world.open();
    second.store.getState().loadTags();
    expect(second.store.getState().tags.tags.map((tag) => tag.id)).toEqual(['hiking']);
    world.heal();
    await world.clock.advance(60_000);
    expect(world.storedTags()?.tags.map((tag) => tag.id)).toEqual(['hiking']);
    expect(selectSyncPending(second.store.getState(), 'tags')).toBe(false);
  });

  test('guard: choosing a deleted interest again once the backend answers brings it back for good', async () => {
    const world = createWorld({ tags: profile });
    const { store } = world.open();
    store.getState().loadTags();
    world.faults.tags.reject = ['remove'];
    await store.getState().removeTags(['camping']);
    world.heal();
    await store.getState().selectInterests([{ id: 'camping', label: '露营', categoryId: 'travel' }]);
    await world.clock.advance(60_000);
    expect(world.storedTags()?.tags.map((tag) => tag.id).sort()).toEqual(['camping', 'hiking']);
    expect(world.outbox()).toEqual([]);
  });
});

describe('idempotency keys and abort signals', () => {
  test('"not interested" that reaches the server but answers after the timeout is retried with the same key: one record', async () => {
    const clock = createManualClock();
    const cell = { value: null };
    const memory = createMemoryTagsAdapter({ cell, initial: profile });
    const keys: string[] = [];
    const signals: AbortSignal[] = [];
    let slow = true;
    const tags: TagsAdapter = {
      ...memory,
      notInterested: (feedback, options) => {
        keys.push(options.idempotencyKey);
        signals.push(options.signal);
        memory.notInterested(feedback, options);
        return slow ? new Promise((resolve) => clock.setTimeout(() => resolve(), 10_000)) : undefined;
      },
    };
    const store = createRightsStore({ clock, writeTimeoutMs: 5000, retryDelayMs: 1000, adapters: { tags, outbox: createMemoryOutboxAdapter() }, slices: [tagsSlice] });
    store.connect();
    void store.getState().sendNotInterested({ itemId: 'item-1' });
    await clock.advance(5000);
    expect(signals[0]?.aborted).toBe(true);
    slow = false;
    await clock.advance(1000);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect((cell.value as unknown as { feedback: unknown[] }).feedback).toHaveLength(1);
    expect(selectFeedbackStatus(store.getState(), 'item-1')).toBe('sent');
  });

  test('a new write gets a new key, and every write carries a signal', async () => {
    const keys: string[] = [];
    const preferences: PreferencesAdapter = {
      load: () => null,
      save: (_record, options: WriteOptions) => {
        keys.push(options.idempotencyKey);
        expect(options.signal).toBeInstanceOf(AbortSignal);
      },
    };
    const store = createRightsStore({ clock: createManualClock(), adapters: { preferences, outbox: createMemoryOutboxAdapter() } });
    store.connect();
    await store.getState().setPersonalization('ads', 'non-personalized');
    await store.getState().setPersonalization('push', 'non-personalized');
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });
});

describe('an opt-in whose outcome is unknown', () => {
  for (const fault of ['commitThenReject', 'commitThenHang'] as const) {
    test(`${fault}: the backend stored the opt-in, the kit rolled it back, and the backend ends non-personalized`, async () => {
      const world = createWorld();
      world.cells.preferences.value = {
        version: 3,
        preferences: { master: 'personalized', scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null },
        revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
      };
      const { store } = world.open();
      const sent: string[] = [];
      world.faults.preferences[fault] = ['save'];
      const unsubscribe = store.subscribe(() => {
        const feed = world.stored()?.scopes.feed;
        if (feed && sent.at(-1) !== feed) {
          sent.push(feed);
        }
      });
      void store.getState().setPersonalization('feed', 'personalized');
      await world.clock.advance(5000);
      unsubscribe();
      // The backend stored the opt-in before the answer failed.
      expect(sent).toContain('personalized');
      expect(selectRecommendationMode(store.getState()).feed).toBe('non-personalized');
      expect(world.outbox()).toHaveLength(1);

      world.heal();
      await world.clock.advance(60_000);
      expect(world.stored()?.scopes.feed).toBe('non-personalized');

      const reloaded = world.open();
      expect(selectRecommendationMode(reloaded.store.getState()).feed).toBe('non-personalized');
    });
  }
});

describe('a backend that stamps its own time', () => {
  test('a pending opt-out is kept over a stored value the backend stamped ten minutes ahead', async () => {
    const clock = createManualClock();
    const cell = { value: null as unknown };
    const outbox = { value: null };
    const ahead = new Date(clock.now() + 10 * 60_000).toISOString();
    let failing = false;
    // Stores what it is sent, adding its own clock's time; the kit must not compare that with its own.
    const backend: PreferencesAdapter = {
      load: () => (cell.value === null ? null : ({ ...(cell.value as PreferencesRecord), updatedAt: ahead } as PreferencesRecord)),
      save: (record) => {
        if (failing) {
          return Promise.reject(new Error('offline'));
        }
        cell.value = record;
      },
    };
    const open = () => {
      const store = createRightsStore({ clock, adapters: { preferences: backend, outbox: createMemoryOutboxAdapter({ cell: outbox }) } });
      return { store, stop: store.connect() };
    };
    const first = open();
    await first.store.getState().setPersonalization('feed', 'personalized');
    failing = true;
    await first.store.getState().setPersonalization('feed', 'non-personalized');
    first.stop();

    const second = open();
    await clock.settle();
    expect(selectRecommendationMode(second.store.getState()).feed).toBe('non-personalized');
    failing = false;
    await clock.advance(2000);
    expect((cell.value as PreferencesRecord).preferences.scopes.feed).toBe('non-personalized');
  });
});

describe('a reload while a write is out', () => {
  test('"not interested" sent to a hanging adapter survives a reload mid-flight, and is sent once afterwards', async () => {
    const world = createWorld({ tags: profile });
    const first = world.open();
    world.faults.tags.hang = ['notInterested'];
    void first.store.getState().sendNotInterested({ itemId: 'item-9', reasonId: 'repetitive' });
    await world.clock.advance(10);
    first.stop();

    world.heal();
    const second = world.open();
    await world.clock.settle();
    expect(world.storedTags()?.feedback).toEqual([{ itemId: 'item-9', reasonId: 'repetitive' }]);
    expect(selectFeedbackStatus(second.store.getState(), 'item-9')).toBe('sent');
  });

  test('an item id over 256 characters, or named like an object property, is kept and sent like any other', async () => {
    const world = createWorld({ tags: profile });
    const first = world.open();
    world.faults.tags.reject = ['notInterested', 'remove'];
    const long = 'x'.repeat(300);
    await first.store.getState().removeTags(['camping']);
    for (const itemId of [long, 'constructor', '__proto__', 'toString']) {
      await first.store.getState().sendNotInterested({ itemId });
      expect(selectFeedbackStatus(first.store.getState(), itemId)).toBe('pending');
    }
    first.stop();

    world.heal();
    const second = world.open();
    await world.clock.settle();
    expect(world.storedTags()?.feedback.map((feedback) => feedback.itemId)).toEqual([long, 'constructor', '__proto__', 'toString']);
    expect(world.storedTags()?.tags.map((tag) => tag.id)).toEqual(['hiking']);
    expect(selectFeedbackStatus(second.store.getState(), 'constructor')).toBe('sent');
  });
});

describe('what is stored on the device', () => {
  const poisoned = [{ key: 'bad', slice: 'tags', method: 'remove', args: 'not a list' }];

  test('a corrupt outbox entry is set aside and reported, and a new opt-out on a failing backend still survives a reload', async () => {
    const world = createWorld();
    world.cells.outbox.value = { version: 1, entries: poisoned };
    world.faults.preferences.reject = ['save'];
    const first = world.open();
    await first.store.getState().setPersonalization('ads', 'non-personalized');
    expect(world.errors.map((error) => error.code)).toContain('outbox-unreadable');
    expect(world.cells.aside.value).toEqual(poisoned);
    first.stop();

    const second = world.open();
    expect(selectRecommendationMode(second.store.getState()).ads).toBe('non-personalized');
    world.heal();
    await world.clock.advance(2000);
    expect(world.stored()?.scopes.ads).toBe('non-personalized');
  });

  test('one bad entry among pending deletions costs only itself: the others are replayed', async () => {
    const world = createWorld({ tags: profile });
    const good = { key: 'k1', slice: 'tags', action: 'remove', adapter: 'tags', method: 'remove', args: [['camping']], policy: 'protective', target: 'tags', correlationId: 'c1', createdAt: '2026-11-30T00:00:00.000Z', attempts: 1 };
    const bad = { ...good, key: 'k2', args: [[42]] };
    world.cells.outbox.value = { version: 1, entries: [good, bad] };
    world.open();
    await world.clock.settle();
    expect(world.storedTags()?.tags.map((tag) => tag.id)).toEqual(['hiking']);
    expect(world.cells.aside.value).toEqual([bad]);
  });

  for (const [name, stored] of [
    ['corrupt', '{"version":1,"entries":['],
    ['newer', JSON.stringify({ version: 9, entries: [] })],
  ] as const) {
    test(`a ${name} outbox may hold an opt-out: every scope shows non-personalized, and the user is told`, () => {
      localStorage.setItem('algorights:preferences', JSON.stringify({ version: 3, preferences: { master: 'personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null }, revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 } }));
      localStorage.setItem('algorights:outbox', stored);
      const { store, errors } = localTab();
      store.getState().loadTags();
      expect(selectRecommendationMode(store.getState())).toMatchObject({ feed: 'non-personalized', ads: 'non-personalized', push: 'non-personalized', search: 'non-personalized' });
      expect(store.getState().personalization.failure).toEqual({ code: 'outbox-unreadable', action: 'recover' });
      expect(store.getState().tags.failure).toEqual({ code: 'outbox-unreadable', action: 'recover' });
      expect(errors.length).toBeGreaterThan(0);
    });
  }

  test('storage that is full: the choice applies, the user is told it is not kept on the device, and it is stored once there is room', async () => {
    let full = true;
    const data = new Map<string, string>();
    const storage = {
      getItem: (key: string) => data.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (full) {
          throw new DOMException('full', 'QuotaExceededError');
        }
        data.set(key, value);
      },
      removeItem: (key: string) => void data.delete(key),
    };
    const clock = createManualClock();
    const failing: PreferencesAdapter = { load: () => null, save: () => Promise.reject(new Error('offline')) };
    const store = createRightsStore({ clock, retryDelayMs: 1000, adapters: { preferences: failing, outbox: createLocalStorageOutboxAdapter({ storage }) } });
    store.connect();
    await store.getState().setPersonalization('all', 'non-personalized');
    expect(selectRecommendationMode(store.getState()).feed).toBe('non-personalized');
    expect(store.getState().personalization.failure).toEqual({ code: 'device-write-failed', action: 'persist' });
    expect(data.get('algorights:outbox')).toBeUndefined();

    full = false;
    await clock.advance(1000);
    expect(JSON.parse(data.get('algorights:outbox') ?? '{}').entries).toHaveLength(1);
    expect(store.getState().personalization.failure).toBeNull();
  });

  for (const [name, getter] of [
    ['throws SecurityError', () => { throw new DOMException('denied', 'SecurityError'); }],
    ['is null', () => null],
  ] as const) {
    test(`localStorage that ${name}: every scope non-personalized with a message, and an opt-out is kept in memory and retried`, async () => {
      const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
      Object.defineProperty(globalThis, 'localStorage', { configurable: true, get: getter });
      try {
        const clock = createManualClock();
        const errors: RightsError[] = [];
        const store = createRightsStore({
          clock,
          onError: (error) => errors.push(error),
          adapters: { preferences: createLocalStoragePreferencesAdapter(), outbox: createLocalStorageOutboxAdapter() },
        });
        store.connect();
        expect(selectRecommendationMode(store.getState()).feed).toBe('non-personalized');
        expect(store.getState().personalization.failure?.code).toMatch(/storage-unavailable|outbox-unreadable/);
        expect(errors.map((error) => error.code)).toContain('storage-unavailable');
        // Turning personalization on cannot be saved: it is rolled back, and the rolled-back value is
        // kept in memory (the device cannot hold it) and retried.
        await store.getState().setPersonalization('feed', 'personalized');
        await clock.settle();
        expect(selectRecommendationMode(store.getState()).feed).toBe('non-personalized');
        expect(selectSyncPending(store.getState(), 'personalization')).toBe(true);
        expect(store.getState().outbox.unsaved).toHaveLength(1);
        const attempts = store.getState().outbox.entries[0]?.attempts ?? 0;
        await clock.advance(2000);
        expect(store.getState().outbox.entries[0]?.attempts ?? 0).toBeGreaterThan(attempts);
      } finally {
        if (original) {
          Object.defineProperty(globalThis, 'localStorage', original);
        }
      }
    });
  }

  test('10,000 pending "not interested" entries are replayed in one pass: the store and the device copy change in batches, not once per entry', async () => {
    const world = createWorld({ tags: profile });
    world.cells.outbox.value = {
      version: 1,
      entries: Array.from({ length: 10_000 }, (_, index) => ({
        key: `k${index}`,
        slice: 'tags',
        action: 'not-interested',
        adapter: 'tags',
        method: 'notInterested',
        args: [{ itemId: `item-${index}` }],
        policy: 'protective',
        target: `feedback:item-${index}`,
        correlationId: `c${index}`,
        createdAt: '2026-11-30T00:00:00.000Z',
        attempts: 1,
      })),
    };
    let rewrites = 0;
    const outbox = createMemoryOutboxAdapter({ cell: world.cells.outbox });
    const { store } = world.open({
      adapters: {
        tags: createMemoryTagsAdapter({ cell: world.cells.tags }),
        outbox: { ...outbox, delete: (keys) => { rewrites += 1; return outbox.delete(keys); } },
      },
    });
    // Every store change re-renders what reads it: 0.1 changed it once per entry, 10,000 times.
    let changes = 0;
    store.subscribe(() => {
      changes += 1;
    });
    await world.clock.settle();
    expect(world.storedTags()?.feedback).toHaveLength(10_000);
    expect(store.getState().outbox.entries).toHaveLength(0);
    expect(rewrites).toBeLessThanOrEqual(10);
    expect(changes).toBeLessThanOrEqual(20);
  });
});

describe('found by the model-based test', () => {
  test('a write confirmed here that the full device could not forget is not shown pending again, and is forgotten once there is room', async () => {
    const world = createWorld({ tags: profile });
    const tabA = world.open();
    world.faults.outbox.reject = ['delete'];
    await tabA.store.getState().sendNotInterested({ itemId: 'item-1' });
    await world.clock.settle();
    expect(selectFeedbackStatus(tabA.store.getState(), 'item-1')).toBe('sent');
    expect(world.outbox()).toHaveLength(1);
    // Another tab rewrites the outbox; tab A reads it again.
    const tabB = world.open();
    world.faults.tags.reject = ['remove'];
    await tabB.store.getState().removeTags(['camping']);
    await world.clock.settle();
    expect(tabA.store.getState().outbox.entries.some((entry) => entry.method === 'notInterested')).toBe(false);
    world.heal();
    await world.clock.advance(60_000);
    expect(world.outbox()).toEqual([]);
    expect(world.storedTags()?.feedback).toHaveLength(1);
  });
});

describe('the adapter contract', () => {
  test('a preferences adapter needs only load and save; the wire carries the domain record, with no storage wrapper', async () => {
    const saved: unknown[] = [];
    const store = createRightsStore({
      clock: createManualClock(),
      adapters: { preferences: { load: () => null, save: (record) => void saved.push(record) }, outbox: createMemoryOutboxAdapter() },
    });
    store.connect();
    await store.getState().setPersonalization('push', 'non-personalized');
    expect(Object.keys(saved[0] as object).sort()).toEqual(['preferences', 'revisions']);
  });

  test('the embedded tags adapter on localStorage dedupes a repeated key, so a retry is one record', () => {
    const adapter = createLocalStorageTagsAdapter();
    const options = { idempotencyKey: 'same', signal: new AbortController().signal };
    adapter.notInterested({ itemId: 'a' }, options);
    adapter.notInterested({ itemId: 'a' }, options);
    expect(JSON.parse(localStorage.getItem('algorights:tags') ?? '{}').feedback).toHaveLength(1);
  });

  test('the memory preferences adapter merges a stale save by revision', () => {
    const adapter = createMemoryPreferencesAdapter();
    const options = { idempotencyKey: 'k', signal: new AbortController().signal };
    const base = { master: 'personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null } as const;
    adapter.save({ preferences: { ...base, scopes: { ...base.scopes, feed: 'non-personalized' } }, revisions: { master: 1, feed: 9, ads: 1, push: 1, search: 1, strategy: 1 } }, options);
    const stored = adapter.save({ preferences: base, revisions: { master: 2, feed: 2, ads: 2, push: 2, search: 2, strategy: 2 } }, options) as PreferencesRecord;
    expect(stored.preferences.scopes.feed).toBe('non-personalized');
  });
});

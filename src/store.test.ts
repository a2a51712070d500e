import { beforeEach, expect, test } from 'vitest';
import { createLocalStorageOutboxAdapter as createKernelOutbox, createMemoryOutboxAdapter } from './kernel/core/outbox/outbox-adapters.js';
import { createWriteEngine } from './kernel/core/engine/write-engine.js';
import { createSliceStore } from './kernel/core/store/create-rights-store.js';
import { createLocalStorageOutboxAdapter, createRightsStore } from './store.js';
import { createMemoryPreferencesAdapter } from './rights/personalization/core/adapters.js';

const readOptions = () => ({ signal: new AbortController().signal });
const legacyOptOut = JSON.stringify({
  version: 2,
  personalization: { master: 'non-personalized', scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: null },
  updatedAt: '2026-11-22T08:00:00.000Z',
});

beforeEach(() => {
  localStorage.clear();
});

test('the exported localStorage outbox replays an opt-out version 0.1 left pending, as a personalization write', () => {
  localStorage.setItem('algorights:pending-sync', legacyOptOut);
  const [entry] = createLocalStorageOutboxAdapter().load(readOptions()) as { slice: string; method: string; policy: string }[];
  expect(entry).toMatchObject({ slice: 'personalization', method: 'save', policy: 'protective' });
  expect(localStorage.getItem('algorights:pending-sync')).toBeNull();
});

test('the kernel outbox, given no replay, leaves what 0.1 left under pending-sync where it is rather than lose it', () => {
  localStorage.setItem('algorights:pending-sync', legacyOptOut);
  expect(createKernelOutbox().load(readOptions()) ?? []).toEqual([]);
  expect(localStorage.getItem('algorights:pending-sync')).toBe(legacyOptOut);
});

test('the store as the package exports it always holds personalization; the kernel store holds only the slices it is given', () => {
  const adapters = { preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() };
  expect(createRightsStore({ adapters }).getState().personalization.preferences.master).toBe('non-personalized');
  expect(createSliceStore({ adapters }, createWriteEngine).getState()).not.toHaveProperty('personalization');
});

test('the store as the package exports it replays the 0.1 opt-out through its default outbox', async () => {
  localStorage.setItem('algorights:pending-sync', legacyOptOut);
  const preferences = createMemoryPreferencesAdapter();
  const store = createRightsStore({ adapters: { preferences } });
  const stop = store.connect();
  // Read, the defaults would be personalized: what shows non-personalized is the replayed opt-out.
  await expect.poll(() => store.getState().personalization.load).toBe('ready');
  expect(store.getState().personalization.preferences.master).toBe('non-personalized');
  // And it is sent, as any pending opt-out is.
  await expect.poll(() => (preferences.load(readOptions()) as { preferences?: { master?: string } } | null)?.preferences?.master).toBe('non-personalized');
  stop();
});

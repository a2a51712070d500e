import { describe, expect, test, vi } from 'vitest';
import { createMemoryPreferencesAdapter, type MemoryCell } from '../adapters/memory-preferences-adapter.js';
import { withAdapterFaults } from '../adapters/fault-injection.js';
import { createMemoryPendingTagsAdapter, createMemoryTagsAdapter, type StoredTags } from '../adapters/tags-adapters.js';
import type { TagsAdapter } from '../adapters/types.js';
import type { RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { UserTagProfile } from '../tags.js';
import { createRightsStore } from './create-rights-store.js';

const profile: UserTagProfile = {
  tags: [
    { id: 'camping', label: '露营', categoryId: 'travel', source: 'inferred', createdAt: '2026-11-01T08:00:00.000Z' },
    { id: 'hiking', label: '徒步', categoryId: 'travel', source: 'inferred' },
    { id: 'football', label: '足球', categoryId: 'sports', source: 'selected' },
  ],
  categories: [
    { id: 'travel', label: '旅行' },
    { id: 'sports', label: '运动' },
  ],
  intensities: { sports: 'less' },
};

function storeWith(tags: TagsAdapter, pendingCell: MemoryCell = { value: null }, extra: { onEvent?: (event: RightsEvent) => void; onError?: (error: RightsError) => void } = {}) {
  const store = createRightsStore({
    adapters: {
      preferences: createMemoryPreferencesAdapter(),
      pendingSync: createMemoryPreferencesAdapter(),
      tags,
      pendingTags: createMemoryPendingTagsAdapter({ cell: pendingCell }),
    },
    retryDelayMs: 10,
    ...extra,
  });
  return store;
}

const storedIds = (cell: MemoryCell) => (cell.value as StoredTags).tags.map((tag) => tag.id);
const shownIds = (store: ReturnType<typeof storeWith>) => store.getState().tags.tags.map((tag) => tag.id);

describe('tags slice', () => {
  test('loads a synchronous adapter at once, with categories and intensities', () => {
    const store = storeWith(createMemoryTagsAdapter({ initial: profile }));
    store.getState().loadTags();
    expect(store.getState().tags).toMatchObject({ status: 'ready', known: true, intensities: { sports: 'less' } });
    expect(shownIds(store)).toEqual(['camping', 'hiking', 'football']);
  });

  test('invalid data from the adapter becomes a tags-invalid error, not a crash, and shows no tags', () => {
    const errors: RightsError[] = [];
    const store = storeWith({ load: () => ({ tags: [{ id: 'x' }], categories: [] }) as never, remove: () => {} }, undefined, {
      onError: (error) => errors.push(error),
    });
    store.getState().loadTags();
    expect(store.getState().tags).toMatchObject({ status: 'error', failedAction: 'load', known: false, tags: [] });
    expect(errors[0]?.code).toBe('tags-invalid');
    expect(errors[0]?.message).toMatch(/tags\.0\.label/);
  });

  test('a failed read can be retried', async () => {
    let fail = true;
    const memory = createMemoryTagsAdapter({ initial: profile });
    const store = storeWith({
      load: () => {
        if (fail) {
          throw new Error('offline');
        }
        return memory.load();
      },
      remove: memory.remove,
    });
    store.getState().loadTags();
    expect(store.getState().tags.error?.code).toBe('read-failed');
    store.getState().loadTags();
    expect(store.getState().tags.status).toBe('error');
    fail = false;
    store.getState().loadTags({ retry: true });
    expect(store.getState().tags).toMatchObject({ status: 'ready', known: true, error: null });
  });

  test('deleting takes effect at once and reaches the adapter, with removed then synced events', async () => {
    const cell: MemoryCell = { value: null };
    const events: RightsEvent[] = [];
    const store = storeWith(createMemoryTagsAdapter({ cell, initial: profile }), undefined, { onEvent: (event) => events.push(event) });
    store.getState().loadTags();
    const written = store.getState().removeTags(['camping', 'football']);
    expect(shownIds(store)).toEqual(['hiking']);
    await written;
    expect(storedIds(cell)).toEqual(['hiking']);
    expect(events.map((event) => event.type)).toEqual(['tags.removed', 'tags.synced']);
    expect(events[0]).toMatchObject({ tagIds: ['camping', 'football'] });
    expect(events[1]?.correlationId).toBe(events[0]?.correlationId);
    expect(store.getState().tags.syncPending).toBe(false);
  });

  test('a deletion whose write fails stays deleted, survives a reload on this device, and is retried until it lands', async () => {
    const backend: MemoryCell = { value: null };
    const device: MemoryCell = { value: null };
    const failing = withAdapterFaults(createMemoryTagsAdapter({ cell: backend, initial: profile }), { reject: ['remove'] });
    const first = storeWith(failing, device);
    const disconnect = first.getState().connectTags();
    first.getState().loadTags();
    await first.getState().removeTags(['camping']);
    expect(shownIds(first)).not.toContain('camping');
    expect(first.getState().tags.syncPending).toBe(true);
    expect(storedIds(backend)).toContain('camping');
    expect(device.value).toMatchObject({ removals: ['camping'] });
    disconnect();

    // A reload: the backend still has the tag, and it recovers.
    const second = storeWith(createMemoryTagsAdapter({ cell: backend }), device);
    second.getState().connectTags();
    second.getState().loadTags();
    await vi.waitFor(() => expect(second.getState().tags.known).toBe(true));
    expect(shownIds(second)).not.toContain('camping');
    await vi.waitFor(() => expect(storedIds(backend)).not.toContain('camping'));
    await vi.waitFor(() => expect(device.value).toBeNull());
    expect(second.getState().tags.syncPending).toBe(false);
  });

  test('undo puts the deleted tags back where they were, in the store and the adapter', async () => {
    const cell: MemoryCell = { value: null };
    const store = storeWith(createMemoryTagsAdapter({ cell, initial: profile }));
    store.getState().loadTags();
    await store.getState().removeTags(['camping']);
    await store.getState().undoTagRemoval();
    expect(shownIds(store)).toEqual(['camping', 'hiking', 'football']);
    expect(storedIds(cell).sort()).toEqual(['camping', 'football', 'hiking']);
    expect(store.getState().tags.lastRemoval).toBeNull();
  });

  test('an undo whose write fails deletes the tags again and says so', async () => {
    const cell: MemoryCell = { value: null };
    const store = storeWith(withAdapterFaults(createMemoryTagsAdapter({ cell, initial: profile }), { reject: ['restore'] }));
    store.getState().loadTags();
    await vi.waitFor(() => expect(store.getState().tags.known).toBe(true));
    await store.getState().removeTags(['camping']);
    await store.getState().undoTagRemoval();
    expect(shownIds(store)).toEqual(['hiking', 'football']);
    expect(store.getState().tags).toMatchObject({ failedAction: 'restore', error: { code: 'write-failed' } });
    await vi.waitFor(() => expect(storedIds(cell)).toEqual(['hiking', 'football']));
  });

  test('chosen interests are added, and rolled back with a message when the write fails', async () => {
    const cell: MemoryCell = { value: null };
    const store = storeWith(createMemoryTagsAdapter({ cell, initial: profile }));
    store.getState().loadTags();
    await store.getState().selectInterests([{ id: 'cycling', label: '骑行', categoryId: 'sports' }]);
    expect(store.getState().tags.tags.at(-1)).toMatchObject({ id: 'cycling', source: 'selected' });
    expect(storedIds(cell)).toContain('cycling');

    const failing = storeWith(withAdapterFaults(createMemoryTagsAdapter({ initial: profile }), { reject: ['select'] }));
    failing.getState().loadTags();
    await vi.waitFor(() => expect(failing.getState().tags.known).toBe(true));
    const written = failing.getState().selectInterests([{ id: 'cycling', label: '骑行', categoryId: 'sports' }]);
    expect(shownIds(failing)).toContain('cycling');
    await written;
    expect(shownIds(failing)).not.toContain('cycling');
    expect(failing.getState().tags.failedAction).toBe('select');
  });

  test('interests marked disallowed are never added (ALG 10)', async () => {
    const cell: MemoryCell = { value: null };
    const store = storeWith(createMemoryTagsAdapter({ cell, initial: profile }));
    store.getState().loadTags();
    await store.getState().selectInterests([{ id: 'gambling', label: '赌博', categoryId: 'sports', disallowed: true }]);
    expect(shownIds(store)).not.toContain('gambling');
    expect(storedIds(cell)).not.toContain('gambling');
  });

  test('an intensity whose write fails returns to the previous one', async () => {
    const store = storeWith(withAdapterFaults(createMemoryTagsAdapter({ initial: profile }), { reject: ['setIntensity'] }));
    store.getState().loadTags();
    await vi.waitFor(() => expect(store.getState().tags.known).toBe(true));
    const written = store.getState().setTagIntensity('sports', 'more');
    expect(store.getState().tags.intensities.sports).toBe('more');
    await written;
    expect(store.getState().tags.intensities.sports).toBe('less');
    expect(store.getState().tags.failedAction).toBe('intensity');
  });

  test('"not interested" is confirmed once sent, and kept on this device when the write fails', async () => {
    const cell: MemoryCell = { value: null };
    const store = storeWith(createMemoryTagsAdapter({ cell, initial: profile }));
    await store.getState().sendNotInterested({ itemId: 'item-1', reasonId: 'repetitive' });
    expect(store.getState().tags.feedback['item-1']).toBe('sent');
    expect((cell.value as StoredTags).feedback).toEqual([{ itemId: 'item-1', reasonId: 'repetitive' }]);

    const device: MemoryCell = { value: null };
    const failing = storeWith(withAdapterFaults(createMemoryTagsAdapter({ initial: profile }), { reject: ['notInterested'] }), device);
    await failing.getState().sendNotInterested({ itemId: 'item-2' });
    expect(failing.getState().tags.feedback['item-2']).toBe('pending');
    expect(device.value).toMatchObject({ feedback: [{ itemId: 'item-2' }] });
  });

  test('a tags adapter without remove() is a developer error that names the fix', () => {
    expect(() => storeWith({ load: () => null } as unknown as TagsAdapter)).toThrowError(
      /adapters\.tags has no remove\(\).*createMemoryTagsAdapter\(\).*runTagsAdapterConformance/,
    );
  });
});

import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../test-support/world.js';
import type { UserTagProfile } from './model.js';
import { selectFeedbackStatus } from './slice.js';
import { selectSyncPending } from '../../personalization/core/selectors.js';

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

function openWithTags(world: ReturnType<typeof createWorld>) {
  const tab = world.open();
  tab.store.getState().loadTags();
  return tab;
}

const shownIds = (store: ReturnType<typeof openWithTags>['store']) => store.getState().tags.tags.map((tag) => tag.id);
const storedIds = (world: ReturnType<typeof createWorld>) => world.storedTags()?.tags.map((tag) => tag.id);

describe('tags slice', () => {
  test('loads a synchronous adapter at once, with categories and intensities', () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    expect(store.getState().tags.load).toBe('ready');
    expect(store.getState().tags.intensities.get('sports')).toBe('less');
    expect(shownIds(store)).toEqual(['camping', 'hiking', 'football']);
  });

  test('a read whose whole answer has the wrong shape is a tags-invalid failure, not a crash', () => {
    const world = createWorld();
    world.cells.tags.value = { version: 2, tags: 'not a list', categories: [], intensities: {}, feedback: [], keys: [] };
    const { store } = openWithTags(world);
    expect(store.getState().tags).toMatchObject({ load: 'error', failure: { code: 'tags-invalid', action: 'load' }, tags: [] });
    expect(world.errors[0]?.message).toMatch(/tags/);
  });

  test('one bad entry is set aside and reported; every other tag is shown and can be deleted', () => {
    const world = createWorld({
      tags: {
        ...profile,
        tags: [...profile.tags, { id: 'long', label: '长'.repeat(201), categoryId: 'travel' }, { id: 'bad-date', label: '日期', categoryId: 'travel', createdAt: 'yesterday' }],
        intensities: { sports: 'less', travel: 'loud' as never },
      },
    });
    const { store } = openWithTags(world);
    expect(store.getState().tags.load).toBe('ready');
    expect(shownIds(store)).toEqual(['camping', 'hiking', 'football']);
    expect(store.getState().tags.invalidCount).toBe(3);
    expect(store.getState().tags.invalidTagIds).toEqual(['long', 'bad-date']);
    expect(world.errors.map((error) => error.code)).toEqual(['tags-invalid']);
    expect(world.errors[0]?.message).toMatch(/3 entries.*tags\.3\.label/);
  });

  test('a failed read can be retried', async () => {
    const world = createWorld({ tags: profile });
    world.faults.tags.reject = ['load'];
    const { store } = openWithTags(world);
    await world.clock.settle();
    expect(store.getState().tags).toMatchObject({ load: 'error', failure: { code: 'read-failed', action: 'load' } });
    world.heal();
    await store.getState().retryTags();
    expect(store.getState().tags).toMatchObject({ load: 'ready', failure: null });
  });

  test('deleting takes effect at once and reaches the adapter, with removed then synced events', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    const written = store.getState().removeTags(['camping']);
    expect(shownIds(store)).toEqual(['hiking', 'football']);
    await written;
    expect(storedIds(world)).toEqual(['hiking', 'football']);
    expect(world.events.map((event) => event.type)).toEqual(['tags.removed', 'tags.synced']);
  });

  test('a deletion whose write fails stays deleted, survives a reload, and is retried until it lands', async () => {
    const world = createWorld({ tags: profile });
    const first = openWithTags(world);
    world.faults.tags.reject = ['remove'];
    await first.store.getState().removeTags(['camping']);
    expect(selectSyncPending(first.store.getState(), 'tags')).toBe(true);
    first.stop();

    const second = openWithTags(world);
    expect(shownIds(second.store)).toEqual(['hiking', 'football']);
    world.heal();
    await world.clock.advance(1000);
    expect(storedIds(world)).toEqual(['hiking', 'football']);
    expect(selectSyncPending(second.store.getState(), 'tags')).toBe(false);
  });

  test('a deletion left pending is retried at the next start even where no tag component asks for tags', async () => {
    const world = createWorld({ tags: profile });
    const first = openWithTags(world);
    world.faults.tags.reject = ['remove'];
    await first.store.getState().removeTags(['camping']);
    first.stop();
    world.heal();
    // A page with only the personalization switch: the tags slice is not registered.
    world.open({ slices: [] });
    await world.clock.settle();
    expect(storedIds(world)).toEqual(['hiking', 'football']);
    expect(world.outbox()).toEqual([]);
  });

  test('undo puts the deleted tags back where they were, in the store and the adapter', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    await store.getState().removeTags(['camping']);
    await store.getState().undoTagRemoval();
    expect(shownIds(store)).toEqual(['camping', 'hiking', 'football']);
    expect(storedIds(world)).toEqual(['hiking', 'football', 'camping']);
    expect(world.events.map((event) => event.type)).toContain('tags.removal-undone');
  });

  test('an undo whose write fails deletes the tags again, says so, and keeps the deletion in the outbox', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    world.faults.tags.reject = ['remove', 'restore'];
    await store.getState().removeTags(['camping']);
    await store.getState().undoTagRemoval();
    await world.clock.settle();
    expect(shownIds(store)).toEqual(['hiking', 'football']);
    expect(store.getState().tags.failure).toEqual({ code: 'write-failed', action: 'restore' });
    expect(world.outbox().every((entry) => entry.method === 'remove')).toBe(true);
    world.heal();
    await world.clock.advance(60_000);
    expect(storedIds(world)).toEqual(['hiking', 'football']);
  });

  test('chosen interests are added, and rolled back with a message when the write fails', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    await store.getState().selectInterests([{ id: 'cycling', label: '骑行', categoryId: 'sports' }]);
    expect(shownIds(store)).toContain('cycling');
    expect(storedIds(world)).toContain('cycling');

    world.faults.tags.reject = ['select'];
    await store.getState().selectInterests([{ id: 'skiing', label: '滑雪', categoryId: 'sports' }]);
    expect(shownIds(store)).not.toContain('skiing');
    expect(store.getState().tags.failure).toEqual({ code: 'write-failed', action: 'select' });
  });

  test('interests marked disallowed are never added (ALG 10)', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    await store.getState().selectInterests([{ id: 'casino', label: '博彩', categoryId: 'sports', disallowed: true }]);
    expect(shownIds(store)).not.toContain('casino');
    expect(storedIds(world)).not.toContain('casino');
  });

  test('an intensity whose write fails returns to the previous one, and the previous one is written back', async () => {
    const world = createWorld({ tags: profile });
    const { store } = openWithTags(world);
    world.faults.tags.commitThenReject = ['setIntensity'];
    await store.getState().setTagIntensity('sports', 'more');
    expect(store.getState().tags.intensities.get('sports')).toBe('less');
    expect(store.getState().tags.failure).toEqual({ code: 'write-failed', action: 'intensity' });
    world.heal();
    await world.clock.advance(1000);
    expect(world.storedTags()?.intensities.sports).toBe('less');
  });

  test('"not interested" is sending, then sent; kept in the outbox when the write fails', async () => {
    const world = createWorld({ tags: profile });
    const { store } = world.open();
    const sending = store.getState().sendNotInterested({ itemId: 'item-1', reasonId: 'repetitive' });
    expect(selectFeedbackStatus(store.getState(), 'item-1')).toBe('sending');
    await sending;
    expect(selectFeedbackStatus(store.getState(), 'item-1')).toBe('sent');
    expect(world.storedTags()?.feedback).toEqual([{ itemId: 'item-1', reasonId: 'repetitive' }]);

    world.faults.tags.reject = ['notInterested'];
    await store.getState().sendNotInterested({ itemId: 'item-2' });
    expect(selectFeedbackStatus(store.getState(), 'item-2')).toBe('pending');
    expect(world.outbox()).toHaveLength(1);
  });

  test('feedback held for undo is on the device at once, survives a reload, and goes out when its hold ends', async () => {
    const world = createWorld({ tags: profile });
    const first = world.open();
    void first.store.getState().sendNotInterested({ itemId: 'item-1' }, { holdMs: 5000 });
    await world.clock.settle();
    expect(world.outbox()).toHaveLength(1);
    expect(world.storedTags()?.feedback ?? []).toEqual([]);
    // The tab closes during the hold; a new one keeps the hold, then sends it.
    first.stop();
    const second = world.open();
    await world.clock.advance(2000);
    expect(world.storedTags()?.feedback ?? []).toEqual([]);
    await world.clock.advance(3100);
    expect(world.storedTags()?.feedback).toEqual([{ itemId: 'item-1' }]);
    expect(world.outbox()).toHaveLength(0);
    // Too late to take back: it has gone out.
    await expect(second.store.getState().withdrawNotInterested('item-1')).resolves.toBe(false);
  });

  test('a longer hold (the user is on the undo toast) keeps held feedback from going out, on the device too, and undo still works after it', async () => {
    const world = createWorld({ tags: profile });
    const first = world.open();
    void first.store.getState().sendNotInterested({ itemId: 'item-1' }, { holdMs: 5000 });
    await world.clock.settle();
    await world.clock.advance(4000);
    const held = first.store.getState().holdNotInterested('item-1', 5000);
    await world.clock.settle();
    await expect(held).resolves.toBe(true);
    // Past the first hold's end: still held, and the device's copy says so.
    await world.clock.advance(3000);
    expect(world.storedTags()?.feedback ?? []).toEqual([]);
    expect(world.outbox()[0]?.holdUntil).toBeGreaterThan(world.clock.now());
    // A reload during the longer hold waits as long, then sends it.
    first.stop();
    const second = world.open();
    const withdrawn = second.store.getState().withdrawNotInterested('item-1');
    await world.clock.settle();
    await expect(withdrawn).resolves.toBe(true);
    await world.clock.advance(10_000);
    expect(world.storedTags()?.feedback ?? []).toEqual([]);
    // Nothing left to hold.
    await expect(second.store.getState().holdNotInterested('item-1', 5000)).resolves.toBe(false);
  });

  test('feedback whose hold has ended cannot be held longer: it goes out', async () => {
    const world = createWorld({ tags: profile });
    const { store } = world.open();
    void store.getState().sendNotInterested({ itemId: 'item-1' }, { holdMs: 1000 });
    await world.clock.settle();
    await world.clock.advance(1100);
    await expect(store.getState().holdNotInterested('item-1', 5000)).resolves.toBe(false);
    expect(world.storedTags()?.feedback).toEqual([{ itemId: 'item-1' }]);
  });

  test('withdrawn during its hold, feedback leaves the outbox here and on the device and is never sent; other writes are untouched', async () => {
    const world = createWorld({ tags: profile });
    const { store } = world.open();
    void store.getState().sendNotInterested({ itemId: 'item-1' }, { holdMs: 5000 });
    world.faults.tags.reject = ['remove'];
    void store.getState().removeTags(['camping']);
    await world.clock.settle();
    expect(world.outbox()).toHaveLength(2);
    const withdrawn = store.getState().withdrawNotInterested('item-1');
    await world.clock.settle();
    await expect(withdrawn).resolves.toBe(true);
    expect(world.outbox().map((entry) => entry.method)).toEqual(['remove']);
    expect(world.events.map((event) => event.type)).toContain('tags.not-interested-undone');
    world.heal();
    await world.clock.advance(10_000);
    expect(world.storedTags()?.feedback ?? []).toEqual([]);
    expect(storedIds(world)).not.toContain('camping');
  });

  test('when the device cannot let go of held feedback, undo says so and the feedback stands, here and on the backend', async () => {
    const world = createWorld({ tags: profile });
    const { store } = world.open();
    void store.getState().sendNotInterested({ itemId: 'item-1' }, { holdMs: 5000 });
    await world.clock.settle();
    world.faults.outbox.reject = ['delete'];
    const withdrawn = store.getState().withdrawNotInterested('item-1');
    await world.clock.settle();
    await expect(withdrawn).resolves.toBe(false);
    expect(selectFeedbackStatus(store.getState(), 'item-1')).toBe('sending');
    world.heal();
    await world.clock.advance(6000);
    expect(world.storedTags()?.feedback).toEqual([{ itemId: 'item-1' }]);
  });
});

import { expect, test } from 'vitest';
import { createWorld } from '../../../test-support/world.js';
import type { TagsEvent } from './events.js';
import type { UserTagProfile } from './model.js';

const profile: UserTagProfile = {
  tags: [{ id: 'football', label: '足球', categoryId: 'sports', source: 'selected' }],
  categories: [{ id: 'sports', label: '运动' }],
  intensities: { sports: 'less' },
};

test('every step event of an intensity change names its tags (none), as the TagsEvent type promises', async () => {
  const world = createWorld({ tags: profile });
  const { store } = world.open();
  store.getState().loadTags();
  await store.getState().setTagIntensity('sports', 'more');
  // A failed change is rolled back and the old intensity written back as a protective write.
  world.faults.tags.commitThenReject = ['setIntensity'];
  await store.getState().setTagIntensity('sports', 'default');
  world.heal();
  await world.clock.advance(1000);
  const steps = world.events.filter((event): event is TagsEvent => /^tags\.(synced|sync-pending|rolled-back)$/.test(event.type));
  expect(steps.map((event) => event.type)).toEqual(['tags.synced', 'tags.rolled-back', 'tags.synced']);
  for (const event of steps) {
    expect(event).toMatchObject({ tagIds: [], categoryId: 'sports' });
  }
});

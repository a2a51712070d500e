import { render, screen } from '@testing-library/react';
import { expect, test, vi } from 'vitest';
import { createMemoryOutboxAdapter } from '../core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../rights/personalization/core/adapters.js';
import { createMemoryTagsAdapter } from '../../rights/tags/core/adapters.js';
import { tagsSlice } from '../../rights/tags/core/slice.js';
import { useRightsSlice, useRightsStore } from './rights-context.js';
import { RightsProvider } from '../../provider.js';

/** Reads the whole store, so it hears of every change: the component an update during render would hit. */
function Watcher() {
  const keys = useRightsStore('Watcher', (state) => Object.keys(state).length);
  return <p>{keys > 0 ? 'watching' : 'empty'}</p>;
}

function TagCount() {
  useRightsSlice('TagCount', tagsSlice);
  const load = useRightsStore('TagCount', (state) => state.tags.load);
  return <p>tags {load}</p>;
}

test('a component registers its slice while it renders without updating another component during that render', async () => {
  const errors = vi.spyOn(console, 'error');
  const adapters = { preferences: createMemoryPreferencesAdapter(), tags: createMemoryTagsAdapter(), outbox: createMemoryOutboxAdapter() };
  const { rerender } = render(
    <RightsProvider adapters={adapters}>
      <Watcher />
    </RightsProvider>,
  );
  // The tag component appears once the watcher is subscribed, as on a page that opens the manager later.
  rerender(
    <RightsProvider adapters={adapters}>
      <Watcher />
      <TagCount />
    </RightsProvider>,
  );
  expect(await screen.findByText('tags idle')).toBeInTheDocument();
  expect(screen.getByText('watching')).toBeInTheDocument();
  // React says "Cannot update a component while rendering a different component" when a render updates the store.
  expect(errors).not.toHaveBeenCalled();
});

test('a slice registered while rendering is in the state at once, and subscribers hear of it once it starts', () => {
  const seen: boolean[] = [];
  function Listener() {
    const hasTags = useRightsStore('Listener', (state) => 'tags' in state);
    seen.push(hasTags);
    return null;
  }
  render(
    <RightsProvider adapters={{ preferences: createMemoryPreferencesAdapter(), tags: createMemoryTagsAdapter(), outbox: createMemoryOutboxAdapter() }}>
      <Listener />
      <TagCount />
    </RightsProvider>,
  );
  expect(seen[0]).toBe(false);
  expect(seen.at(-1)).toBe(true);
});

import { act, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { createManualClock } from '../clock.js';
import { createMemoryOutboxAdapter } from '../outbox/outbox-adapters.js';
import { createRightsStore } from '../../../store.js';
import { RightsProvider } from '../../../provider.js';
import { useRightsSlice, useRightsStore } from '../../react/rights-context.js';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect.js';
import { createMemoryTagsAdapter } from '../../../rights/tags/core/adapters.js';
import { tagsSlice } from '../../../rights/tags/core/slice.js';
import { createMemoryConsentAdapter } from '../../../rights/consent/core/adapters.js';
import { consentSlice } from '../../../rights/consent/core/slice.js';
import { createMemoryComplaintDraftsAdapter, createMemoryComplaintsAdapter } from '../../../rights/complaints/core/adapters.js';
import { complaintsSlice } from '../../../rights/complaints/core/slice.js';
import type { TagsAdapter } from '../../../rights/tags/core/adapter.js';

/** An adapter whose reads fail until `online` is set. */
function flaky<Adapter extends object, Method extends keyof Adapter>(adapter: Adapter, method: Method, network: { online: boolean }): Adapter {
  const read = adapter[method];
  return {
    ...adapter,
    [method]: (...args: unknown[]) => {
      if (!network.online) {
        throw new Error('offline');
      }
      return typeof read === 'function' ? read.apply(adapter, args) : undefined;
    },
  };
}

test('retrySync reads again every slice whose load failed (tags, consent, complaints), as its doc says', async () => {
  const network = { online: false };
  const clock = createManualClock(Date.parse('2026-12-01T02:00:00Z'));
  const store = createRightsStore({
    clock,
    adapters: {
      tags: flaky(createMemoryTagsAdapter(), 'load', network),
      consent: flaky(createMemoryConsentAdapter(), 'load', network),
      complaints: flaky(createMemoryComplaintsAdapter({ cell: { value: null } }), 'list', network),
      complaintDrafts: createMemoryComplaintDraftsAdapter({ cell: { value: null } }),
      outbox: createMemoryOutboxAdapter(),
    },
    slices: [tagsSlice, consentSlice, complaintsSlice],
  });
  store.connect();
  store.getState().loadTags();
  store.getState().loadConsent();
  store.getState().loadComplaints();
  await clock.settle();
  expect([store.getState().tags.load, store.getState().consent.load, store.getState().complaints.load]).toEqual(['error', 'error', 'error']);

  network.online = true;
  await store.getState().retrySync();
  expect([store.getState().tags.load, store.getState().consent.load, store.getState().complaints.load]).toEqual(['ready', 'ready', 'ready']);
  expect(store.getState().tags.failure).toBeNull();
});

test('coming back online reads the tags again when their load failed', async () => {
  const network = { online: false };
  const tags: TagsAdapter = flaky(
    createMemoryTagsAdapter({ initial: { tags: [{ id: 'tag-1', label: '美食', categoryId: 'food', source: 'inferred', createdAt: '2026-11-30T00:00:00.000Z' }], categories: [{ id: 'food', label: '美食' }] } }),
    'load',
    network,
  );
  function TagLoad() {
    const store = useRightsSlice('TagLoad', tagsSlice);
    useIsomorphicLayoutEffect(() => store.getState().loadTags(), [store]);
    const load = useRightsStore('TagLoad', (state) => state.tags.load);
    const count = useRightsStore('TagLoad', (state) => state.tags.tags.length);
    return <p>{`tags ${load} ${count}`}</p>;
  }
  render(
    <RightsProvider adapters={{ tags, outbox: createMemoryOutboxAdapter() }}>
      <TagLoad />
    </RightsProvider>,
  );
  expect(await screen.findByText('tags error 0')).toBeInTheDocument();
  network.online = true;
  await act(async () => {
    window.dispatchEvent(new Event('online'));
  });
  expect(await screen.findByText('tags ready 1')).toBeInTheDocument();
});

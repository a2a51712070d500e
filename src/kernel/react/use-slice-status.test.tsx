import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { createMemoryOutboxAdapter } from '../core/outbox/outbox-adapters.js';
import { createMemoryTagsAdapter } from '../../rights/tags/core/adapters.js';
import type { TagsAdapter } from '../../rights/tags/core/adapter.js';
import { tagsSlice } from '../../rights/tags/core/slice.js';
import { useRightsSlice } from './rights-context.js';
import { RightsProvider } from '../../provider.js';
import { useSliceStatus } from './use-slice-status.js';

test('useSliceStatus: a failed load is hydrated with its failure; retry reads again, dismissFailure forgets', async () => {
  let online = false;
  const memory = createMemoryTagsAdapter();
  const tags: TagsAdapter = {
    ...memory,
    load: (options) => {
      if (!online) {
        throw new Error('offline');
      }
      return memory.load(options);
    },
  };
  const wrapper = ({ children }: { children: ReactNode }) => <RightsProvider adapters={{ tags, outbox: createMemoryOutboxAdapter() }}>{children}</RightsProvider>;
  const { result } = renderHook(
    () => {
      const store = useRightsSlice('Test', tagsSlice);
      return { store, status: useSliceStatus('Test', tagsSlice) };
    },
    { wrapper },
  );
  expect(result.current.status).toMatchObject({ load: 'idle', hydrated: false, syncPending: false, failure: null });
  act(() => result.current.store.getState().loadTags());
  await waitFor(() => expect(result.current.status).toMatchObject({ load: 'error', hydrated: true, failure: { code: 'read-failed', action: 'load' } }));

  online = true;
  act(() => result.current.status.retry());
  await waitFor(() => expect(result.current.status).toMatchObject({ load: 'ready', hydrated: true, failure: null }));

  act(() => {
    result.current.store.setState({ tags: { ...result.current.store.getState().tags, failure: { code: 'write-failed', action: 'select' } } });
  });
  expect(result.current.status.failure).toEqual({ code: 'write-failed', action: 'select' });
  act(() => result.current.status.dismissFailure());
  expect(result.current.status.failure).toBeNull();
});

test('useSliceStatus: syncPending and syncNotice while a deletion waits in the outbox', async () => {
  const memory = createMemoryTagsAdapter({ initial: { tags: [{ id: 't1', label: '美食', categoryId: 'food', source: 'inferred', createdAt: '2026-11-30T00:00:00.000Z' }], categories: [] } });
  const tags: TagsAdapter = { ...memory, remove: () => Promise.reject(new Error('offline')) };
  const wrapper = ({ children }: { children: ReactNode }) => <RightsProvider adapters={{ tags, outbox: createMemoryOutboxAdapter() }}>{children}</RightsProvider>;
  const { result } = renderHook(
    () => {
      const store = useRightsSlice('Test', tagsSlice);
      return { store, status: useSliceStatus('Test', tagsSlice) };
    },
    { wrapper },
  );
  await act(async () => {
    await result.current.store.getState().removeTags(['t1']);
  });
  await waitFor(() => expect(result.current.status).toMatchObject({ syncPending: true, syncNotice: true }));
});

import { expect, test } from 'vitest';
import { createMemoryComplaintDraftsAdapter, createMemoryComplaintsAdapter } from './adapters.js';
import type { ComplaintDraftsAdapter, ComplaintsAdapter } from './adapter.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import { createMemoryOutboxAdapter } from '../../../kernel/core/outbox/outbox-adapters.js';
import { createRightsStore } from '../../../store.js';
import { emptyComplaintDraft } from './model.js';
import { complaintsSlice } from './slice.js';

function open(adapters: { complaints?: ComplaintsAdapter; complaintDrafts?: ComplaintDraftsAdapter }) {
  const clock = createManualClock(Date.parse('2025-09-30T02:00:00Z'));
  const store = createRightsStore({
    clock,
    adapters: {
      complaints: adapters.complaints ?? createMemoryComplaintsAdapter({ cell: { value: null } }),
      complaintDrafts: adapters.complaintDrafts ?? createMemoryComplaintDraftsAdapter({ cell: { value: null } }),
      outbox: createMemoryOutboxAdapter({ cell: { value: null } }),
    },
    slices: [complaintsSlice],
    loadTimeoutMs: 5000,
  });
  store.connect();
  return { store, clock };
}

test('an attachment upload that never answers is aborted after the timeout: the form gets null and an upload failure', async () => {
  const signals: AbortSignal[] = [];
  const complaints: ComplaintsAdapter = {
    ...createMemoryComplaintsAdapter({ cell: { value: null } }),
    uploadAttachment: (_file, options) => {
      signals.push(options.signal);
      return new Promise(() => {});
    },
  };
  const { store, clock } = open({ complaints });
  let result: unknown = 'waiting';
  void store
    .getState()
    .uploadComplaintAttachment(new Blob(['png']))
    .then((value) => {
      result = value;
    });
  await clock.advance(4999);
  expect(result).toBe('waiting');
  await clock.advance(1);
  await clock.settle();
  expect(result).toBeNull();
  expect(signals[0]?.aborted).toBe(true);
  expect(store.getState().complaints.failure).toEqual({ code: 'write-failed', action: 'upload' });
});

test('a draft the device store never takes is given up on after the timeout, with a draft failure; the draft stays on screen', async () => {
  const complaintDrafts: ComplaintDraftsAdapter = { load: () => null, save: () => new Promise(() => {}) };
  const { store, clock } = open({ complaintDrafts });
  store.getState().saveComplaintDraft('center', { ...emptyComplaintDraft('illegal-content'), text: '草稿' });
  await clock.advance(5000);
  await clock.settle();
  expect(store.getState().complaints.failure).toEqual({ code: 'device-write-failed', action: 'draft' });
  expect(store.getState().complaints.drafts['center']?.text).toBe('草稿');
});

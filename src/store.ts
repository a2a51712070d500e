import { createLocalStorageOutboxAdapter as createKernelOutbox, type LocalStorageOutboxAdapterOptions } from './kernel/core/outbox/outbox-adapters.js';
import type { OutboxAdapter } from './kernel/core/adapters/types.js';
import { createSliceStore, type CreateRightsStoreOptions, type RightsStore } from './kernel/core/store/create-rights-store.js';
import { replayLegacyPreferences } from './rights/personalization/core/legacy-outbox.js';
import { personalizationSlice } from './rights/personalization/core/slice.js';

/**
 * The outbox in the browser's localStorage: the default. Every tab and
 * provider of the origin shares it and hears of the others' changes. It also
 * takes over what version 0.1 of the kit left pending under
 * `algorights:pending-sync` and `algorights:pending-tags`.
 */
export function createLocalStorageOutboxAdapter(options: LocalStorageOutboxAdapterOptions = {}): OutboxAdapter {
  return createKernelOutbox(options, replayLegacyPreferences);
}

/**
 * Creates one store. A `RightsProvider` makes one per mount; call this
 * yourself only to use the kit without React. Personalization is always
 * there; the slices in `options.slices` join it.
 */
export function createRightsStore(options: CreateRightsStoreOptions = {}): RightsStore {
  return createSliceStore({
    ...options,
    adapters: { ...options.adapters, outbox: options.adapters?.outbox ?? createLocalStorageOutboxAdapter() },
    slices: [personalizationSlice, ...(options.slices ?? [])],
  });
}

export type { CreateRightsStoreOptions, RightsDefaults, RightsInitialState, RightsStore } from './kernel/core/store/create-rights-store.js';

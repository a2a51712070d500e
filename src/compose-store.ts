import { createLocalStorageOutboxAdapter as createKernelOutbox, type LocalStorageOutboxAdapterOptions } from './kernel/core/outbox/outbox-adapters.js';
import type { OutboxAdapter } from './kernel/core/adapters/types.js';
import type { WriteEngineOptions } from './kernel/core/engine/engine-options.js';
import type { WriteEngine } from './kernel/core/engine/write-engine.js';
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
 * The kernel's store with personalization, always there, first, and the outbox that replays what 0.1 left;
 * on the engine `createWriteEngine` makes. Here, apart from the engine, so that the provider can load it later.
 */
export function composeRightsStore(options: CreateRightsStoreOptions, createWriteEngine: (engineOptions: WriteEngineOptions) => WriteEngine): RightsStore {
  return createSliceStore(
    {
      ...options,
      adapters: { ...options.adapters, outbox: options.adapters?.outbox ?? createLocalStorageOutboxAdapter() },
      slices: [personalizationSlice, ...(options.slices ?? [])],
    },
    createWriteEngine,
  );
}

import { composeRightsStore } from './compose-store.js';
import { createWriteEngine } from './kernel/core/engine/write-engine.js';
import type { CreateRightsStoreOptions, RightsStore } from './kernel/core/store/create-rights-store.js';

export { createLocalStorageOutboxAdapter } from './compose-store.js';

/**
 * Creates one store. A `RightsProvider` makes one per mount; call this
 * yourself only to use the kit without React. Personalization is always
 * there; the slices in `options.slices` join it. The write engine is part of
 * it at once (a provider loads its engine after the first paint).
 */
export function createRightsStore(options: CreateRightsStoreOptions = {}): RightsStore {
  return composeRightsStore(options, createWriteEngine);
}

export type { CreateRightsStoreOptions, RightsDefaults, RightsInitialState, RightsStore } from './kernel/core/store/create-rights-store.js';

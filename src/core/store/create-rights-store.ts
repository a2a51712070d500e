import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLocalStoragePreferencesAdapter } from '../adapters/local-storage-preferences-adapter.js';
import { createLocalStoragePendingTagsAdapter, createLocalStorageTagsAdapter } from '../adapters/tags-adapters.js';
import type { PreferencesAdapter, RightsAdapters } from '../adapters/types.js';
import { RightsDeveloperError, type RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { PersonalizationPreferences } from '../types.js';
import { createPersonalizationSlice, defaultPersonalization, type PersonalizationSlice } from './slices/personalization-slice.js';
import { createTagsSlice, type TagsSlice } from './slices/tags-slice.js';
import type { SliceContext } from './async.js';

/** The whole store: one slice per concern. */
export type RightsState = PersonalizationSlice & TagsSlice;

/** A store made by {@link createRightsStore}. */
export type RightsStore = StoreApi<RightsState>;

/** State known before anything loads, for example from a cookie the server read. */
export interface RightsInitialState {
  /** The user's personalization choices as the server knows them. */
  personalization?: PersonalizationPreferences;
}

export interface CreateRightsStoreOptions {
  /** Where state is read and written. Default: the browser's localStorage, which works with no backend. */
  adapters?: RightsAdapters;
  /** State the server already knows, for example from a cookie: controls render it at once, with no placeholder. */
  initialState?: RightsInitialState;
  /** What a user with nothing stored starts with. Default: everything personalized, the ordinary service. */
  defaults?: { personalization?: PersonalizationPreferences };
  /** Receives every rights action, for the audit log (ALG 28). */
  onEvent?: (event: RightsEvent) => void;
  /** Receives every runtime failure; the user sees a localized message, never an exception. */
  onError?: (error: RightsError) => void;
  /** How long a write may take before it counts as failed. Default: 8000 ms. */
  writeTimeoutMs?: number;
  /** Delay before the first retry of a pending write; it doubles up to 60 s. Default: 2000 ms. */
  retryDelayMs?: number;
  /** The clock. Default: `() => new Date()`. */
  now?: () => Date;
}

const REQUIRED_METHODS = {
  preferences: ['load', 'save', 'clear'],
  pendingSync: ['load', 'save', 'clear'],
  tags: ['load', 'remove'],
  pendingTags: ['load', 'save', 'clear'],
} as const;

const ADVICE = {
  preferences:
    'start from createMemoryPreferencesAdapter() or createLocalStoragePreferencesAdapter(), and check yours with runAdapterConformance()',
  pendingSync: 'use createLocalStoragePreferencesAdapter({ key }) or createMemoryPreferencesAdapter()',
  tags: 'start from createMemoryTagsAdapter() or createLocalStorageTagsAdapter(), and check yours with runTagsAdapterConformance()',
  pendingTags: 'use createLocalStoragePendingTagsAdapter() or createMemoryPendingTagsAdapter()',
} as const;

function assertAdapter<Adapter extends object>(adapter: Adapter, name: keyof typeof REQUIRED_METHODS): Adapter {
  const required: readonly string[] = REQUIRED_METHODS[name];
  const missing = required.filter((method) => typeof (adapter as Record<string, unknown>)[method] !== 'function');
  if (missing.length > 0) {
    throw new RightsDeveloperError(
      `adapters.${name} has no ${missing.map((method) => `${method}()`).join(', ')}. It needs ` +
        `${required.map((method) => `${method}()`).join(', ')}; ${ADVICE[name]}.`,
    );
  }
  return adapter;
}

/**
 * Creates one store. A `RightsProvider` makes one per mount; call this
 * yourself only to use the kit without React.
 */
export function createRightsStore(options: CreateRightsStoreOptions = {}): RightsStore {
  const adapters = options.adapters ?? {};
  const preferences = assertAdapter(adapters.preferences ?? createLocalStoragePreferencesAdapter(), 'preferences');
  const pendingSync = assertAdapter(
    adapters.pendingSync ?? createLocalStoragePreferencesAdapter({ key: 'algorights:pending-sync' }),
    'pendingSync',
  );
  const context: SliceContext = {
    emit: (event) => options.onEvent?.(event),
    reportError: (error) => options.onError?.(error),
    now: options.now ?? (() => new Date()),
    writeTimeoutMs: options.writeTimeoutMs ?? 8000,
    retryDelayMs: options.retryDelayMs ?? 2000,
    maxRetryDelayMs: 60_000,
  };
  const personalization = createPersonalizationSlice<RightsState>(
    { ...context, preferences, pendingSync, defaults: options.defaults?.personalization ?? defaultPersonalization() },
    options.initialState?.personalization,
  );
  const tags = createTagsSlice<RightsState>({
    ...context,
    tags: assertAdapter(adapters.tags ?? createLocalStorageTagsAdapter(), 'tags'),
    pendingTags: assertAdapter(adapters.pendingTags ?? createLocalStoragePendingTagsAdapter(), 'pendingTags'),
  });
  return createStore<RightsState>()((...args) => ({
    ...personalization(...args),
    ...tags(...args),
  }));
}

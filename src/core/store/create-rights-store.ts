import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLocalStoragePreferencesAdapter } from '../adapters/local-storage-preferences-adapter.js';
import type { PreferencesAdapter, RightsAdapters } from '../adapters/types.js';
import { RightsDeveloperError, type RightsError } from '../errors.js';
import type { RightsEvent } from '../events.js';
import type { PersonalizationPreferences } from '../types.js';
import { createPersonalizationSlice, defaultPersonalization, type PersonalizationSlice } from './slices/personalization-slice.js';

/** The whole store: one slice per concern. */
export type RightsState = PersonalizationSlice;

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

function assertAdapter(adapter: PreferencesAdapter, name: string): PreferencesAdapter {
  const missing = (['load', 'save', 'clear'] as const).filter((method) => typeof adapter[method] !== 'function');
  if (missing.length > 0) {
    throw new RightsDeveloperError(
      `adapters.${name} has no ${missing.map((method) => `${method}()`).join(', ')}. A PreferencesAdapter needs ` +
        'load(), save() and clear(); start from createMemoryPreferencesAdapter() or ' +
        'createLocalStoragePreferencesAdapter(), and check yours with runAdapterConformance().',
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
  const personalization = createPersonalizationSlice<RightsState>(
    {
      preferences,
      pendingSync,
      defaults: options.defaults?.personalization ?? defaultPersonalization(),
      emit: (event) => options.onEvent?.(event),
      reportError: (error) => options.onError?.(error),
      now: options.now ?? (() => new Date()),
      writeTimeoutMs: options.writeTimeoutMs ?? 8000,
      retryDelayMs: options.retryDelayMs ?? 2000,
      maxRetryDelayMs: 60_000,
    },
    options.initialState?.personalization,
  );
  return createStore<RightsState>()((...args) => ({
    ...personalization(...args),
  }));
}

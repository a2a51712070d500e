export {
  PERSONALIZATION_SCOPES,
  type Awaitable,
  type PersonalizationPreferences,
  type PersonalizationScope,
  type PersonalizationTarget,
  type RecommendationMode,
  type ScopeModes,
  type SliceStatus,
} from './core/types.js';
export { RightsDeveloperError, RightsError, type RightsErrorCode } from './core/errors.js';
export { type PersonalizationEventType, type RightsEvent } from './core/events.js';
export { PREFERENCES_VERSION, parseStoredPreferences, type StoredPreferences } from './core/schema.js';
export type { PreferencesAdapter, RightsAdapters } from './core/adapters/types.js';
export {
  createMemoryPreferencesAdapter,
  type MemoryCell,
  type MemoryPreferencesAdapterOptions,
} from './core/adapters/memory-preferences-adapter.js';
export {
  createLocalStoragePreferencesAdapter,
  type KeyValueStorage,
  type LocalStoragePreferencesAdapterOptions,
} from './core/adapters/local-storage-preferences-adapter.js';
export { withAdapterFaults, type AdapterFaults } from './core/adapters/fault-injection.js';
export {
  runAdapterConformance,
  type AdapterConformanceOptions,
  type ConformanceRunner,
  type ConformanceSubject,
} from './core/adapters/conformance/run-adapter-conformance.js';
export {
  createRightsStore,
  type CreateRightsStoreOptions,
  type RightsInitialState,
  type RightsState,
  type RightsStore,
} from './core/store/create-rights-store.js';
export type { PersonalizationSlice, PersonalizationState } from './core/store/slices/personalization-slice.js';
export {
  RIGHTS_LOCALES,
  RIGHTS_NAMESPACE,
  resolveRightsLocale,
  type MessageKey,
  type MessageOverrides,
  type RightsLocale,
  type RightsMessages,
} from './core/i18n/messages.js';
export { RightsProvider, type RightsProviderProps } from './provider/rights-provider.js';
export { useRecommendationMode } from './provider/use-recommendation-mode.js';
export { usePersonalizationStatus, type PersonalizationStatus } from './provider/use-personalization-status.js';
export {
  PersonalizationSwitch,
  usePersonalizationSwitch,
  type PersonalizationSwitchProps,
  type UsePersonalizationSwitchOptions,
} from './components/personalization-switch/index.js';

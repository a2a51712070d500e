export {
  PERSONALIZATION_SCOPES,
  type Awaitable,
  type PersonalizationPreferences,
  type PersonalizationScope,
  type PersonalizationTarget,
  type RecommendationMode,
  type RecommendationModeData,
  type ScopeModes,
  type SliceStatus,
} from './core/types.js';
export { RightsDeveloperError, RightsError, type RightsErrorCode } from './core/errors.js';
export {
  type PersonalizationEvent,
  type PersonalizationEventType,
  type RightsEvent,
  type TagsEvent,
  type TagsEventType,
} from './core/events.js';
export { FILING_NUMBER_PATTERN, FILING_RECORD_URL, assertFilingNumber, type AlgorithmFiling } from './core/filing.js';
export {
  OTHER_CATEGORY_ID,
  TAG_INTENSITIES,
  TAG_SOURCES,
  compileBlocklist,
  groupByCategory,
  isTagAllowed,
  parseUserTagProfile,
  type InterestOption,
  type NotInterestedFeedback,
  type StoredPendingTags,
  type TagBlocklist,
  type TagCategory,
  type TagGroup,
  type TagIntensity,
  type TagSource,
  type UserTag,
  type UserTagProfile,
} from './core/tags.js';
export { PREFERENCES_VERSION, parseStoredPreferences, type StoredPreferences } from './core/schema.js';
export type { PendingTagsAdapter, PreferencesAdapter, RightsAdapters, TagsAdapter } from './core/adapters/types.js';
export {
  STORED_TAGS_VERSION,
  createLocalStoragePendingTagsAdapter,
  createLocalStorageTagsAdapter,
  createMemoryPendingTagsAdapter,
  createMemoryTagsAdapter,
  toStoredTags,
  type LocalStorageTagsAdapterOptions,
  type MemoryTagsAdapterOptions,
  type StoredTags,
} from './core/adapters/tags-adapters.js';
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
  runTagsAdapterConformance,
  type TagsAdapterCapability,
  type TagsAdapterConformanceOptions,
  type TagsConformanceSubject,
} from './core/adapters/conformance/run-tags-adapter-conformance.js';
export {
  createRightsStore,
  type CreateRightsStoreOptions,
  type RightsInitialState,
  type RightsState,
  type RightsStore,
} from './core/store/create-rights-store.js';
export type { PersonalizationSlice, PersonalizationState } from './core/store/slices/personalization-slice.js';
export type {
  FeedbackStatus,
  TagCapabilities,
  TagsFailedAction,
  TagsSlice,
  TagsState,
} from './core/store/slices/tags-slice.js';
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
export {
  PERSONALIZED,
  RecommendationModePicker,
  useRecommendationModePicker,
  type RecommendationModePickerProps,
  type RecommendationStrategy,
  type UseRecommendationModePickerOptions,
} from './components/recommendation-mode-picker/index.js';
export {
  AlgorithmDisclosure,
  WhyRecommended,
  useAlgorithmFilings,
  type AlgorithmDisclosureProps,
  type WhyRecommendedProps,
} from './components/algorithm-disclosure/index.js';
export {
  UserTagManager,
  useUserTagManager,
  type PendingConfirmation,
  type UseUserTagManagerOptions,
  type UserTagManagerProps,
} from './components/user-tag-manager/index.js';
export {
  NOT_INTERESTED_REASONS,
  NotInterestedButton,
  useNotInterestedButton,
  type NotInterestedButtonProps,
  type NotInterestedReason,
  type UseNotInterestedButtonOptions,
} from './components/not-interested-button/index.js';

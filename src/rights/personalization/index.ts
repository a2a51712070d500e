// Personalization's public names, which the package root (src/index.ts) re-exports: its core (model, adapters, conformance
// suite, slice, events), then its components and hooks. src/package-exports.test.ts holds the list. The register
// import brings the right's types into the kernel's RightsRegistry by declaration merging.
import './core/register.js';
export { type PersonalizationEvent, type PersonalizationEventType } from './core/events.js';
export { mergePreferenceRecords } from './core/model.js';
export { parsePreferencesRecord } from './core/schema.js';
export type { PreferencesAdapter } from './core/adapter.js';
export {
  STORED_PREFERENCES_VERSION,
  createLocalStoragePreferencesAdapter,
  createMemoryPreferencesAdapter,
  type LocalStoragePreferencesAdapterOptions,
  type MemoryPreferencesAdapterOptions,
} from './core/adapters.js';
export {
  runPreferencesAdapterConformance,
  type PreferencesAdapterConformanceOptions,
  type PreferencesInspector,
} from './core/conformance.js';
export {
  personalizationSlice,
  type PersonalizationAction,
  type PersonalizationSlice,
  type PersonalizationState,
} from './core/slice.js';
export { selectMinorContentPool, selectRecommendationMode, type RecommendationModeWithMinor } from './core/selectors.js';
export { PersonalizationSwitch, type PersonalizationSwitchProps } from './personalization-switch.js';
export {
  usePersonalizationSwitch,
  type UsePersonalizationSwitchOptions,
  type UsePersonalizationSwitchResult,
} from './use-personalization-switch.js';
export { useRecommendationMode } from './use-recommendation-mode.js';
export { usePersonalizationStatus, type UsePersonalizationStatusResult } from './use-personalization-status.js';
export { RecommendationModePicker, type RecommendationModePickerProps } from './recommendation-mode-picker.js';
export {
  PERSONALIZED,
  useRecommendationModePicker,
  type RecommendationStrategy,
  type UseRecommendationModePickerOptions,
  type UseRecommendationModePickerResult,
} from './use-recommendation-mode-picker.js';

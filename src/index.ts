// The package root: the kernel's exports, then one line per right. Each right's index.ts exports its core types,
// adapters, conformance suite, slice, components and hooks; src/package-exports.test.ts holds the list of names.
// Adding a right adds one line here (and one in src/testing.ts for its page objects).
export {
  PERSONALIZATION_SCOPES,
  PREFERENCE_FIELDS,
  type Awaitable,
  type LoadState,
  type PersonalizationPreferences,
  type PersonalizationScope,
  type PersonalizationTarget,
  type PreferenceField,
  type PreferenceRevisions,
  type PreferencesRecord,
  type RecommendationMode,
  type RecommendationModeData,
  type ScopeModes,
} from './kernel/core/types.js';
export { createManualClock, systemClock, type ManualClock, type RightsClock } from './kernel/core/clock.js';
export { RightsDeveloperError, RightsError, type RightsErrorCode, type RightsFailure } from './kernel/core/errors.js';
export { type RightsEvent, type WriteStep } from './kernel/core/events.js';
export { assertSafeHref } from './kernel/core/safe-href.js';
export type { AdapterName, OutboxAdapter, ReadOptions, RightsAdapters, Subscribe, WriteOptions } from './kernel/core/adapters/types.js';
export type { KeyValueStorage, MemoryCell } from './kernel/core/adapters/storage.js';
export {
  STORED_OUTBOX_VERSION,
  createMemoryOutboxAdapter,
  type LocalStorageOutboxAdapterOptions,
  type MemoryOutboxAdapterOptions,
} from './kernel/core/outbox/outbox-adapters.js';
export { createLocalStorageOutboxAdapter } from './store.js';
export { withAdapterFaults, type AdapterFaults } from './kernel/core/adapters/fault-injection.js';
export type { ConformanceRunner } from './kernel/core/adapters/conformance.js';
export {
  runOutboxAdapterConformance,
  type OutboxAdapterConformanceOptions,
  type OutboxInspector,
} from './kernel/core/outbox/outbox-conformance.js';
export {
  createRightsStore,
  type CreateRightsStoreOptions,
  type RightsDefaults,
  type RightsInitialState,
  type RightsStore,
} from './store.js';
export type { CoreSlice } from './kernel/core/store/core-slice.js';
export type { RightsState } from './kernel/core/store/registry.js';
export type { SliceContext, SliceDescriptor } from './kernel/core/store/define-slice.js';
export type { OutboxEntry, WritePolicy } from './kernel/core/outbox/outbox.js';
export type { OutboxState, SliceWriteHandler, WriteRequest } from './kernel/core/engine/write-engine.js';
export {
  RIGHTS_LOCALES,
  RIGHTS_NAMESPACE,
  resolveRightsLocale,
  type MessageKey,
  type MessageOverrides,
  type RightsLocale,
  type RightsMessages,
} from './kernel/core/i18n/messages.js';
export { RightsProvider, type RightsProviderProps } from './provider.js';
export {
  CHINA_TIME_ZONE,
  PRC_WORKING_DAY_CALENDAR,
  addWorkingDays,
  isWorkingDay,
  toCalendarDate,
  workingDaysBetween,
  type CalendarDate,
  type CalendarDays,
  type DateInput,
  type WorkingDayCalendar,
} from './kernel/core/calendar.js';
export { selectSyncPending } from './kernel/core/store/selectors.js';
export type { OverlayContainer } from './kernel/ui/portal-scope.js';
export * from './rights/disclosure/index.js';
export * from './rights/personalization/index.js';
export * from './rights/tags/index.js';
export * from './rights/feedback/index.js';
export * from './rights/complaints/index.js';
export * from './rights/consent/index.js';
export * from './rights/minor-mode/index.js';

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
} from './core/types.js';
export { createManualClock, systemClock, type ManualClock, type RightsClock } from './core/clock.js';
export { RightsDeveloperError, RightsError, type RightsErrorCode, type RightsFailure } from './core/errors.js';
export {
  type PersonalizationEvent,
  type PersonalizationEventType,
  type RightsEvent,
  type TagsEvent,
  type TagsEventType,
  type WriteStep,
} from './core/events.js';
export {
  FILING_NUMBER_PATTERN,
  FILING_RECORD_URL,
  assertFilingNumber,
  assertGenerativeAiFiling,
  type AlgorithmFiling,
  type FilingStatus,
  type GenerativeAiFiling,
} from './core/filing.js';
export { assertSafeHref } from './core/safe-href.js';
export { mergePreferenceRecords } from './core/personalization-model.js';
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
  type ParsedTagProfile,
  type TagBlocklist,
  type TagCategory,
  type TagGroup,
  type TagIntensity,
  type TagSource,
  type UserTag,
  type UserTagProfile,
} from './core/tags.js';
export { parsePreferencesRecord } from './core/schema.js';
export type {
  AdapterName,
  OutboxAdapter,
  PreferencesAdapter,
  ReadOptions,
  RightsAdapters,
  Subscribe,
  TagsAdapter,
  WriteOptions,
} from './core/adapters/types.js';
export type { KeyValueStorage, MemoryCell } from './core/adapters/storage.js';
export {
  STORED_PREFERENCES_VERSION,
  createLocalStoragePreferencesAdapter,
  createMemoryPreferencesAdapter,
  type LocalStoragePreferencesAdapterOptions,
  type MemoryPreferencesAdapterOptions,
} from './core/adapters/preferences-adapters.js';
export {
  STORED_TAGS_VERSION,
  createLocalStorageTagsAdapter,
  createMemoryTagsAdapter,
  toStoredTags,
  type LocalStorageTagsAdapterOptions,
  type MemoryTagsAdapterOptions,
  type StoredTags,
} from './core/adapters/tags-adapters.js';
export {
  STORED_OUTBOX_VERSION,
  createLocalStorageOutboxAdapter,
  createMemoryOutboxAdapter,
  type LocalStorageOutboxAdapterOptions,
  type MemoryOutboxAdapterOptions,
} from './core/adapters/outbox-adapters.js';
export { withAdapterFaults, type AdapterFaults } from './core/adapters/fault-injection.js';
export type { ConformanceRunner } from './core/adapters/conformance/runner.js';
export {
  runPreferencesAdapterConformance,
  type PreferencesAdapterConformanceOptions,
  type PreferencesInspector,
} from './core/adapters/conformance/run-preferences-adapter-conformance.js';
export {
  runTagsAdapterConformance,
  type TagsAdapterCapability,
  type TagsAdapterConformanceOptions,
  type TagsInspector,
} from './core/adapters/conformance/run-tags-adapter-conformance.js';
export {
  runOutboxAdapterConformance,
  type OutboxAdapterConformanceOptions,
  type OutboxInspector,
} from './core/adapters/conformance/run-outbox-adapter-conformance.js';
export {
  createRightsStore,
  type CreateRightsStoreOptions,
  type RightsDefaults,
  type RightsInitialState,
  type RightsStore,
} from './core/store/create-rights-store.js';
export type { CoreSlice, RightsState } from './core/store/rights-state.js';
export type { SliceContext, SliceDescriptor } from './core/store/slice.js';
export type { OutboxEntry, WritePolicy } from './core/store/outbox.js';
export type { OutboxState, SliceWriteHandler, WriteRequest } from './core/store/write-engine.js';
export { selectRecommendationMode, selectSyncPending } from './core/store/selectors.js';
export {
  personalizationSlice,
  type PersonalizationAction,
  type PersonalizationSlice,
  type PersonalizationState,
} from './core/store/slices/personalization-slice.js';
export {
  selectFeedbackStatus,
  tagsSlice,
  type FeedbackStatus,
  type TagCapabilities,
  type TagsAction,
  type TagsSlice,
  type TagsState,
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
export { usePersonalizationStatus, type UsePersonalizationStatusResult } from './provider/use-personalization-status.js';
export {
  PersonalizationSwitch,
  usePersonalizationSwitch,
  type PersonalizationSwitchProps,
  type UsePersonalizationSwitchOptions,
  type UsePersonalizationSwitchResult,
} from './components/personalization-switch/index.js';
export {
  PERSONALIZED,
  RecommendationModePicker,
  useRecommendationModePicker,
  type RecommendationModePickerProps,
  type RecommendationStrategy,
  type UseRecommendationModePickerOptions,
  type UseRecommendationModePickerResult,
} from './components/recommendation-mode-picker/index.js';
export {
  AlgorithmDisclosure,
  WhyRecommended,
  useAlgorithmFilings,
  useWhyRecommended,
  type AlgorithmDisclosureProps,
  type OverlayContainer,
  type UseAlgorithmFilingsOptions,
  type UseAlgorithmFilingsResult,
  type UseWhyRecommendedResult,
  type WhyRecommendedBasis,
  type WhyRecommendedProps,
  type WhyRecommendedStrategy,
} from './components/algorithm-disclosure/index.js';
export {
  TagDeletionOffer,
  UserTagManager,
  useUserTagManager,
  type TagDeletionOfferProps,
  type PendingConfirmation,
  type UseUserTagManagerOptions,
  type UseUserTagManagerResult,
  type UserTagManagerProps,
} from './components/user-tag-manager/index.js';
export {
  NOT_INTERESTED_REASONS,
  NotInterestedButton,
  useNotInterestedButton,
  type NotInterestedButtonProps,
  type NotInterestedReason,
  type UseNotInterestedButtonOptions,
  type UseNotInterestedButtonResult,
} from './components/not-interested-button/index.js';
export {
  COMPLAINT_DEADLINE_CEILING,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  DEFAULT_ATTACHMENT_LIMITS,
  complaintDeadline,
  parseComplaintTicket,
  type AttachmentLimits,
  type AttachmentRejection,
  type Complainant,
  type Complaint,
  type ComplaintAttachment,
  type ComplaintDeadlines,
  type ComplaintDraft,
  type ComplaintKind,
  type ComplaintRefusal,
  type ComplaintStatus,
  type ComplaintSubject,
  type ComplaintTicket,
} from './core/complaints.js';
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
} from './core/working-days.js';
export type { ComplaintDraftsAdapter, ComplaintsAdapter } from './core/adapters/types.js';
export {
  STORED_COMPLAINTS_VERSION,
  createLocalStorageComplaintDraftsAdapter,
  createLocalStorageComplaintsAdapter,
  createMemoryComplaintDraftsAdapter,
  createMemoryComplaintsAdapter,
  type EmbeddedComplaintsAdapterOptions,
  type LocalStorageComplaintsAdapterOptions,
  type MemoryComplaintsAdapterOptions,
  type StoredComplaints,
} from './core/adapters/complaints-adapters.js';
export {
  runComplaintsAdapterConformance,
  type ComplaintsAdapterConformanceOptions,
  type ComplaintsInspector,
} from './core/adapters/conformance/run-complaints-adapter-conformance.js';
export {
  complaintsSlice,
  selectPendingComplaints,
  type ComplaintsAction,
  type ComplaintsCapabilities,
  type ComplaintsSlice,
  type ComplaintsState,
  type RightsStateWithComplaints,
} from './core/store/slices/complaints-slice.js';
export { type ComplaintsEvent, type ComplaintsEventType } from './core/events.js';
export {
  ComplaintCenter,
  ComplaintForm,
  ComplaintTickets,
  REPORT_KINDS,
  ReportButton,
  ticketDue,
  useComplaintForm,
  useComplaintTickets,
  useComplaints,
  type AttachmentRejectionNotice,
  type ComplaintCenterProps,
  type ComplaintDeadlineOptions,
  type ComplaintFormProps,
  type ComplaintTicketsProps,
  type ReportButtonProps,
  type TicketDue,
  type UseComplaintFormOptions,
  type UseComplaintFormResult,
  type UseComplaintTicketsOptions,
  type UseComplaintTicketsResult,
  type UseComplaintsResult,
} from './components/complaint-entry/index.js';
export {
  DEFAULT_CONSENT_QUIET_PERIOD_MS,
  GUARDIAN_CONSENT_AGE,
  SEPARATE_CONSENT_PURPOSES,
  consentShownText,
  consentStanding,
  createConsentReceipt,
  needsGuardianConsent,
  parseStoredConsentReceipt,
  sha256Hex,
  type ConsentChange,
  type ConsentDocument,
  type ConsentDocumentKind,
  type ConsentEventKind,
  type ConsentReceipt,
  type ConsentReceiptInput,
  type ConsentRecipient,
  type ConsentStanding,
  type SeparateConsentPurpose,
  type SeparateConsentRequest,
  type StoredConsentReceipt,
} from './core/consent.js';
export type { ConsentAdapter } from './core/adapters/types.js';
export {
  CONSENT_STORAGE_KEY,
  STORED_CONSENT_VERSION,
  createLocalStorageConsentAdapter,
  createMemoryConsentAdapter,
  toStoredConsentReceipt,
  type EmbeddedConsentAdapterOptions,
  type LocalStorageConsentAdapterOptions,
  type MemoryConsentAdapterOptions,
  type StoredConsent,
} from './core/adapters/consent-adapters.js';
export {
  runConsentAdapterConformance,
  type ConsentAdapterConformanceOptions,
  type ConsentInspector,
} from './core/adapters/conformance/run-consent-adapter-conformance.js';
export {
  consentSlice,
  selectEffectiveReceipts,
  selectPendingConsent,
  type ConsentAction,
  type ConsentSlice,
  type ConsentState,
  type RightsStateWithConsent,
} from './core/store/slices/consent-slice.js';
export { type ConsentEvent, type ConsentEventType } from './core/events.js';
export {
  AgreementConsent,
  ConsentSettings,
  EDITED_PERSON_INFORMED,
  SeparateConsent,
  useAgreementConsent,
  useConsent,
  useConsentSettings,
  useSeparateConsent,
  type AgreementConsentProps,
  type AgreementPhase,
  type ConsentPresentation,
  type ConsentSettingsItem,
  type ConsentSettingsProps,
  type SeparateConsentPhase,
  type SeparateConsentProps,
  type UseAgreementConsentOptions,
  type UseAgreementConsentResult,
  type UseConsentResult,
  type UseConsentSettingsOptions,
  type UseConsentSettingsResult,
  type UseSeparateConsentOptions,
  type UseSeparateConsentResult,
} from './components/agreement-consent/index.js';
export {
  CURFEW_END_MINUTES,
  CURFEW_START_MINUTES,
  MINOR_AGE_BANDS,
  PIN_ATTEMPTS,
  REST_AFTER_MS,
  STRICTEST_AGE_BAND,
  checkSpending,
  defaultDailyLimitMinutes,
  defaultMinorModeSettings,
  defaultSpendingCaps,
  inCurfew,
  minorModeStatus,
  parseMinorModeRecord,
  type MinorAgeBand,
  type MinorModeLockReason,
  type MinorModeRecord,
  type MinorModeSettings as MinorModeSettingsData,
  type MinorModeSource,
  type MinorModeStatus,
  type MinorModeUsage,
  type SpendingCaps,
  type SpendingVerdict,
} from './core/minor-mode.js';
export { DEFAULT_PIN_ITERATIONS, type HashedPin } from './core/minor-mode-pin.js';
export type { DeviceMinorModeSignal, GuardianPurpose, MinorModeAdapter } from './core/adapters/types.js';
export {
  STORED_MINOR_MODE_VERSION,
  createLocalStorageMinorModeAdapter,
  createMemoryMinorModeAdapter,
  type EmbeddedMinorModeAdapter,
  type EmbeddedMinorModeAdapterOptions,
  type LocalStorageMinorModeAdapterOptions,
  type MemoryMinorModeAdapterOptions,
} from './core/adapters/minor-mode-adapters.js';
export {
  runMinorModeAdapterConformance,
  type MinorModeAdapterConformanceOptions,
  type MinorModeInspector,
} from './core/adapters/conformance/run-minor-mode-adapter-conformance.js';
export {
  minorModeSlice,
  type EnterMinorModeOptions,
  type GuardianResult,
  type MinorContentPool,
  type MinorModeAction,
  type MinorModeSlice,
  type MinorModeState,
  type RightsStateWithMinorMode,
} from './core/store/slices/minor-mode-slice.js';
export { selectMinorContentPool, type RecommendationModeWithMinor } from './core/store/selectors.js';
export { type MinorModeEvent, type MinorModeEventType } from './core/events.js';
export {
  GuardianVerification,
  MinorModeEntryPrompt,
  MinorModeGate,
  MinorModeSettings,
  formatMinorModeTime,
  useMinorMode,
  useSpendingGuard,
  type GuardianVerificationProps,
  type MinorModeEntryPromptProps,
  type MinorModeGateProps,
  type MinorModeSettingsProps,
  type UseMinorModeResult,
  type UseSpendingGuardResult,
} from './components/minor-mode/index.js';

import './rights/personalization/core/register.js';
import './rights/tags/core/register.js';
import './rights/complaints/core/register.js';
import './rights/consent/core/register.js';
import './rights/minor-mode/core/register.js';
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
export { type PersonalizationEvent, type PersonalizationEventType } from './rights/personalization/core/events.js';
export { type TagsEvent, type TagsEventType } from './rights/tags/core/events.js';
export {
  FILING_NUMBER_PATTERN,
  FILING_RECORD_URL,
  assertFilingNumber,
  assertGenerativeAiFiling,
  type AlgorithmFiling,
  type FilingStatus,
  type GenerativeAiFiling,
} from './rights/disclosure/core/filing.js';
export { assertSafeHref } from './kernel/core/safe-href.js';
export { mergePreferenceRecords } from './rights/personalization/core/model.js';
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
} from './rights/tags/core/model.js';
export { parsePreferencesRecord } from './rights/personalization/core/schema.js';
export type { AdapterName, OutboxAdapter, ReadOptions, RightsAdapters, Subscribe, WriteOptions } from './kernel/core/adapters/types.js';
export type { PreferencesAdapter } from './rights/personalization/core/adapter.js';
export type { TagsAdapter } from './rights/tags/core/adapter.js';
export type { KeyValueStorage, MemoryCell } from './kernel/core/adapters/storage.js';
export {
  STORED_PREFERENCES_VERSION,
  createLocalStoragePreferencesAdapter,
  createMemoryPreferencesAdapter,
  type LocalStoragePreferencesAdapterOptions,
  type MemoryPreferencesAdapterOptions,
} from './rights/personalization/core/adapters.js';
export {
  STORED_TAGS_VERSION,
  createLocalStorageTagsAdapter,
  createMemoryTagsAdapter,
  toStoredTags,
  type LocalStorageTagsAdapterOptions,
  type MemoryTagsAdapterOptions,
  type StoredTags,
} from './rights/tags/core/adapters.js';
export { createLocalStorageOutboxAdapter } from './store.js';
export {
  STORED_OUTBOX_VERSION,
  createMemoryOutboxAdapter,
  type LocalStorageOutboxAdapterOptions,
  type MemoryOutboxAdapterOptions,
} from './kernel/core/outbox/outbox-adapters.js';
export { withAdapterFaults, type AdapterFaults } from './kernel/core/adapters/fault-injection.js';
export type { ConformanceRunner } from './kernel/core/adapters/conformance.js';
export {
  runPreferencesAdapterConformance,
  type PreferencesAdapterConformanceOptions,
  type PreferencesInspector,
} from './rights/personalization/core/conformance.js';
export {
  runTagsAdapterConformance,
  type TagsAdapterCapability,
  type TagsAdapterConformanceOptions,
  type TagsInspector,
} from './rights/tags/core/conformance.js';
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
export { selectRecommendationMode, selectSyncPending } from './rights/personalization/core/selectors.js';
export {
  personalizationSlice,
  type PersonalizationAction,
  type PersonalizationSlice,
  type PersonalizationState,
} from './rights/personalization/core/slice.js';
export {
  selectFeedbackStatus,
  tagsSlice,
  type FeedbackStatus,
  type TagCapabilities,
  type TagsAction,
  type TagsSlice,
  type TagsState,
} from './rights/tags/core/slice.js';
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
export { useRecommendationMode } from './rights/personalization/use-recommendation-mode.js';
export { usePersonalizationStatus, type UsePersonalizationStatusResult } from './rights/personalization/use-personalization-status.js';
export {
  PersonalizationSwitch,
  usePersonalizationSwitch,
  type PersonalizationSwitchProps,
  type UsePersonalizationSwitchOptions,
  type UsePersonalizationSwitchResult,
} from './rights/personalization/index.js';
export {
  PERSONALIZED,
  RecommendationModePicker,
  useRecommendationModePicker,
  type RecommendationModePickerProps,
  type RecommendationStrategy,
  type UseRecommendationModePickerOptions,
  type UseRecommendationModePickerResult,
} from './rights/personalization/recommendation-mode-picker-index.js';
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
} from './rights/disclosure/index.js';
export {
  TagDeletionOffer,
  UserTagManager,
  useUserTagManager,
  type TagDeletionOfferProps,
  type PendingConfirmation,
  type UseUserTagManagerOptions,
  type UseUserTagManagerResult,
  type UserTagManagerProps,
} from './rights/tags/index.js';
export {
  NOT_INTERESTED_REASONS,
  NotInterestedButton,
  useNotInterestedButton,
  type NotInterestedButtonProps,
  type NotInterestedReason,
  type UseNotInterestedButtonOptions,
  type UseNotInterestedButtonResult,
} from './rights/feedback/index.js';
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
} from './rights/complaints/core/model.js';
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
export type { ComplaintDraftsAdapter, ComplaintsAdapter } from './rights/complaints/core/adapter.js';
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
} from './rights/complaints/core/adapters.js';
export {
  runComplaintsAdapterConformance,
  type ComplaintsAdapterConformanceOptions,
  type ComplaintsInspector,
} from './rights/complaints/core/conformance.js';
export {
  complaintsSlice,
  selectPendingComplaints,
  type ComplaintsAction,
  type ComplaintsCapabilities,
  type ComplaintsSlice,
  type ComplaintsState,
  type RightsStateWithComplaints,
} from './rights/complaints/core/slice.js';
export { type ComplaintsEvent, type ComplaintsEventType } from './rights/complaints/core/events.js';
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
} from './rights/complaints/index.js';
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
} from './rights/consent/core/model.js';
export type { ConsentAdapter } from './rights/consent/core/adapter.js';
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
} from './rights/consent/core/adapters.js';
export {
  runConsentAdapterConformance,
  type ConsentAdapterConformanceOptions,
  type ConsentInspector,
} from './rights/consent/core/conformance.js';
export {
  consentSlice,
  selectEffectiveReceipts,
  selectPendingConsent,
  type ConsentAction,
  type ConsentSlice,
  type ConsentState,
  type RightsStateWithConsent,
} from './rights/consent/core/slice.js';
export { type ConsentEvent, type ConsentEventType } from './rights/consent/core/events.js';
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
} from './rights/consent/index.js';
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
} from './rights/minor-mode/core/model.js';
export { DEFAULT_PIN_ITERATIONS, type HashedPin } from './rights/minor-mode/core/pin.js';
export type { DeviceMinorModeSignal, GuardianPurpose, MinorModeAdapter } from './rights/minor-mode/core/adapter.js';
export {
  STORED_MINOR_MODE_VERSION,
  createLocalStorageMinorModeAdapter,
  createMemoryMinorModeAdapter,
  type EmbeddedMinorModeAdapter,
  type EmbeddedMinorModeAdapterOptions,
  type LocalStorageMinorModeAdapterOptions,
  type MemoryMinorModeAdapterOptions,
} from './rights/minor-mode/core/adapters.js';
export {
  runMinorModeAdapterConformance,
  type MinorModeAdapterConformanceOptions,
  type MinorModeInspector,
} from './rights/minor-mode/core/conformance.js';
export {
  minorModeSlice,
  type EnterMinorModeOptions,
  type GuardianResult,
  type MinorContentPool,
  type MinorModeAction,
  type MinorModeSlice,
  type MinorModeState,
  type RightsStateWithMinorMode,
} from './rights/minor-mode/core/slice.js';
export { selectMinorContentPool, type RecommendationModeWithMinor } from './rights/personalization/core/selectors.js';
export { type MinorModeEvent, type MinorModeEventType } from './rights/minor-mode/core/events.js';
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
} from './rights/minor-mode/index.js';

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from 'vitest';

// The package's export names, as `src/index.ts` and `src/testing.ts` exported them before the entry files became one
// line per right (commit 204e2d3). The entry files now re-export each right's index.ts and testing.ts with `export *`,
// so a name a right's file adds or drops reaches consumers unseen: these lists make that a failing test. Change
// them only on purpose, with the public API.

/** The values `algorights` exports (components, hooks, functions, constants, slices). */
const ROOT_VALUES = [
  'AgreementConsent', 'AlgorithmDisclosure', 'CHINA_TIME_ZONE', 'COMPLAINT_DEADLINE_CEILING', 'COMPLAINT_KINDS',
  'COMPLAINT_STATUSES', 'CONSENT_STORAGE_KEY', 'CURFEW_END_MINUTES', 'CURFEW_START_MINUTES', 'ComplaintCenter',
  'ComplaintForm', 'ComplaintTickets', 'ConsentSettings', 'DEFAULT_ATTACHMENT_LIMITS',
  'DEFAULT_CONSENT_QUIET_PERIOD_MS', 'DEFAULT_PIN_ITERATIONS', 'EDITED_PERSON_INFORMED', 'FILING_NUMBER_PATTERN',
  'FILING_RECORD_URL', 'GUARDIAN_CONSENT_AGE', 'GuardianVerification', 'MINOR_AGE_BANDS', 'MinorModeEntryPrompt',
  'MinorModeGate', 'MinorModeSettings', 'NOT_INTERESTED_REASONS', 'NotInterestedButton', 'OTHER_CATEGORY_ID',
  'PERSONALIZATION_SCOPES', 'PERSONALIZED', 'PIN_ATTEMPTS', 'PRC_WORKING_DAY_CALENDAR', 'PREFERENCE_FIELDS',
  'PersonalizationSwitch', 'REPORT_KINDS', 'REST_AFTER_MS', 'RIGHTS_LOCALES', 'RIGHTS_NAMESPACE',
  'RecommendationModePicker', 'ReportButton', 'RightsDeveloperError', 'RightsError', 'RightsProvider',
  'SEPARATE_CONSENT_PURPOSES', 'STORED_COMPLAINTS_VERSION', 'STORED_CONSENT_VERSION', 'STORED_MINOR_MODE_VERSION',
  'STORED_OUTBOX_VERSION', 'STORED_PREFERENCES_VERSION', 'STORED_TAGS_VERSION', 'STRICTEST_AGE_BAND',
  'SeparateConsent', 'TAG_INTENSITIES', 'TAG_SOURCES', 'TagDeletionOffer', 'UserTagManager', 'WhyRecommended',
  'addWorkingDays', 'assertFilingNumber', 'assertGenerativeAiFiling', 'assertSafeHref', 'checkSpending',
  'compileBlocklist', 'complaintDeadline', 'complaintsSlice', 'consentShownText', 'consentSlice', 'consentStanding',
  'createConsentReceipt', 'createLocalStorageComplaintDraftsAdapter', 'createLocalStorageComplaintsAdapter',
  'createLocalStorageConsentAdapter', 'createLocalStorageMinorModeAdapter', 'createLocalStorageOutboxAdapter',
  'createLocalStoragePreferencesAdapter', 'createLocalStorageTagsAdapter', 'createManualClock',
  'createMemoryComplaintDraftsAdapter', 'createMemoryComplaintsAdapter', 'createMemoryConsentAdapter',
  'createMemoryMinorModeAdapter', 'createMemoryOutboxAdapter', 'createMemoryPreferencesAdapter',
  'createMemoryTagsAdapter', 'createRightsStore', 'defaultDailyLimitMinutes', 'defaultMinorModeSettings',
  'defaultSpendingCaps', 'formatMinorModeTime', 'groupByCategory', 'inCurfew', 'isTagAllowed', 'isWorkingDay',
  'mergePreferenceRecords', 'minorModeSlice', 'minorModeStatus', 'needsGuardianConsent', 'parseComplaintTicket',
  'parseMinorModeRecord', 'parsePreferencesRecord', 'parseStoredConsentReceipt', 'parseUserTagProfile',
  'personalizationSlice', 'resolveRightsLocale', 'runComplaintsAdapterConformance', 'runConsentAdapterConformance',
  'runMinorModeAdapterConformance', 'runOutboxAdapterConformance', 'runPreferencesAdapterConformance',
  'runTagsAdapterConformance', 'selectEffectiveReceipts', 'selectFeedbackStatus', 'selectMinorContentPool',
  'selectPendingComplaints', 'selectPendingConsent', 'selectRecommendationMode', 'selectSyncPending', 'sha256Hex',
  'systemClock', 'tagsSlice', 'ticketDue', 'toCalendarDate', 'toStoredConsentReceipt', 'toStoredTags',
  'useAgreementConsent', 'useAlgorithmFilings', 'useComplaintForm', 'useComplaintTickets', 'useComplaints',
  'useConsent', 'useConsentSettings', 'useMinorMode', 'useNotInterestedButton', 'usePersonalizationStatus',
  'usePersonalizationSwitch', 'useRecommendationMode', 'useRecommendationModePicker', 'useSeparateConsent',
  'useSpendingGuard', 'useUserTagManager', 'useWhyRecommended', 'withAdapterFaults', 'workingDaysBetween',
];

/** The types `algorights` exports, besides its values. */
const ROOT_TYPES = [
  'AdapterFaults', 'AdapterName', 'AgreementConsentProps', 'AgreementPhase', 'AlgorithmDisclosureProps',
  'AlgorithmFiling', 'AttachmentLimits', 'AttachmentRejection', 'AttachmentRejectionNotice', 'Awaitable',
  'CalendarDate', 'CalendarDays', 'Complainant', 'Complaint', 'ComplaintAttachment', 'ComplaintCenterProps',
  'ComplaintDeadlineOptions', 'ComplaintDeadlines', 'ComplaintDraft', 'ComplaintDraftsAdapter', 'ComplaintFormProps',
  'ComplaintKind', 'ComplaintRefusal', 'ComplaintStatus', 'ComplaintSubject', 'ComplaintTicket',
  'ComplaintTicketsProps', 'ComplaintsAction', 'ComplaintsAdapter', 'ComplaintsAdapterConformanceOptions',
  'ComplaintsCapabilities', 'ComplaintsEvent', 'ComplaintsEventType', 'ComplaintsInspector', 'ComplaintsSlice',
  'ComplaintsState', 'ConformanceRunner', 'ConsentAction', 'ConsentAdapter', 'ConsentAdapterConformanceOptions',
  'ConsentChange', 'ConsentDocument', 'ConsentDocumentKind', 'ConsentEvent', 'ConsentEventKind', 'ConsentEventType',
  'ConsentInspector', 'ConsentPresentation', 'ConsentReceipt', 'ConsentReceiptInput', 'ConsentRecipient',
  'ConsentSettingsItem', 'ConsentSettingsProps', 'ConsentSlice', 'ConsentStanding', 'ConsentState', 'CoreSlice',
  'CreateRightsStoreOptions', 'DateInput', 'DeviceMinorModeSignal', 'EmbeddedComplaintsAdapterOptions',
  'EmbeddedConsentAdapterOptions', 'EmbeddedMinorModeAdapter', 'EmbeddedMinorModeAdapterOptions',
  'EnterMinorModeOptions', 'FeedbackStatus', 'FilingStatus', 'GenerativeAiFiling', 'GuardianPurpose', 'GuardianResult',
  'GuardianVerificationProps', 'HashedPin', 'InterestOption', 'KeyValueStorage', 'LoadState',
  'LocalStorageComplaintsAdapterOptions', 'LocalStorageConsentAdapterOptions', 'LocalStorageMinorModeAdapterOptions',
  'LocalStorageOutboxAdapterOptions', 'LocalStoragePreferencesAdapterOptions', 'LocalStorageTagsAdapterOptions',
  'ManualClock', 'MemoryCell', 'MemoryComplaintsAdapterOptions', 'MemoryConsentAdapterOptions',
  'MemoryMinorModeAdapterOptions', 'MemoryOutboxAdapterOptions', 'MemoryPreferencesAdapterOptions',
  'MemoryTagsAdapterOptions', 'MessageKey', 'MessageOverrides', 'MinorAgeBand', 'MinorContentPool', 'MinorModeAction',
  'MinorModeAdapter', 'MinorModeAdapterConformanceOptions', 'MinorModeEntryPromptProps', 'MinorModeEvent',
  'MinorModeEventType', 'MinorModeGateProps', 'MinorModeInspector', 'MinorModeLockReason', 'MinorModeRecord',
  'MinorModeSettingsData', 'MinorModeSettingsProps', 'MinorModeSlice', 'MinorModeSource', 'MinorModeState',
  'MinorModeStatus', 'MinorModeUsage', 'NotInterestedButtonProps', 'NotInterestedFeedback', 'NotInterestedReason',
  'OutboxAdapter', 'OutboxAdapterConformanceOptions', 'OutboxEntry', 'OutboxInspector', 'OutboxState',
  'OverlayContainer', 'ParsedTagProfile', 'PendingConfirmation', 'PersonalizationAction', 'PersonalizationEvent',
  'PersonalizationEventType', 'PersonalizationPreferences', 'PersonalizationScope', 'PersonalizationSlice',
  'PersonalizationState', 'PersonalizationSwitchProps', 'PersonalizationTarget', 'PreferenceField',
  'PreferenceRevisions', 'PreferencesAdapter', 'PreferencesAdapterConformanceOptions', 'PreferencesInspector',
  'PreferencesRecord', 'ReadOptions', 'RecommendationMode', 'RecommendationModeData', 'RecommendationModePickerProps',
  'RecommendationModeWithMinor', 'RecommendationStrategy', 'ReportButtonProps', 'RightsAdapters', 'RightsClock',
  'RightsDefaults', 'RightsErrorCode', 'RightsEvent', 'RightsFailure', 'RightsInitialState', 'RightsLocale',
  'RightsMessages', 'RightsProviderProps', 'RightsState', 'RightsStateWithComplaints', 'RightsStateWithConsent',
  'RightsStateWithMinorMode', 'RightsStore', 'ScopeModes', 'SeparateConsentPhase', 'SeparateConsentProps',
  'SeparateConsentPurpose', 'SeparateConsentRequest', 'SliceContext', 'SliceDescriptor', 'SliceWriteHandler',
  'SpendingCaps', 'SpendingVerdict', 'StoredComplaints', 'StoredConsent', 'StoredConsentReceipt', 'StoredTags',
  'Subscribe', 'TagBlocklist', 'TagCapabilities', 'TagCategory', 'TagDeletionOfferProps', 'TagGroup', 'TagIntensity',
  'TagSource', 'TagsAction', 'TagsAdapter', 'TagsAdapterCapability', 'TagsAdapterConformanceOptions', 'TagsEvent',
  'TagsEventType', 'TagsInspector', 'TagsSlice', 'TagsState', 'TicketDue', 'UseAgreementConsentOptions',
  'UseAgreementConsentResult', 'UseAlgorithmFilingsOptions', 'UseAlgorithmFilingsResult', 'UseComplaintFormOptions',
  'UseComplaintFormResult', 'UseComplaintTicketsOptions', 'UseComplaintTicketsResult', 'UseComplaintsResult',
  'UseConsentResult', 'UseConsentSettingsOptions', 'UseConsentSettingsResult', 'UseMinorModeResult',
  'UseNotInterestedButtonOptions', 'UseNotInterestedButtonResult', 'UsePersonalizationStatusResult',
  'UsePersonalizationSwitchOptions', 'UsePersonalizationSwitchResult', 'UseRecommendationModePickerOptions',
  'UseRecommendationModePickerResult', 'UseSeparateConsentOptions', 'UseSeparateConsentResult',
  'UseSpendingGuardResult', 'UseUserTagManagerOptions', 'UseUserTagManagerResult', 'UseWhyRecommendedResult',
  'UserTag', 'UserTagManagerProps', 'UserTagProfile', 'WhyRecommendedBasis', 'WhyRecommendedProps',
  'WhyRecommendedStrategy', 'WorkingDayCalendar', 'WriteOptions', 'WritePolicy', 'WriteRequest', 'WriteStep',
];

/** The values `algorights/testing` exports (page objects and their helpers). */
const TESTING_VALUES = [
  'AgreementConsentPage', 'AlgorithmDisclosurePage', 'ComplaintEntryPage', 'MinorModePage',
  'PersonalizationSwitchPage', 'RecommendationModePickerPage', 'RightsPage', 'UserTagManagerPage', 'seedConsents',
];

/** The types `algorights/testing` exports, besides its values. */
const TESTING_TYPES = [
  'ComplaintEntryPageOptions', 'RightsPageOptions', 'SeedConsentsOptions',
];

/**
 * Every name a module exports, values and types, read from its source: named exports (`export { a, type B as C }`,
 * `export type { … }`, with or without `from`), declarations (`export function f`, `export interface I`, …), and
 * the names of every module it re-exports with `export * from`.
 */
function exportedNames(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const names: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) {
        names.push(name);
      }
    }
  }
  for (const match of text.matchAll(/(?:^|\n)\s*export\s+(?:declare\s+)?(?:async\s+)?(?:abstract\s+)?(?:const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) {
    names.push(match[1] ?? '');
  }
  for (const match of text.matchAll(/(?:^|\n)\s*export\s+\*\s+from\s+['"](\.[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), match[1] ?? '').replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
    if (!target) {
      throw new Error(`${file} re-exports ${match[1]}, which is not a source file`);
    }
    names.push(...exportedNames(target));
  }
  return names;
}

// Vitest runs from the repository root.
test('the package root exports exactly its values of before, at run time', async () => {
  const root = await import('./index.js');
  expect(Object.keys(root).sort()).toEqual([...ROOT_VALUES].sort());
});

test('the package root exports exactly its names of before, types included, each once', () => {
  const names = exportedNames(resolve('src/index.ts'));
  expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  expect(names.sort()).toEqual([...ROOT_VALUES, ...ROOT_TYPES].sort());
});

test('algorights/testing exports exactly its values of before, at run time', async () => {
  const testing = await import('./testing.js');
  expect(Object.keys(testing).sort()).toEqual([...TESTING_VALUES].sort());
});

test('algorights/testing exports exactly its names of before, types included, each once', () => {
  const names = exportedNames(resolve('src/testing.ts'));
  expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  expect(names.sort()).toEqual([...TESTING_VALUES, ...TESTING_TYPES].sort());
});

// Consent's public names, which the package root (src/index.ts) re-exports: its core (model, adapters, conformance
// suite, slice, events), then its components and hooks. src/package-exports.test.ts holds the list. The register
// import brings the right's types into the kernel's RightsRegistry by declaration merging.
import './core/register.js';
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
} from './core/model.js';
export type { ConsentAdapter } from './core/adapter.js';
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
} from './core/adapters.js';
export {
  runConsentAdapterConformance,
  type ConsentAdapterConformanceOptions,
  type ConsentInspector,
} from './core/conformance.js';
export {
  consentSlice,
  selectEffectiveReceipts,
  selectPendingConsent,
  type ConsentAction,
  type ConsentSlice,
  type ConsentState,
  type RightsStateWithConsent,
} from './core/slice.js';
export { type ConsentEvent, type ConsentEventType } from './core/events.js';
export { AgreementConsent, type AgreementConsentProps } from './agreement-consent.js';
export { ConsentSettings, type ConsentSettingsProps } from './consent-settings.js';
export { SeparateConsent, type SeparateConsentProps } from './separate-consent.js';
export type { ConsentPresentation } from './consent-parts.js';
export {
  EDITED_PERSON_INFORMED,
  useAgreementConsent,
  useConsent,
  useConsentSettings,
  useSeparateConsent,
  type AgreementPhase,
  type ConsentSettingsItem,
  type SeparateConsentPhase,
  type UseAgreementConsentOptions,
  type UseAgreementConsentResult,
  type UseConsentResult,
  type UseConsentSettingsOptions,
  type UseConsentSettingsResult,
  type UseSeparateConsentOptions,
  type UseSeparateConsentResult,
} from './use-agreement-consent.js';

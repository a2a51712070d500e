export { AgreementConsent, type AgreementConsentProps } from './agreement-consent.js';
export { ConsentSettings, type ConsentSettingsProps } from './consent-settings.js';
export { SeparateConsent, type SeparateConsentProps } from './separate-consent.js';
export { parseMarkdownBlocks, type ConsentPresentation } from './consent-parts.js';
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

export { AgreementConsentPage, seedConsents, type SeedConsentsOptions } from './agreement-consent-page.js';

export { RightsPage, type RightsPageOptions } from './kernel/testing/rights-page.js';
export { PersonalizationSwitchPage } from './rights/personalization/personalization-switch-page.js';
export { AlgorithmDisclosurePage, RecommendationModePickerPage, UserTagManagerPage } from './rights/tags/recommender-pages.js';
export { ComplaintEntryPage, type ComplaintEntryPageOptions } from './rights/complaints/complaint-entry-page.js';
export { AgreementConsentPage, seedConsents, type SeedConsentsOptions } from './rights/consent/agreement-consent-page.js';
export { MinorModePage } from './rights/minor-mode/minor-mode-page.js';

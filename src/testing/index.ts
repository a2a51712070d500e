export { RightsPage, type RightsPageOptions } from './rights-page.js';
export { PersonalizationSwitchPage } from './personalization-switch-page.js';
export { AlgorithmDisclosurePage, RecommendationModePickerPage, UserTagManagerPage } from './recommender-pages.js';
export { ComplaintEntryPage, type ComplaintEntryPageOptions } from './complaint-entry-page.js';
export { AgreementConsentPage, seedConsents, type SeedConsentsOptions } from './agreement-consent-page.js';
export { MinorModePage } from './minor-mode-page.js';

export { PersonalizationSwitchPage } from './personalization-switch-page.js';
export { RecommendationModePickerPage } from './recommendation-mode-picker-page.js';

export { PersonalizationSwitchPage } from './personalization-switch-page.js';

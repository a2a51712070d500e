export { MinorModePage } from './minor-mode-page.js';

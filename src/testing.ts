// algorights/testing: the kernel's page object, then one line per right with a page object (the feedback
// button has none). Each right's testing.ts exports its Playwright page objects; src/package-exports.test.ts
// holds the list of names.
export { RightsPage, type RightsPageOptions } from './kernel/testing/rights-page.js';
export * from './rights/personalization/testing.js';
export * from './rights/disclosure/testing.js';
export * from './rights/tags/testing.js';
export * from './rights/minor-mode/testing.js';
export * from './rights/complaints/testing.js';
export * from './rights/consent/testing.js';

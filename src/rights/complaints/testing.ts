export { ComplaintEntryPage, type ComplaintEntryPageOptions } from './complaint-entry-page.js';

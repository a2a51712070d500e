export { UserTagManagerPage } from './user-tag-manager-page.js';

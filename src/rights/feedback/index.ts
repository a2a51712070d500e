// The feedback right's public names, which the package root (src/index.ts) re-exports: the not-interested
// button and its hook (its writes go through the tags slice). src/package-exports.test.ts holds the list.
export { NotInterestedButton, type NotInterestedButtonProps, type NotInterestedReason } from './not-interested-button.js';
export {
  NOT_INTERESTED_REASONS,
  useNotInterestedButton,
  type UseNotInterestedButtonOptions,
  type UseNotInterestedButtonResult,
} from './use-not-interested-button.js';

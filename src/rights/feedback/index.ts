export { NotInterestedButton, type NotInterestedButtonProps, type NotInterestedReason } from './not-interested-button.js';
export {
  NOT_INTERESTED_REASONS,
  useNotInterestedButton,
  type UseNotInterestedButtonOptions,
  type UseNotInterestedButtonResult,
} from './use-not-interested-button.js';

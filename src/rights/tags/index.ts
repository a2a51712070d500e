export { UserTagManager, type UserTagManagerProps } from './user-tag-manager.js';
export {
  useUserTagManager,
  type PendingConfirmation,
  type UseUserTagManagerOptions,
  type UseUserTagManagerResult,
} from './use-user-tag-manager.js';
export { TagDeletionOffer, type TagDeletionOfferProps } from './tag-deletion-offer.js';

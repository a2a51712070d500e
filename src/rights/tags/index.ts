// The tags right's public names, which the package root (src/index.ts) re-exports: its core (model, adapters, conformance
// suite, slice, events), then its components and hooks. src/package-exports.test.ts holds the list. The register
// import brings the right's types into the kernel's RightsRegistry by declaration merging.
import './core/register.js';
export { type TagsEvent, type TagsEventType } from './core/events.js';
export {
  OTHER_CATEGORY_ID,
  TAG_INTENSITIES,
  TAG_SOURCES,
  compileBlocklist,
  groupByCategory,
  isTagAllowed,
  parseUserTagProfile,
  type InterestOption,
  type NotInterestedFeedback,
  type ParsedTagProfile,
  type TagBlocklist,
  type TagCategory,
  type TagGroup,
  type TagIntensity,
  type TagSource,
  type UserTag,
  type UserTagProfile,
} from './core/model.js';
export type { TagsAdapter } from './core/adapter.js';
export {
  STORED_TAGS_VERSION,
  createLocalStorageTagsAdapter,
  createMemoryTagsAdapter,
  toStoredTags,
  type LocalStorageTagsAdapterOptions,
  type MemoryTagsAdapterOptions,
  type StoredTags,
} from './core/adapters.js';
export {
  runTagsAdapterConformance,
  type TagsAdapterCapability,
  type TagsAdapterConformanceOptions,
  type TagsInspector,
} from './core/conformance.js';
export {
  selectFeedbackStatus,
  tagsSlice,
  type FeedbackStatus,
  type TagCapabilities,
  type TagsAction,
  type TagsSlice,
  type TagsState,
} from './core/slice.js';
export { UserTagManager, type UserTagManagerProps } from './user-tag-manager.js';
export {
  useUserTagManager,
  type PendingConfirmation,
  type UseUserTagManagerOptions,
  type UseUserTagManagerResult,
} from './use-user-tag-manager.js';
export { TagDeletionOffer, type TagDeletionOfferProps } from './tag-deletion-offer.js';

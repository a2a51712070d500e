import type { TagsAdapter } from './adapter.js';
import type { TagsEvent } from './events.js';
import type { TagsSlice } from './state.js';

/** The tags' adapter. */
export interface TagsAdapters {
  /** Where the user's tags live. Default: {@link createLocalStorageTagsAdapter}. */
  tags?: TagsAdapter;
}

/**
 * The tags' own failures:
 * - `tags-invalid`: the tags adapter returned data of the wrong shape;
 * - `tags-disallowed`: the tags adapter returned tags the platform marks disallowed, or whose labels match
 *   the blocklist (ALG 10): they are hidden from the user, and reported so the platform can stop its
 *   recommender from producing them.
 */
export type TagsErrorCode = 'tags-invalid' | 'tags-disallowed';

declare module '../../../kernel/core/store/registry.js' {
  interface RightsRegistry {
    tags: { state: TagsSlice; adapters: TagsAdapters; events: TagsEvent; errors: TagsErrorCode };
  }
}

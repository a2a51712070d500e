import type { ComplaintsSlice } from '../../../rights/complaints/core/slice.js';
import type { PersonalizationSlice } from '../../../rights/personalization/core/slice.js';
import type { TagsSlice } from '../../../rights/tags/core/slice.js';
import type { OutboxState } from '../engine/write-engine.js';

/** What the store holds apart from its slices: the outbox every write passes through. */
export interface CoreSlice {
  outbox: OutboxState;
  /** Sends every pending write now, in every slice, and reads again what failed to load. */
  retrySync(): Promise<void>;
}

/**
 * The whole store: the outbox, then one slice per concern. Personalization is
 * always there; other slices (tags, complaints, …) appear when the first component that
 * needs them renders, or when passed to `createRightsStore({ slices })`.
 */
export type RightsState = CoreSlice & PersonalizationSlice & TagsSlice & ComplaintsSlice;

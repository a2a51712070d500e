import type { RightsFailure } from '../../../kernel/core/errors.js';
import type { LoadState } from '../../../kernel/core/types.js';
import type { InterestOption, NotInterestedFeedback, TagCategory, TagIntensity, UserTag } from './model.js';

/** The tags slice's name in the store, and the `slice` of its outbox entries. */
export const TAGS_SLICE = 'tags';

/**
 * What a tags failure is about: `load` (the tags could not be read), `select`, `restore` and `intensity`
 * (a choice rolled back), `recover` (deletions kept on this device could not be read) and `persist` (a
 * deletion or feedback could not be kept on this device; it applies, is held in memory and retried).
 */
export type TagsAction = 'load' | 'select' | 'restore' | 'intensity' | 'recover' | 'persist';

/** Where one item's "not interested" feedback stands. */
export type FeedbackStatus = 'idle' | 'sending' | 'sent' | 'pending';

/** Which optional methods the tags adapter has: the manager offers only what the adapter can do. */
export interface TagCapabilities {
  restore: boolean;
  select: boolean;
  setIntensity: boolean;
  notInterested: boolean;
}

/** The tags slice's data. */
export interface TagsState {
  /** Whether the tags are known. `'idle'` until a tag component asks for them. */
  load: LoadState;
  /** The last failure, or `null`. */
  failure: RightsFailure<TagsAction> | null;
  /** The tags as the user should see them: deleted ones already gone, including any the platform marked disallowed (views filter those out). */
  tags: readonly UserTag[];
  categories: readonly TagCategory[];
  /** Intensity per category id; absent means `'default'`. Ids are data, so this is a `Map`. */
  intensities: ReadonlyMap<string, TagIntensity>;
  /** The tags as last read, in their order, so that undo puts a tag back where it was. */
  loaded: readonly UserTag[];
  /** How many entries of the last read failed validation and are not shown. */
  invalidCount: number;
  /** Ids of tags that failed validation, so that "delete all" still reaches them. */
  invalidTagIds: readonly string[];
  /** The last deletion, which "undo" puts back; `null` once undone or dismissed. */
  lastRemoval: { tags: readonly UserTag[]; correlationId: string } | null;
  /** Items whose "not interested" feedback the adapter confirmed in this session. */
  sentFeedback: ReadonlySet<string>;
  capabilities: TagCapabilities;
}

/** The tags slice: its data under `tags`, and its actions. */
export interface TagsSlice {
  tags: TagsState;
  /** Reads the tags once; with `{ retry: true }`, again after a failed read. */
  loadTags(options?: { retry?: boolean }): void;
  /** Deletes tags at once (ALG 17 ¶2). Protective: kept on this device and retried until confirmed. */
  removeTags(ids: readonly string[]): Promise<void>;
  /** Puts back the last deletion, where the adapter can restore. Reducing: a failed write deletes them again. */
  undoTagRemoval(): Promise<void>;
  /** Forgets the last deletion, so it can no longer be undone. */
  dismissTagRemoval(): void;
  /** Adds interests the user chose. Reducing: a failed write removes them again, with a message. */
  selectInterests(interests: readonly InterestOption[]): Promise<void>;
  /** Sets a category's intensity. Reducing: a failed write restores the previous one, with a message. */
  setTagIntensity(categoryId: string, intensity: TagIntensity): Promise<void>;
  /**
   * Records "not interested" (protective). With `holdMs`, the feedback waits that long in the outbox
   * before it is sent, so that {@link TagsSlice.withdrawNotInterested} can take it back.
   */
  sendNotInterested(feedback: NotInterestedFeedback, options?: { holdMs?: number }): Promise<void>;
  /**
   * Takes back an item's feedback while it is still held for undo. Resolves `false`, and the feedback
   * stands, once it has gone out or when the device could not let go of it.
   */
  withdrawNotInterested(itemId: string): Promise<boolean>;
  /**
   * Holds an item's feedback `holdMs` more from now, while it is still held for undo: the undo toast waits
   * while the user is on it. Resolves `false` once the feedback has gone out, or is going.
   */
  holdNotInterested(itemId: string, holdMs: number): Promise<boolean>;
  /** Sends pending writes now, and reads the tags again if that failed. */
  retryTags(): Promise<void>;
  /** Forgets the last failure, once the user has seen it. */
  dismissTagsFailure(): void;
  /** Reports, once per tag, tags a view hides because their labels match its blocklist. */
  reportBlockedTags(ids: readonly string[]): void;
}

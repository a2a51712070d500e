import type { ReadOptions, Subscribe, WriteOptions } from '../../../kernel/core/adapters/types.js';
import type { Awaitable } from '../../../kernel/core/types.js';
import type { InterestOption, NotInterestedFeedback, TagIntensity, UserTag, UserTagProfile } from './model.js';

/**
 * Reads the user's tags and carries out what the user does with them
 * (ALG 17 ¶2: 选择或者删除…用户标签; 清朗 2024: 负反馈). Only `load` and
 * `remove` are required; the manager offers undo, interests, intensity and
 * "not interested" only where the adapter has the method behind them.
 */
export interface TagsAdapter {
  /**
   * Reads the user's tags, their categories and intensities.
   * @returns the profile, or `null` when the user has none. Throw (or reject) when the read fails; the
   * manager shows a localized message and a retry. Entries that fail validation are set aside and
   * reported; the others are shown.
   */
  load(options: ReadOptions): Awaitable<UserTagProfile | null>;
  /**
   * Deletes tags, so that the recommender no longer uses them. Resolve once durable. On failure the tags
   * stay deleted on screen, the deletion is kept on this device, and the kit retries with the same key.
   * Deleting a tag that is already gone is not an error.
   */
  remove(ids: readonly string[], options: WriteOptions): Awaitable<void>;
  /** Puts back tags the user just deleted, for "undo". Without it the manager offers no undo. */
  restore?(tags: readonly UserTag[], options: WriteOptions): Awaitable<void>;
  /** Adds interests the user chose from the platform's catalogue. Without it the manager offers no catalogue. */
  select?(interests: readonly InterestOption[], options: WriteOptions): Awaitable<void>;
  /** Sets how much of a category the user wants (减少 / 默认 / 增加). Without it the manager shows no intensity. */
  setIntensity?(categoryId: string, intensity: TagIntensity, options: WriteOptions): Awaitable<void>;
  /** Records "not interested" feedback on one item, once per idempotency key. `NotInterestedButton` needs it. */
  notInterested?(feedback: NotInterestedFeedback, options: WriteOptions): Awaitable<void>;
  /** Optional: tells the kit when the tags changed elsewhere. */
  subscribe?: Subscribe;
}

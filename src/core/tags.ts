import * as v from 'valibot';
import { RightsError } from './errors.js';

/** How much of a category the user wants to see: 减少 / 默认 / 增加. */
export const TAG_INTENSITIES = ['less', 'default', 'more'] as const;

/** One of {@link TAG_INTENSITIES}. */
export type TagIntensity = (typeof TAG_INTENSITIES)[number];

/**
 * How a tag came about:
 * - `inferred`: the platform inferred it from what the user did;
 * - `selected`: the user chose it as an interest;
 * - `declared`: it comes from what the user filled in, such as a profile.
 */
export const TAG_SOURCES = ['inferred', 'selected', 'declared'] as const;

/** One of {@link TAG_SOURCES}. */
export type TagSource = (typeof TAG_SOURCES)[number];

/** A user tag: a feature of the user that the recommender uses (用户标签, ALG 17 ¶2). */
export interface UserTag {
  /** Stable id, unique among the user's tags. */
  id: string;
  /** What the user sees, in the user's language: the platform supplies it. */
  label: string;
  /** The {@link TagCategory} it belongs to. Tags of unknown categories are listed under "other". */
  categoryId: string;
  /** How it came about, when the platform knows. */
  source?: TagSource;
  /** The platform's own words on how it was inferred, such as "you watched 12 camping videos this week". */
  sourceDetail?: string;
  /** When it was inferred or chosen, as an ISO 8601 string. */
  createdAt?: string;
  /**
   * The platform marks it as built from illegal or harmful keywords. ALG 10:
   * such tags are never shown as interests and never offered for selection.
   */
  disallowed?: boolean;
}

/** A group of tags, such as "sports". */
export interface TagCategory {
  id: string;
  /** What the user sees, in the user's language. */
  label: string;
}

/** One interest in the catalogue a platform offers the user to choose from (ALG 17 ¶2: 选择). */
export interface InterestOption {
  id: string;
  label: string;
  categoryId: string;
  /** As for {@link UserTag.disallowed}: never offered. */
  disallowed?: boolean;
}

/** A user's tags as an adapter returns them. */
export interface UserTagProfile {
  tags: UserTag[];
  /** Labels for the categories the tags use. */
  categories: TagCategory[];
  /** The intensity of each category the user set; categories not listed are `'default'`. */
  intensities?: Record<string, TagIntensity>;
}

/** "Not interested" feedback on one recommended item (清朗 2024: 负反馈). */
export interface NotInterestedFeedback {
  /** The item the user is not interested in. */
  itemId: string;
  /** The reason the user picked, if any: one of the button's reason ids. */
  reasonId?: string;
  /** Tags the item was recommended for, when the platform passes them, so the recommender can weigh them down. */
  tagIds?: string[];
}

/**
 * Entries a platform blocks from ever appearing as interests (ALG 10). A string
 * matches a label that contains it, ignoring case and width (全角/半角); a
 * regular expression is tested against the label.
 */
export type TagBlocklist = ReadonlyArray<string | RegExp>;

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/** Prepares a blocklist once, so that checking thousands of tags stays cheap. */
export function compileBlocklist(blocklist: TagBlocklist = []): (label: string) => boolean {
  const words = blocklist.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map(normalize);
  const patterns = blocklist.filter((entry): entry is RegExp => entry instanceof RegExp);
  if (words.length === 0 && patterns.length === 0) {
    return () => false;
  }
  return (label) => {
    const normalized = normalize(label);
    return words.some((word) => normalized.includes(word)) || patterns.some((pattern) => pattern.test(label));
  };
}

/** True when a tag or interest may be shown or offered: not marked disallowed and not matching the blocklist (ALG 10). */
export function isTagAllowed(tag: { label: string; disallowed?: boolean }, blocked: (label: string) => boolean): boolean {
  return tag.disallowed !== true && !blocked(tag.label);
}

/** The category tags of unknown categories are listed under. Its label comes from the locale files. */
export const OTHER_CATEGORY_ID = 'algorights:other';

export interface TagGroup<T extends { categoryId: string }> {
  category: TagCategory;
  tags: T[];
}

/**
 * Groups tags by category, in the order the categories are listed, with
 * unknown categories last under {@link OTHER_CATEGORY_ID}. Categories with no
 * tags are left out.
 */
export function groupByCategory<T extends { categoryId: string }>(
  tags: readonly T[],
  categories: readonly TagCategory[],
  otherLabel: string,
): TagGroup<T>[] {
  const groups = new Map<string, TagGroup<T>>();
  for (const category of categories) {
    groups.set(category.id, { category, tags: [] });
  }
  const other: TagGroup<T> = { category: { id: OTHER_CATEGORY_ID, label: otherLabel }, tags: [] };
  for (const tag of tags) {
    (groups.get(tag.categoryId) ?? other).tags.push(tag);
  }
  return [...groups.values(), other].filter((group) => group.tags.length > 0);
}

const idSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(256));
const labelSchema = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));

const tagSchema = v.object({
  id: idSchema,
  label: labelSchema,
  categoryId: idSchema,
  source: v.optional(v.picklist(TAG_SOURCES)),
  sourceDetail: v.optional(v.pipe(v.string(), v.maxLength(500))),
  createdAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
  disallowed: v.optional(v.boolean()),
});

const profileSchema = v.object({
  tags: v.array(tagSchema),
  categories: v.array(v.object({ id: idSchema, label: labelSchema })),
  intensities: v.optional(v.record(idSchema, v.picklist(TAG_INTENSITIES))),
});

/**
 * Validates what a tags adapter returned. Throws a `tags-invalid`
 * {@link RightsError} naming the first bad field; the manager then shows a
 * localized message instead of tags it cannot trust.
 */
export function parseUserTagProfile(data: unknown): UserTagProfile {
  const result = v.safeParse(profileSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? '(root)') : '(root)';
    throw new RightsError('tags-invalid', `The tags adapter returned invalid data at ${path}: ${issue?.message ?? ''}`);
  }
  return result.output;
}

/** The version of {@link StoredPendingTags} this build writes. */
export const PENDING_TAGS_VERSION = 1;

const feedbackSchema = v.object({
  itemId: idSchema,
  reasonId: v.optional(idSchema),
  tagIds: v.optional(v.array(idSchema)),
});

const pendingTagsSchema = v.object({
  version: v.literal(PENDING_TAGS_VERSION),
  removals: v.array(idSchema),
  feedback: v.array(feedbackSchema),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** Privacy-protective tag actions kept on this device until the tags adapter confirms them. */
export type StoredPendingTags = v.InferOutput<typeof pendingTagsSchema>;

/** Validates pending tag actions read from this device; throws for anything it cannot trust. */
export function parseStoredPendingTags(data: unknown): StoredPendingTags {
  const result = v.safeParse(pendingTagsSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', 'Pending tag actions on this device are invalid.');
  }
  return result.output;
}

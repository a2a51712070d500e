import * as v from 'valibot';
import { RightsError } from '../../../kernel/core/errors.js';

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

const categorySchema = v.object({ id: idSchema, label: labelSchema });

const profileShape = v.object({
  tags: v.array(v.unknown()),
  categories: v.optional(v.array(v.unknown()), []),
  intensities: v.optional(v.record(v.string(), v.unknown()), {}),
});

/** What a tags adapter returned, validated entry by entry. */
export interface ParsedTagProfile {
  /** The entries that passed validation. Intensities are keyed by category id in a `Map`: ids are data, never object properties. */
  profile: { tags: UserTag[]; categories: TagCategory[]; intensities: Map<string, TagIntensity> };
  /** How many entries failed validation and are not shown. */
  invalid: number;
  /** Ids of tags that failed validation but had a usable id, so that "delete all" still reaches them. */
  invalidTagIds: string[];
  /** Where the first failure was, for the developer. */
  firstIssue: string | null;
}

/**
 * Validates what a tags adapter returned, entry by entry: valid tags,
 * categories and intensities are kept, and the others are counted and set
 * aside, so one bad field never hides every tag. Throws a `tags-invalid`
 * {@link RightsError} only when the whole answer has the wrong shape.
 */
export function parseUserTagProfile(data: unknown): ParsedTagProfile {
  const shape = v.safeParse(profileShape, data);
  if (!shape.success) {
    const issue = shape.issues[0];
    const path = issue ? (v.getDotPath(issue) ?? '(root)') : '(root)';
    throw new RightsError('tags-invalid', `The tags adapter returned invalid data at ${path}: ${issue?.message ?? ''}`);
  }
  const result: ParsedTagProfile = { profile: { tags: [], categories: [], intensities: new Map() }, invalid: 0, invalidTagIds: [], firstIssue: null };
  const fail = (path: string, issues: readonly v.BaseIssue<unknown>[]) => {
    result.invalid += 1;
    const issue = issues[0];
    result.firstIssue ??= `${path}${issue && v.getDotPath(issue) ? `.${v.getDotPath(issue)}` : ''}: ${issue?.message ?? ''}`;
  };
  const seen = new Set<string>();
  shape.output.tags.forEach((value, index) => {
    const tag = v.safeParse(tagSchema, value);
    if (tag.success && !seen.has(tag.output.id)) {
      seen.add(tag.output.id);
      result.profile.tags.push(tag.output);
      return;
    }
    if (!tag.success) {
      fail(`tags.${index}`, tag.issues);
      const id = v.safeParse(idSchema, (value as { id?: unknown } | null)?.id);
      if (id.success) {
        result.invalidTagIds.push(id.output);
      }
    }
  });
  shape.output.categories.forEach((value, index) => {
    const category = v.safeParse(categorySchema, value);
    if (category.success) {
      result.profile.categories.push(category.output);
    } else {
      fail(`categories.${index}`, category.issues);
    }
  });
  for (const [categoryId, value] of Object.entries(shape.output.intensities)) {
    const intensity = v.safeParse(v.picklist(TAG_INTENSITIES), value);
    if (intensity.success && categoryId !== '') {
      result.profile.intensities.set(categoryId, intensity.output);
    } else if (!intensity.success) {
      fail(`intensities.${categoryId}`, intensity.issues);
    }
  }
  return result;
}

const argumentSchemas = {
  remove: v.tuple([v.array(v.pipe(v.string(), v.minLength(1)))]),
  restore: v.tuple([v.array(tagSchema)]),
  select: v.tuple([v.array(v.object({ id: idSchema, label: labelSchema, categoryId: idSchema }))]),
  setIntensity: v.tuple([v.pipe(v.string(), v.minLength(1)), v.picklist(TAG_INTENSITIES)]),
  notInterested: v.tuple([
    v.object({
      itemId: v.pipe(v.string(), v.minLength(1)),
      reasonId: v.optional(v.pipe(v.string(), v.minLength(1))),
      tagIds: v.optional(v.array(v.pipe(v.string(), v.minLength(1)))),
    }),
  ]),
} as const;

/** Checks the arguments of a tags write read back from the outbox. */
export function validTagsWrite(method: string, args: unknown): boolean {
  const schema = (argumentSchemas as Record<string, (typeof argumentSchemas)[keyof typeof argumentSchemas] | undefined>)[method];
  return schema !== undefined && v.safeParse(schema, args).success;
}

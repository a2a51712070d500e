import type zhCN from '../../../../locales/zh-CN/algorights.json';

/**
 * The locales the kit ships. zh-CN is the source: the law is written in it.
 * zh-HK is stored as overrides of zh-TW where Hong Kong usage differs (算法,
 * 用戶, 推送, 私隱, 網絡…), and falls back to zh-TW, then zh-CN.
 */
export const RIGHTS_LOCALES = ['zh-CN', 'zh-TW', 'zh-HK', 'en'] as const;

/** One of {@link RIGHTS_LOCALES}. */
export type RightsLocale = (typeof RIGHTS_LOCALES)[number];

/** The locales stored as overrides of another, not as a whole string set. */
export type OverlayLocale = 'zh-HK';

/** The locales with a whole string set. */
export type FullLocale = Exclude<RightsLocale, OverlayLocale>;

/** Where a missing string is looked up next, in order: zh-HK → zh-TW → zh-CN; every other locale → zh-CN. */
export const RIGHTS_FALLBACKS: Record<RightsLocale, readonly RightsLocale[]> = {
  'zh-CN': [],
  'zh-TW': ['zh-CN'],
  'zh-HK': ['zh-TW', 'zh-CN'],
  en: ['zh-CN'],
};

/** The shape of the kit's strings, taken from the zh-CN source file. */
export type RightsMessages = typeof zhCN;

/** The i18next namespace that holds the kit's strings. */
export const RIGHTS_NAMESPACE = 'algorights';

/** One top-level group of the strings (`personalizationSwitch`, `userTagManager`, …). */
export type MessageGroup = keyof RightsMessages;

/**
 * One group's strings in every shipped locale. Each component brings the
 * groups it shows, so a bundle carries only the strings of the components it
 * imports.
 */
export interface GroupMessages<Group extends MessageGroup = MessageGroup> {
  group: Group;
  /** Whole strings for each full locale, overrides only for an overlay locale (zh-HK). */
  strings: Record<FullLocale, RightsMessages[Group]> & Record<OverlayLocale, DeepPartial<RightsMessages[Group]>>;
  /**
   * Parts of shared groups that the components showing this group also need, added with it: a right's
   * own `errors.<code>` strings, so that only its components carry them.
   */
  fragments?: readonly GroupFragment[];
}

/**
 * Part of a group that several owners fill: the kernel's `errors` group holds
 * the kernel's codes, and each right adds the strings of its own codes with
 * its components. Fragments of one group merge; each is added once.
 */
export interface GroupFragment<Group extends MessageGroup = MessageGroup> {
  group: Group;
  /** Who owns this part (`kernel`, or a right's folder name, such as `tags`): one fragment per owner and group. */
  owner: string;
  /** This part's strings for each locale (zh-HK: its overrides of zh-TW). */
  strings: Record<RightsLocale, DeepPartial<RightsMessages[Group]>>;
}

type Join<Head extends string, Tail extends string> = `${Head}.${Tail}`;

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** i18next picks `key_one`, `key_other`… from `key` and `count`, so plural forms are looked up by their base key. */
type WithoutPluralSuffix<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every dotted key of a nested message object, e.g. `personalizationSwitch.label`; plural forms by their base key. */
export type MessagePath<T> = {
  [K in keyof T & string]: T[K] extends string ? WithoutPluralSuffix<K> : Join<K, MessagePath<T[K]>>;
}[keyof T & string];

/** A key of the kit's strings; a key missing from the source locale is a type error. */
export type MessageKey = MessagePath<RightsMessages>;

/** Overrides for some of the kit's strings: any subset of the nested message object. */
export type MessageOverrides = { [K in keyof RightsMessages]?: DeepPartial<RightsMessages[K]> };

/** Any subset of a nested message object. */
export type DeepPartial<T> = T extends string ? string : { [K in keyof T]?: DeepPartial<T[K]> };

/**
 * Maps a BCP 47 tag to the closest shipped locale: Hong Kong and Macao
 * (zh-HK, zh-MO, zh-Hant-HK, and Cantonese, yue) to zh-HK; other Traditional
 * Chinese (zh-TW, zh-Hant) to zh-TW; other Chinese, and Simplified script in
 * any region (zh-Hans-HK), to zh-CN; English to en. Anything else gets the
 * source locale, zh-CN.
 */
export function resolveRightsLocale(tag: string | undefined | null): RightsLocale {
  if (!tag) {
    return 'zh-CN';
  }
  const subtags = tag.toLowerCase().split(/[-_]/);
  const [language] = subtags;
  if (language === 'yue') {
    return subtags.includes('hans') ? 'zh-CN' : 'zh-HK';
  }
  if (language === 'zh') {
    if (subtags.includes('hans')) {
      return 'zh-CN';
    }
    if (subtags.includes('hk') || subtags.includes('mo')) {
      return 'zh-HK';
    }
    return subtags.includes('hant') || subtags.includes('tw') ? 'zh-TW' : 'zh-CN';
  }
  return language === 'en' ? 'en' : 'zh-CN';
}

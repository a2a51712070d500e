import type zhCN from '../../../locales/zh-CN/algorights.json';

/** The locales the kit ships. zh-CN is the source: the law is written in it. */
export const RIGHTS_LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

/** One of {@link RIGHTS_LOCALES}. */
export type RightsLocale = (typeof RIGHTS_LOCALES)[number];

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
  strings: Record<RightsLocale, RightsMessages[Group]>;
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

type DeepPartial<T> = T extends string ? string : { [K in keyof T]?: DeepPartial<T[K]> };

/**
 * Maps a BCP 47 tag to the closest shipped locale: Traditional Chinese tags
 * (zh-TW, zh-HK, zh-MO, zh-Hant) to zh-TW, other Chinese to zh-CN, English to
 * en. Anything else gets the source locale, zh-CN.
 */
export function resolveRightsLocale(tag: string | undefined | null): RightsLocale {
  if (!tag) {
    return 'zh-CN';
  }
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) {
    return /hant|-tw|-hk|-mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  }
  return lower.startsWith('en') ? 'en' : 'zh-CN';
}

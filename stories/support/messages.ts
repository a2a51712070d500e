import { RIGHTS_LOCALES, resolveRightsLocale, type RightsLocale } from '../../src/index.js';
import en from '../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN/algorights.json' with { type: 'json' };
import zhTW from '../../locales/zh-TW/algorights.json' with { type: 'json' };

const all = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

/** The shipped strings of the locale a story runs in, for play functions to query by. */
export function messagesFor(locale: unknown) {
  return all[resolveRightsLocale(typeof locale === 'string' ? locale : undefined)];
}

export function localeOf(globals: Record<string, unknown>): RightsLocale {
  return resolveRightsLocale(typeof globals.locale === 'string' ? globals.locale : undefined);
}

export { RIGHTS_LOCALES };

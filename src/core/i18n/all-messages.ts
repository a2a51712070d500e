import en from '../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import zhTW from '../../../locales/zh-TW/algorights.json' with { type: 'json' };
import type { RightsLocale, RightsMessages } from './messages.js';

/**
 * Every locale's strings, whole: for tests and page objects, which look parts
 * up by their shipped names. Components never import this; each brings only
 * its own groups.
 */
export const bundledMessages: Record<RightsLocale, RightsMessages> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

import { personalizationSwitch as en } from './locales/en.json' with { type: 'json' };
import { personalizationSwitch as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { personalizationSwitch as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { personalizationSwitch as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `personalizationSwitch` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const personalizationSwitchMessages: GroupMessages<'personalizationSwitch'> = { group: 'personalizationSwitch', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

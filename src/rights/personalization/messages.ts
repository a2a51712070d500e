import { minorModeNotice as enNotice, personalizationSwitch as en } from './locales/en.json' with { type: 'json' };
import { minorModeNotice as zhCNNotice, personalizationSwitch as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { minorModeNotice as zhTWNotice, personalizationSwitch as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { personalizationSwitch as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `personalizationSwitch` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const personalizationSwitchMessages: GroupMessages<'personalizationSwitch'> = { group: 'personalizationSwitch', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

/**
 * The ads switch's lock reason while minor mode is on (MIN 24 ¶3). The switch states it, so its string is
 * personalization's own: the switch carries no minor-mode strings. The group keeps its published name,
 * `minorModeNotice`, so overrides written for it still apply.
 */
export const minorModeNoticeMessages: GroupMessages<'minorModeNotice'> = {
  group: 'minorModeNotice',
  strings: { 'zh-CN': zhCNNotice, 'zh-TW': zhTWNotice, 'zh-HK': {}, en: enNotice },
};

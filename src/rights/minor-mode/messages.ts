import { minorMode as en, minorModeNotice as enNotice } from './locales/en.json' with { type: 'json' };
import { minorMode as zhCN, minorModeNotice as zhCNNotice } from './locales/zh-CN.json' with { type: 'json' };
import { minorMode as zhTW, minorModeNotice as zhTWNotice } from './locales/zh-TW.json' with { type: 'json' };
import { minorMode as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `minorMode` strings (the gate, the reminder, the prompt, the settings and the guardian check) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const minorModeMessages: GroupMessages<'minorMode'> = { group: 'minorMode', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

/** The one minor-mode string other components show (the ads switch's lock), kept apart so they carry no more. */
export const minorModeNoticeMessages: GroupMessages<'minorModeNotice'> = {
  group: 'minorModeNotice',
  strings: { 'zh-CN': zhCNNotice, 'zh-TW': zhTWNotice, 'zh-HK': {}, en: enNotice },
};

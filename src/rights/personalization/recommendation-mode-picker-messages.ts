import { recommendationModePicker as en } from './locales/en.json' with { type: 'json' };
import { recommendationModePicker as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { recommendationModePicker as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { recommendationModePicker as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `recommendationModePicker` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const recommendationModePickerMessages: GroupMessages<'recommendationModePicker'> = { group: 'recommendationModePicker', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

import { minorMode as en } from './locales/en.json' with { type: 'json' };
import { minorMode as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { minorMode as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { minorMode as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `minorMode` strings (the gate, the reminder, the prompt, the settings and the guardian check) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const minorModeMessages: GroupMessages<'minorMode'> = { group: 'minorMode', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

import { notInterested as en } from './locales/en.json' with { type: 'json' };
import { notInterested as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { notInterested as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { notInterested as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `notInterested` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const notInterestedMessages: GroupMessages<'notInterested'> = { group: 'notInterested', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

import { algorithmDisclosure as en } from './locales/en.json' with { type: 'json' };
import { algorithmDisclosure as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { algorithmDisclosure as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { algorithmDisclosure as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `algorithmDisclosure` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const algorithmDisclosureMessages: GroupMessages<'algorithmDisclosure'> = { group: 'algorithmDisclosure', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

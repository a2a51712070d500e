import { errors as en } from './locales/en.json' with { type: 'json' };
import { errors as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { errors as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { errors as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupFragment } from './messages.js';

/**
 * The kernel's `errors` strings (storage, reads, writes, the outbox) in every shipped locale (zh-HK: its
 * overrides of zh-TW). Every component carries them; a right's own codes come with its components.
 */
export const errorsMessages: GroupFragment<'errors'> = { group: 'errors', owner: 'kernel', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

import { errors as en } from '../../../../locales/en/algorights.json' with { type: 'json' };
import { errors as zhCN } from '../../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { errors as zhTW } from '../../../../locales/zh-TW/algorights.json' with { type: 'json' };
import { errors as zhHK } from '../../../../locales/zh-HK/algorights.json' with { type: 'json' };
import type { GroupMessages } from './messages.js';

/** The `errors` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const errorsMessages: GroupMessages<'errors'> = { group: 'errors', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

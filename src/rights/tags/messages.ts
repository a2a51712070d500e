import { errors as enErrors, userTagManager as en } from './locales/en.json' with { type: 'json' };
import { errors as zhCNErrors, userTagManager as zhCN } from './locales/zh-CN.json' with { type: 'json' };
import { errors as zhTWErrors, userTagManager as zhTW } from './locales/zh-TW.json' with { type: 'json' };
import { errors as zhHKErrors, userTagManager as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupFragment, GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The tags right's own error strings (`errors.tags-invalid`, `errors.tags-disallowed`): only its components carry them. */
export const tagsErrorsMessages: GroupFragment<'errors'> = {
  group: 'errors',
  owner: 'tags',
  strings: { 'zh-CN': zhCNErrors, 'zh-TW': zhTWErrors, 'zh-HK': zhHKErrors, en: enErrors },
};

/** The `userTagManager` strings in every shipped locale (zh-HK: its overrides of zh-TW). Named imports let a bundler leave out the other groups. */
export const userTagManagerMessages: GroupMessages<'userTagManager'> = {
  group: 'userTagManager',
  strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en },
  fragments: [tagsErrorsMessages],
};

import { consent as en, errors as enErrors } from './locales/en.json' with { type: 'json' };
import { consent as zhCN, errors as zhCNErrors } from './locales/zh-CN.json' with { type: 'json' };
import { consent as zhTW, errors as zhTWErrors } from './locales/zh-TW.json' with { type: 'json' };
import { consent as zhHK } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupFragment, GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The consent right's own error string (`errors.consent-invalid`): only its components carry it. zh-HK says it as zh-TW does. */
export const consentErrorsMessages: GroupFragment<'errors'> = {
  group: 'errors',
  owner: 'consent',
  strings: { 'zh-CN': zhCNErrors, 'zh-TW': zhTWErrors, 'zh-HK': {}, en: enErrors },
};

/** The `consent` strings (the agreement, separate consents and the settings) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const consentMessages: GroupMessages<'consent'> = {
  group: 'consent',
  strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en },
  fragments: [consentErrorsMessages],
};

import { consent as en } from '../../../locales/en/algorights.json' with { type: 'json' };
import { consent as zhCN } from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { consent as zhTW } from '../../../locales/zh-TW/algorights.json' with { type: 'json' };
import { consent as zhHK } from '../../../locales/zh-HK/algorights.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `consent` strings (the agreement, separate consents and the settings) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const consentMessages: GroupMessages<'consent'> = { group: 'consent', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

import { complaintCenter as enCenter, complaints as en, reportButton as enReport } from '../../../locales/en/algorights.json' with { type: 'json' };
import { complaintCenter as zhCNCenter, complaints as zhCN, reportButton as zhCNReport } from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { complaintCenter as zhTWCenter, complaints as zhTW, reportButton as zhTWReport } from '../../../locales/zh-TW/algorights.json' with { type: 'json' };
import { complaintCenter as zhHKCenter, complaints as zhHK, reportButton as zhHKReport } from '../../../locales/zh-HK/algorights.json' with { type: 'json' };
import type { GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The `complaints` strings (the form and the tickets) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const complaintsMessages: GroupMessages<'complaints'> = { group: 'complaints', strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en } };

/** The `reportButton` strings in every shipped locale. */
export const reportButtonMessages: GroupMessages<'reportButton'> = {
  group: 'reportButton',
  strings: { 'zh-CN': zhCNReport, 'zh-TW': zhTWReport, 'zh-HK': zhHKReport, en: enReport },
};

/** The `complaintCenter` strings in every shipped locale. */
export const complaintCenterMessages: GroupMessages<'complaintCenter'> = {
  group: 'complaintCenter',
  strings: { 'zh-CN': zhCNCenter, 'zh-TW': zhTWCenter, 'zh-HK': zhHKCenter, en: enCenter },
};

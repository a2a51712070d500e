import { complaintCenter as enCenter, complaints as en, errors as enErrors, reportButton as enReport } from './locales/en.json' with { type: 'json' };
import { complaintCenter as zhCNCenter, complaints as zhCN, errors as zhCNErrors, reportButton as zhCNReport } from './locales/zh-CN.json' with { type: 'json' };
import { complaintCenter as zhTWCenter, complaints as zhTW, errors as zhTWErrors, reportButton as zhTWReport } from './locales/zh-TW.json' with { type: 'json' };
import { complaintCenter as zhHKCenter, complaints as zhHK, errors as zhHKErrors, reportButton as zhHKReport } from './locales/zh-HK.json' with { type: 'json' };
import type { GroupFragment, GroupMessages } from '../../kernel/core/i18n/messages.js';

/** The complaints right's own error string (`errors.complaints-invalid`): only its components carry it. */
export const complaintsErrorsMessages: GroupFragment<'errors'> = {
  group: 'errors',
  owner: 'complaints',
  strings: { 'zh-CN': zhCNErrors, 'zh-TW': zhTWErrors, 'zh-HK': zhHKErrors, en: enErrors },
};

/** The `complaints` strings (the form and the tickets) in every shipped locale (zh-HK: its overrides of zh-TW). */
export const complaintsMessages: GroupMessages<'complaints'> = {
  group: 'complaints',
  strings: { 'zh-CN': zhCN, 'zh-TW': zhTW, 'zh-HK': zhHK, en },
  fragments: [complaintsErrorsMessages],
};

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

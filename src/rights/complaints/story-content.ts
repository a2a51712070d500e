import type { ComplaintDraft, ComplaintTicket } from '../../index.js';
import type { DemoLocale } from '../../../stories/support/messages.js';

/** The stories' today: 2025-09-30 in Beijing, the day before the National Day holiday. */
export const NOW = Date.parse('2025-09-30T02:00:00Z');

const items: Record<DemoLocale, string> = { 'zh-CN': '街边小吃探店合集', 'zh-TW': '街邊小吃探店合輯', en: 'Street food, a collection' };

/** The title of the sample item a report is about. */
export function itemLabel(locale: DemoLocale): string {
  return items[locale];
}

const draftText: Record<DemoLocale, string> = {
  'zh-CN': '首页一直推荐同一类短视频，关闭后仍然出现。',
  'zh-TW': '首頁一直推薦同一類短影音，關閉後仍然出現。',
  en: 'The home feed keeps showing the same kind of short video, even after I turned it off.',
};

/** A draft kept from an earlier visit. */
export function emptyDraftFor(locale: DemoLocale): ComplaintDraft {
  return { kind: 'recommendation', text: draftText[locale], contact: '', attachments: [], complainant: 'user' };
}

const words: Record<DemoLocale, { result: string; reasons: string[]; remedy: string }> = {
  'zh-CN': {
    result: '经核实，相关内容已下架，推荐策略已调整。',
    reasons: ['所举报的内容已在受理前被删除。', '未能根据所提供的信息确认涉及未成年人的具体账号。'],
    remedy: '如有新的线索，可以再次提交投诉举报。',
  },
  'zh-TW': {
    result: '經查證，相關內容已下架，推薦策略已調整。',
    reasons: ['所檢舉的內容已在受理前被刪除。', '未能根據所提供的資訊確認涉及未成年人的具體帳號。'],
    remedy: '如有新的線索，可以再次送出投訴檢舉。',
  },
  en: {
    result: 'We checked it: the content is taken down and the recommendations are adjusted.',
    reasons: ['The content reported was deleted before the report was accepted.', 'The information given did not identify the account concerning a minor.'],
    remedy: 'If you have new information, you can submit again.',
  },
};

/** One ticket of each status, filed on 2025-09-30 or earlier; the refusal is to a guardian, so it comes in writing. */
export function sampleTickets(locale: DemoLocale): ComplaintTicket[] {
  const text = words[locale];
  return [
    { id: 'T20250930-A1', kind: 'recommendation', receivedAt: '2025-09-30T02:00:00.000Z', status: 'received' },
    { id: 'T20250926-B2', kind: 'appeal', receivedAt: '2025-09-26T09:30:00.000Z', dueDate: '2025-10-17', status: 'processing' },
    { id: 'T20250910-C3', kind: 'illegal-content', receivedAt: '2025-09-10T03:00:00.000Z', status: 'answered', result: text.result },
    {
      id: 'T20250905-D4',
      kind: 'minor',
      receivedAt: '2025-09-05T06:00:00.000Z',
      status: 'refused',
      refusal: { reasons: text.reasons, remedy: text.remedy },
      complainant: 'guardian',
    },
  ];
}

/** While this localStorage key is `'1'`, the report fixture's backend cannot be reached, as when the phone is offline. */
export const BACKEND_OFFLINE_KEY = 'algorights-e2e:backend-offline';

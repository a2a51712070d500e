import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { createMemoryComplaintDraftsAdapter, createMemoryComplaintsAdapter } from './core/adapters.js';
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import type { ComplaintsAdapter } from './core/adapter.js';
import type { ComplaintTicket } from './core/model.js';
import { bundledMessages } from '../../kernel/core/i18n/all-messages.js';
import type { MessageOverrides } from '../../kernel/core/i18n/messages.js';
import { RightsProvider } from '../../provider.js';
import { ComplaintCenter } from './complaint-center.js';
import { ReportButton } from './report-button.js';

const m = bundledMessages['zh-CN'];
const NOW = Date.parse('2025-09-30T02:00:00Z');

function renderWith(ui: React.ReactElement, options: { complaints?: ComplaintsAdapter; drafts?: MemoryCell; messages?: MessageOverrides } = {}) {
  return render(
    <RightsProvider
      locale="zh-CN"
      messages={options.messages ? { 'zh-CN': options.messages } : undefined}
      adapters={{
        complaints: options.complaints ?? createMemoryComplaintsAdapter({ now: () => NOW }),
        complaintDrafts: createMemoryComplaintDraftsAdapter({ cell: options.drafts ?? { value: null } }),
        outbox: createMemoryOutboxAdapter(),
      }}
    >
      {ui}
    </RightsProvider>,
  );
}

describe('complaint entry', () => {
  test('ReportButton: 举报 then 提交, two activations, and the ticket with its due date in working days', async () => {
    const user = userEvent.setup();
    renderWith(<ReportButton itemId="item-7" itemLabel="某视频" now={NOW} />);
    await user.click(screen.getByRole('button', { name: '举报「某视频」' }));
    const dialog = screen.getByRole('dialog', { name: m.reportButton.title });
    expect(within(dialog).getByText('关于：某视频')).toBeVisible();
    expect(within(dialog).getByRole('radio', { name: m.complaints.kinds['illegal-content'].label })).toBeChecked();
    expect(within(dialog).getByText('受理后 15 个工作日内反馈处理结果')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: m.complaints.submit }));
    expect(await within(dialog).findByText(/已提交，工单号/)).toBeVisible();
    // 2025-09-30 + 15 working days: 2025-10-28, with the National Day holiday and the make-up Saturday.
    expect(within(dialog).getByText(/2025年10月28日/)).toBeVisible();
  });

  test('a draft survives a closed sheet', async () => {
    const user = userEvent.setup();
    renderWith(<ReportButton itemId="item-7" itemLabel="某视频" />);
    await user.click(screen.getByRole('button', { name: '举报「某视频」' }));
    await user.type(screen.getByRole('textbox', { name: m.complaints.text.labelOptional }), '涉嫌诈骗');
    await user.click(screen.getByRole('button', { name: m.reportButton.close }));
    await user.click(screen.getByRole('button', { name: '举报「某视频」' }));
    expect(screen.getByRole('textbox', { name: m.complaints.text.labelOptional })).toHaveValue('涉嫌诈骗');
  });

  test('ComplaintCenter: the center asks for a kind and the text, and says when the text is missing', async () => {
    const user = userEvent.setup();
    renderWith(<ComplaintCenter now={NOW} deadlines={{ appeal: 7 }} />);
    expect(screen.getByRole('button', { name: m.complaints.submit })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: m.complaints.kinds.appeal.label }));
    expect(screen.getByText('受理后 7 个工作日内反馈处理结果')).toBeVisible();
    await user.click(screen.getByRole('button', { name: m.complaints.submit }));
    expect(screen.getByRole('alert')).toHaveTextContent(m.complaints.text.required);
    expect(screen.getByRole('link', { name: new RegExp(m.complaints.external.link) })).toHaveAttribute('href', 'https://www.12377.cn/');
  });

  test('a deadline over 15 working days is a developer error', () => {
    expect(() => renderWith(<ComplaintCenter deadlines={{ appeal: 20 }} />)).toThrow(/1 to 15/);
  });

  test('offline: the submission waits on the device, and the form says so', async () => {
    const user = userEvent.setup();
    renderWith(<ReportButton itemId="item-7" />, { complaints: withAdapterFaults(createMemoryComplaintsAdapter(), { reject: ['submit'] }) });
    await user.click(screen.getByRole('button', { name: m.reportButton.trigger }));
    await user.click(screen.getByRole('button', { name: m.complaints.submit }));
    expect(await screen.findByText(m.complaints.pending)).toBeVisible();
    expect(screen.getByRole('button', { name: m.complaints.retryNow })).toBeVisible();
  });

  test('a refusal to a guardian gives its reasons and a written notice to print or save', async () => {
    const refused: ComplaintTicket = {
      id: 'T-9',
      kind: 'minor',
      receivedAt: '2025-09-30T02:00:00.000Z',
      status: 'refused',
      refusal: { reasons: ['所举报内容已被删除'] },
      complainant: 'guardian',
    };
    renderWith(<ComplaintCenter now={NOW} />, { complaints: createMemoryComplaintsAdapter({ initial: [refused] }) });
    const notice = await screen.findByRole('article', { name: m.complaints.refusal.noticeTitle });
    expect(notice).toHaveTextContent('所举报内容已被删除');
    expect(within(notice).getByRole('button', { name: m.complaints.refusal.print })).toBeVisible();
    expect(within(notice).getByRole('button', { name: m.complaints.refusal.save })).toBeVisible();
    expect(screen.getByText(m.complaints.tickets.status.refused)).toBeVisible();
  });

  test('tickets show their status and the working days left', async () => {
    const received: ComplaintTicket = { id: 'T-1', kind: 'appeal', receivedAt: '2025-09-30T02:00:00.000Z', status: 'processing' };
    renderWith(<ComplaintCenter now={Date.parse('2025-10-09T02:00:00Z')} />, { complaints: createMemoryComplaintsAdapter({ initial: [received] }) });
    await waitFor(() => expect(screen.getByText(m.complaints.tickets.status.processing)).toBeVisible());
    expect(screen.getByText(/还剩 14 个工作日/)).toBeVisible();
  });

  test('no visible or assistive string is a literal', async () => {
    const markers = (value: unknown, prefix = ''): unknown =>
      typeof value === 'string'
        ? `«${prefix}»`
        : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, markers(child, prefix ? `${prefix}.${key}` : key)]));
    const marked = markers(bundledMessages['zh-CN']) as MessageOverrides;
    const refused: ComplaintTicket = { id: 'T-9', kind: 'minor', receivedAt: '2025-09-30T02:00:00.000Z', status: 'refused', refusal: { reasons: ['x'] }, complainant: 'minor' };
    const { container } = renderWith(
      <>
        <ReportButton itemId="item-7" />
        <ComplaintCenter now={NOW} />
      </>,
      { complaints: createMemoryComplaintsAdapter({ initial: [refused] }), messages: marked },
    );
    await screen.findByRole('article');
    const found: string[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Ticket ids, dates and the platform's own reasons are data, not the kit's strings.
      const rest = (node.textContent ?? '').replace(/«[^»]+»/g, '').replace(/T-9|x|·/g, '').trim();
      if (rest) {
        found.push(rest);
      }
    }
    for (const element of container.querySelectorAll('[aria-label]')) {
      if ((element.getAttribute('aria-label') ?? '').replace(/«[^»]+»/g, '').trim()) {
        found.push(`aria-label: ${element.getAttribute('aria-label')}`);
      }
    }
    expect(found).toEqual([]);
  });
});

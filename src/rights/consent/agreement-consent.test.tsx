import { createHash } from 'node:crypto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { createMemoryConsentAdapter, type StoredConsent } from './core/adapters.js';
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import type { MemoryCell } from '../../kernel/core/adapters/storage.js';
import type { ConsentAdapter } from './core/adapter.js';
import type { ConsentDocument, SeparateConsentRequest } from './core/model.js';
import { bundledMessages } from '../../kernel/core/i18n/all-messages.js';
import { RightsProvider } from '../../provider.js';
import { AgreementConsent } from './agreement-consent.js';
import { parseMarkdownBlocks } from './consent-parts.js';
import { ConsentSettings } from './consent-settings.js';
import { SeparateConsent } from './separate-consent.js';

const m = bundledMessages['zh-CN'].consent;

const agreement: ConsentDocument = {
  id: 'service-agreement',
  version: '2026-11',
  kind: 'service-agreement',
  title: '用户服务协议',
  effectiveDate: '2026-11-01',
  text: '一、服务内容\n本服务向注册用户提供短视频浏览与发布。\n\n二、用户的权利和义务',
};
const privacy: ConsentDocument = { id: 'privacy-rules', version: '2026-11', kind: 'privacy-rules', title: '个人信息处理规则', effectiveDate: '2026-11-01', text: '我们处理你的账号信息……' };

function renderWith(ui: React.ReactElement, options: { consent?: ConsentAdapter; cell?: MemoryCell; outbox?: MemoryCell } = {}) {
  return render(
    <RightsProvider
      locale="zh-CN"
      adapters={{ consent: options.consent ?? createMemoryConsentAdapter({ cell: options.cell ?? { value: null } }), outbox: createMemoryOutboxAdapter({ cell: options.outbox ?? { value: null } }) }}
    >
      {ui}
    </RightsProvider>,
  );
}

const stored = (cell: MemoryCell) => (cell.value as StoredConsent | null)?.receipts ?? [];

describe('AgreementConsent', () => {
  test('no dark patterns: unticked, 同意 disabled until ticked, 不同意 one action; agreeing stores one receipt per document with the hash of the text shown', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const agreed: unknown[] = [];
    renderWith(<AgreementConsent documents={[agreement, privacy]} subjectId="user-1" presentation="inline" onAgreed={(receipts) => agreed.push(receipts)} />, { cell });
    const checkbox = await screen.findByRole('checkbox', { name: '我已阅读并同意《用户服务协议》和《个人信息处理规则》' });
    expect(checkbox).not.toBeChecked();
    expect(screen.getByRole('button', { name: m.agreement.agree })).toBeDisabled();
    expect(screen.getByRole('button', { name: m.agreement.decline })).toBeEnabled();
    const body = screen.getByRole('region', { name: '用户服务协议全文' });
    expect(body.querySelector('[data-slot="consent-document-plain"]')?.textContent).toBe(agreement.text);
    await user.click(checkbox);
    await user.click(screen.getByRole('button', { name: m.agreement.agree }));
    await waitFor(() => expect(stored(cell)).toHaveLength(2));
    expect(stored(cell).find((receipt) => receipt.documentId === 'service-agreement')).toMatchObject({
      event: 'given',
      textSha256: createHash('sha256').update(agreement.text).digest('hex'),
      locale: 'zh-CN',
      subjectId: 'user-1',
      purposes: ['service-agreement'],
    });
    await waitFor(() => expect(document.querySelector('[data-slot="agreement-consent"]')).toHaveAttribute('data-value', 'agreed'));
    expect(agreed).toHaveLength(1);
  });

  test('declining is recorded and not asked again on the next visit within the quiet period', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    const outbox: MemoryCell = { value: null };
    const first = renderWith(<AgreementConsent documents={[agreement]} subjectId="user-1" presentation="inline" />, { cell, outbox });
    await user.click(await screen.findByRole('button', { name: m.agreement.decline }));
    expect(await screen.findByRole('button', { name: m.agreement.reopen })).toBeVisible();
    first.unmount();
    renderWith(<AgreementConsent documents={[agreement]} subjectId="user-1" presentation="inline" />, { cell, outbox });
    expect(await screen.findByRole('button', { name: m.agreement.reopen })).toBeVisible();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(stored(cell).map((receipt) => receipt.event)).toEqual(['declined']);
  });

  test('while the receipt cannot be stored, the screen says so and keeps the tick', async () => {
    const user = userEvent.setup();
    renderWith(<AgreementConsent documents={[agreement]} subjectId="user-1" presentation="inline" />, { consent: withAdapterFaults(createMemoryConsentAdapter(), { reject: ['record'] }) });
    await user.click(await screen.findByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: m.agreement.agree }));
    expect(await screen.findByText(m.agreement.pending)).toBeVisible();
    expect(screen.getByRole('checkbox')).toBeChecked();
    expect(screen.getByRole('button', { name: m.retryNow })).toBeVisible();
  });

  test('a new version shows the platform’s change summary and asks again; a guardian consents under 14 with the children’s rules', async () => {
    const cell: MemoryCell = { value: null };
    createMemoryConsentAdapter({
      cell,
      initial: [{ recordId: 'r1', receiptId: 'R1', storedAt: '2026-10-01T00:00:00.000Z', documentId: 'service-agreement', documentVersion: '2026-10', textSha256: '0'.repeat(64), locale: 'zh-CN', event: 'given', collectedAt: '2026-10-01T00:00:00.000Z', collectionMethod: 'checkbox-in-dialog', purposes: ['service-agreement'], subjectId: 'user-1' }],
    });
    const renewed = { ...agreement, change: { kind: 'consent' as const, summary: '新增“附近的人”功能，使用你的位置信息。' } };
    const view = renderWith(<AgreementConsent documents={[renewed]} subjectId="user-1" presentation="inline" />, { cell });
    expect(await screen.findByText(renewed.change.summary)).toBeVisible();
    expect(screen.getByText(m.agreement.renewNote)).toBeVisible();
    view.unmount();
    const children: ConsentDocument = { id: 'children-rules', version: '1', kind: 'children-rules', title: '儿童个人信息处理规则', effectiveDate: '2026-11-01', text: '我们如何保护儿童个人信息……' };
    renderWith(<AgreementConsent documents={[agreement]} subjectId="child-1" age={12} childrenRules={children} presentation="inline" />);
    expect(await screen.findByRole('heading', { name: m.agreement.guardianTitle })).toBeVisible();
    expect(screen.getByRole('region', { name: '儿童个人信息处理规则全文' })).toBeVisible();
    expect(screen.getByRole('checkbox', { name: /我是孩子的父母或其他监护人/ })).not.toBeChecked();
  });

  test('renders on the server with no window access and no prompt before the receipts are known', () => {
    const html = renderToString(
      <RightsProvider locale="zh-CN" adapters={{ consent: createMemoryConsentAdapter(), outbox: createMemoryOutboxAdapter() }}>
        <AgreementConsent documents={[agreement]} subjectId="user-1" />
      </RightsProvider>,
    );
    expect(html).toContain('data-slot="agreement-consent"');
  });
});

const faces: SeparateConsentRequest = {
  id: 'face-swap',
  version: '1',
  purpose: 'face-voice-editing',
  title: '换脸特效',
  purposeText: '将照片中的人脸替换为你选择的模板',
  data: '人脸图像',
  necessity: '仅用于生成本次特效；不同意不影响其他功能',
};

describe('SeparateConsent', () => {
  test('face or voice editing also asks that the person edited was informed and consented (DS 14); declining leaves a quiet note', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    renderWith(<SeparateConsent request={faces} subjectId="user-1" />, { cell });
    const agree = await screen.findByRole('button', { name: m.separate.agree });
    await user.click(screen.getByRole('checkbox', { name: `我单独同意${m.separate.purposes['face-voice-editing']}` }));
    expect(agree).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: m.separate.informedCheck }));
    expect(agree).toBeEnabled();
    await user.click(agree);
    await waitFor(() => expect(stored(cell)[0]).toMatchObject({ event: 'given', confirmations: ['edited-person-informed-and-consented'], purposes: ['face-voice-editing'] }));
    expect(await screen.findByText(m.separate.given)).toBeVisible();
  });
});

describe('ConsentSettings', () => {
  test('lists what the user agreed to with its receipts, and withdraws in two activations, as giving took', async () => {
    const user = userEvent.setup();
    const cell: MemoryCell = { value: null };
    createMemoryConsentAdapter({
      cell,
      initial: [{ recordId: 'r1', receiptId: 'R1', storedAt: '2026-11-01T00:00:00.000Z', documentId: 'privacy-rules', documentVersion: '2026-11', textSha256: 'a'.repeat(64), locale: 'zh-CN', event: 'given', collectedAt: '2026-11-01T00:00:00.000Z', collectionMethod: 'checkbox-in-dialog', purposes: ['privacy-rules'], subjectId: 'user-1' }],
    });
    renderWith(<ConsentSettings documents={[privacy]} subjectId="user-1" />, { cell });
    const row = await screen.findByRole('listitem', { name: '个人信息处理规则' });
    expect(within(row).getByText(m.settings.status.given)).toBeVisible();
    expect(within(row).getByText('a'.repeat(64))).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: m.settings.withdraw }));
    await waitFor(() => expect(within(row).getByRole('button', { name: m.settings.cancel })).toHaveFocus());
    await user.click(within(row).getByRole('button', { name: m.settings.confirm }));
    await waitFor(() => expect(stored(cell).map((receipt) => receipt.event)).toEqual(['given', 'withdrawn']));
    await waitFor(() => expect(row).toHaveFocus());
    expect(within(row).getByText(m.settings.status.withdrawn)).toBeVisible();
    expect(stored(cell)[1]).toMatchObject({ textSha256: 'a'.repeat(64), documentVersion: '2026-11', collectionMethod: 'button-in-settings' });
  });
});

describe('the Markdown subset', () => {
  test('headings, lists and paragraphs become elements; HTML stays text', () => {
    const blocks = parseMarkdownBlocks('# 总则\n\n- 一\n- 二\n\n<img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: '总则' },
      { kind: 'list', ordered: false, items: ['一', '二'] },
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
    ]);
    renderWith(<AgreementConsent documents={[{ ...agreement, format: 'markdown', text: '# 总则\n\n<img src=x onerror=alert(1)>' }]} subjectId="user-1" presentation="inline" />);
    return waitFor(() => {
      expect(document.querySelector('img')).toBeNull();
      expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    });
  });
});

// Every string replaced by a marker naming its key, and the platform's own text marked too: whatever else is in
// the DOM was written into a component as a literal.
function markers(value: unknown, prefix = ''): unknown {
  if (typeof value === 'string') {
    return `«${prefix}»`;
  }
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, child]) => [key, markers(child, prefix ? `${prefix}.${key}` : key)]));
}

function literalStrings(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const rest = (node.textContent ?? '').replace(/«[^»]+»/g, '').trim();
    if (rest) {
      found.push(`text: ${rest}`);
    }
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'aria-description', 'title', 'alt', 'placeholder']) {
      const value = element.getAttribute(name);
      if (value !== null && value.replace(/«[^»]+»/g, '').trim()) {
        found.push(`${name}: ${value}`);
      }
    }
  }
  return found;
}

describe('no visible or assistive string of the consent is a literal', () => {
  const marked = markers(bundledMessages['zh-CN']) as never;
  const markedDocument: ConsentDocument = { ...agreement, title: '«t»', text: '«x»', generative: { audience: '«a»', labelling: '«l»' }, change: { kind: 'consent', summary: '«s»' } };
  const renderMarked = (ui: React.ReactElement, consent: ConsentAdapter = createMemoryConsentAdapter()) =>
    render(
      <RightsProvider locale="zh-CN" messages={{ 'zh-CN': marked }} adapters={{ consent, outbox: createMemoryOutboxAdapter() }}>
        {ui}
      </RightsProvider>,
    );

  test('AgreementConsent as a dialog, for a guardian, and SeparateConsent for a cross-border transfer', async () => {
    renderMarked(
      <>
        <AgreementConsent documents={[markedDocument]} subjectId="user-1" age={9} childrenRules={{ ...markedDocument, id: 'children-rules', kind: 'children-rules' }} />
        <SeparateConsent
          request={{ id: 'x', version: '1', purpose: 'cross-border', title: '«t»', purposeText: '«p»', data: '«d»', necessity: '«n»', method: '«m»', recipient: { name: '«r»', contact: '«c»', country: '«k»', rights: '«g»' } }}
          subjectId="user-1"
        />
      </>,
    );
    await screen.findByRole('dialog');
    expect(document.body.textContent).toContain('«consent.agreement.guardianTitle»');
    expect(document.body.textContent).toContain('«consent.separate.fields.country»');
    expect(literalStrings(document.body)).toEqual([]);
  });

  test('ConsentSettings with a receipt open: only its data (ids, hash, times) is not a string of the kit', async () => {
    const user = userEvent.setup();
    const receipt = { recordId: 'r1', receiptId: 'R1', storedAt: '2026-11-01T00:00:00.000Z', documentId: 'privacy-rules', documentVersion: '2026-11', textSha256: 'a'.repeat(64), locale: 'zh-CN', event: 'given' as const, collectedAt: '2026-11-01T00:00:00.000Z', collectionMethod: 'checkbox-in-dialog', purposes: ['privacy-rules'], subjectId: 'user-1' };
    const { container } = renderMarked(<ConsentSettings documents={[{ ...privacy, title: '«t»' }]} subjectId="user-1" />, createMemoryConsentAdapter({ initial: [receipt] }));
    await user.click(await within(container).findByText('«consent.settings.receiptsTitle»'));
    const data = new Set([receipt.recordId, receipt.receiptId, receipt.documentVersion, receipt.textSha256, receipt.locale, receipt.collectionMethod, 'privacy-rules']);
    expect(literalStrings(container).filter((entry) => !data.has(entry.slice('text: '.length)) && !/\d{4}年/.test(entry))).toEqual([]);
  });
});

describe('when the receipts cannot be read', () => {
  test('SeparateConsent neither asks (the user may have declined elsewhere) nor grants, and offers to retry', async () => {
    renderWith(<SeparateConsent request={faces} subjectId="user-1" />, { consent: withAdapterFaults(createMemoryConsentAdapter(), { reject: ['load'] }) });
    expect(await screen.findByText(m.failed.load)).toBeVisible();
    expect(screen.getByRole('button', { name: m.retryNow })).toBeVisible();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(document.querySelector('[data-slot="separate-consent"]')).toHaveAttribute('data-value', 'error');
  });
});

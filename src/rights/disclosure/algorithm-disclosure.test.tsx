import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import en from '../../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { withAdapterFaults } from '../../kernel/core/adapters/fault-injection.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../personalization/core/adapters.js';
import { FILING_RECORD_URL } from './core/filing.js';
import { RightsProvider } from '../../provider.js';
import { AlgorithmDisclosure } from './algorithm-disclosure.js';
import { WhyRecommended } from './why-recommended.js';

const adapters = () => ({ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() });
const filing = { number: '网信算备110108823483902230019号', name: '个性化推荐算法', url: 'https://example.test/record/0019' };

describe('AlgorithmDisclosure', () => {
  test('the notice shows the filing number linked to its record, and opens a dialog with the three statutory sections', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure principles="依据内容特征和你的互动排序。" purpose="帮你发现感兴趣的内容。" mechanism="每次刷新时重新计算。" filings={filing} />
      </RightsProvider>,
    );
    expect(screen.getByText(zhCN.algorithmDisclosure.notice)).toBeVisible();
    const noticeLink = screen.getByRole('link', { name: /网信算备110108823483902230019号/ });
    expect(noticeLink).toHaveAttribute('href', filing.url);
    expect(noticeLink).toHaveAttribute('target', '_blank');

    const trigger = screen.getByRole('button', { name: zhCN.algorithmDisclosure.openDetails });
    await user.click(trigger);
    const dialog = screen.getByRole('dialog', { name: zhCN.algorithmDisclosure.title });
    // The first focus is the text the law asks the user to see, not the switch inside.
    expect(within(dialog).getByRole('heading', { name: zhCN.algorithmDisclosure.title })).toHaveFocus();
    for (const heading of ['基本原理', '目的意图', '主要运行机制']) {
      expect(within(dialog).getByRole('heading', { name: heading })).toBeVisible();
    }
    expect(within(dialog).getByRole('region', { name: '基本原理' })).toHaveTextContent('依据内容特征和你的互动排序。');
    expect(within(dialog).queryByRole('heading', { name: zhCN.algorithmDisclosure.sections.audience })).toBeNull();
    expect(within(dialog).getByRole('link', { name: /查看备案编号 网信算备110108823483902230019号 的公示信息/ })).toHaveAttribute('href', filing.url);
    expect(within(dialog).getByText('个性化推荐算法')).toBeVisible();
    // With no settings link given, the user can act right here.
    expect(within(dialog).getByRole('switch', { name: '个性化推荐' })).toBeChecked();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  test('lists several filings, the generative-service audience, the fair-pricing statement and a settings link', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure
          principles="p"
          purpose="u"
          mechanism="m"
          audience="面向成年用户的写作辅助。"
          fairPricing
          settingsHref="/settings/personalization"
          filings={[filing, { number: '网信算备440305185718601220013号' }]}
          defaultOpen
        />
      </RightsProvider>,
    );
    const dialog = screen.getByRole('dialog');
    // One filing has its own record; the other, without one, links to the national search and says so.
    expect(within(dialog).getByRole('link', { name: /查看备案编号/ })).toHaveAttribute('href', filing.url);
    expect(within(dialog).getByRole('link', { name: /在全国算法备案系统查询 网信算备440305185718601220013号/ })).toHaveAttribute('href', FILING_RECORD_URL);
    expect(within(dialog).getByRole('region', { name: zhCN.algorithmDisclosure.sections.audience })).toHaveTextContent('面向成年用户');
    expect(within(dialog).getByText(zhCN.algorithmDisclosure.fairPricingDefault)).toBeVisible();
    expect(within(dialog).getByRole('link', { name: zhCN.algorithmDisclosure.settingsLink })).toHaveAttribute('href', '/settings/personalization');
    expect(within(dialog).queryByRole('switch')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: zhCN.algorithmDisclosure.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  test('the settings and complaint links are one group of navigating list cells, named by their text alone', () => {
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filingStatus="in-progress" settingsHref="/settings" complaintsHref="/complaints" defaultOpen />
      </RightsProvider>,
    );
    const dialog = screen.getByRole('dialog');
    const links = within(dialog)
      .getAllByRole('list')
      .find((list) => list.getAttribute('data-slot') === 'algorithm-disclosure-links');
    expect(links).toBeDefined();
    const cells = within(links as HTMLElement).getAllByRole('link');
    // The chevron is drawn, not written: screen readers hear the link's text only.
    expect(cells.map((cell) => cell.textContent)).toEqual([zhCN.algorithmDisclosure.settingsLink, zhCN.algorithmDisclosure.complaintsLink]);
    expect(cells.map((cell) => cell.getAttribute('data-ar-cell'))).toEqual(['link', 'link']);
  });

  test('every link it renders is http(s) or on the page\'s own origin; anything else is a developer error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const number = '网信算备110108823483902230019号';
    const renderWith = (props: { settingsHref?: string; url?: string }) =>
      render(
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={{ number, ...(props.url === undefined ? {} : { url: props.url }) }} settingsHref={props.settingsHref} defaultOpen />
        </RightsProvider>,
      );
    for (const unsafe of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', '/\\evil.example/x', '']) {
      expect(() => renderWith({ settingsHref: unsafe })).toThrowError(/unsafe `settingsHref`/);
      expect(() => renderWith({ url: unsafe })).toThrowError(/unsafe `filings\[\]\.url`/);
    }
    const view = renderWith({ settingsHref: '/settings/recommendations?from=disclosure', url: 'https://beian.cac.gov.cn/#/index' });
    expect(within(view.getByRole('dialog')).getByRole('link', { name: zhCN.algorithmDisclosure.settingsLink })).toHaveAttribute('href', '/settings/recommendations?from=disclosure');
  });

  test('a malformed filing number is a developer error naming the expected form', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={{ number: '网信算备123号' }} />
        </RightsProvider>,
      ),
    ).toThrowError(/malformed filing number "网信算备123号".*"网信算备" \+ 21 digits \+ "号"/);
  });
});

describe('AlgorithmDisclosure on a phone and in a feed', () => {
  test('the ✕ in the header closes the dialog and returns focus to what opened it', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="en" adapters={adapters()}>
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={filing} />
      </RightsProvider>,
    );
    const trigger = screen.getByRole('button', { name: en.algorithmDisclosure.openDetails });
    await user.click(trigger);
    const dialog = screen.getByRole('dialog', { name: en.algorithmDisclosure.title });
    const close = within(dialog).getByRole('button', { name: en.algorithmDisclosure.close });
    // One close button, in the header, before the content that scrolls.
    expect(within(dialog).getAllByRole('button', { name: en.algorithmDisclosure.close })).toHaveLength(1);
    expect(close.closest('[data-slot="algorithm-disclosure-header"]')).toContainElement(within(dialog).getByRole('heading', { level: 2 }));
    expect(close.compareDocumentPosition(within(dialog).getByRole('region', { name: en.algorithmDisclosure.sections.principles })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(close);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  test('the dialog is portalled out of a clipping card into the theme scope, and keeps the elderly mode and language of where it sits', async () => {
    const user = userEvent.setup();
    const view = render(
      <div data-ar-theme="dark" data-testid="theme">
        <div data-ar-mode="elderly" lang="en" style={{ overflow: 'hidden' }} data-testid="card">
          <RightsProvider locale="en" adapters={adapters()}>
            <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={filing} />
          </RightsProvider>
        </div>
      </div>,
    );
    await user.click(screen.getByRole('button', { name: en.algorithmDisclosure.openDetails }));
    const dialog = screen.getByRole('dialog');
    expect(view.getByTestId('card')).not.toContainElement(dialog);
    expect(view.getByTestId('theme')).toContainElement(dialog);
    expect(dialog).toHaveAttribute('data-ar-mode', 'elderly');
    expect(dialog).toHaveAttribute('lang', 'en');
  });

  test('container={false} renders the dialog in place', () => {
    const view = render(
      <div data-testid="scope">
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={filing} container={false} defaultOpen />
        </RightsProvider>
      </div>,
    );
    expect(view.getByTestId('scope')).toContainElement(screen.getByRole('dialog'));
  });

  test('a provider in its filing period still shows the disclosure, saying the filing is in progress', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filingStatus="in-progress" />
      </RightsProvider>,
    );
    expect(screen.getByText(zhCN.algorithmDisclosure.notice)).toBeVisible();
    expect(screen.getByText(zhCN.algorithmDisclosure.filingInProgress)).toBeVisible();
    expect(screen.queryByRole('link')).toBeNull();
    await user.click(screen.getByRole('button', { name: zhCN.algorithmDisclosure.openDetails }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('region', { name: zhCN.algorithmDisclosure.filingsTitle })).toHaveTextContent(zhCN.algorithmDisclosure.filingInProgressDetail);
    expect(within(dialog).getByRole('heading', { name: zhCN.algorithmDisclosure.sections.principles })).toBeVisible();
  });

  test('without filings and without the in-progress status, the developer error names both fixes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" />
        </RightsProvider>,
      ),
    ).toThrowError(/needs `filings`.*filingStatus="in-progress"/);
  });

  test("a filing's record link defaults to the national filing system's public search", () => {
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={{ number: filing.number }} />
      </RightsProvider>,
    );
    expect(screen.getByRole('link', { name: new RegExp(filing.number) })).toHaveAttribute('href', FILING_RECORD_URL);
  });

  test("a generative-AI service shows each model's name with its 备案号 or 上线编号, which need not be in the 网信算备 format", () => {
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <AlgorithmDisclosure
          principles="p"
          purpose="u"
          mechanism="m"
          filings={filing}
          generativeAi={[
            { model: '写作助手大模型', number: 'Beijing-XieZuo-20240101' },
            { model: '客服问答', number: '110108-2024-0007', kind: 'registered' },
          ]}
          defaultOpen
        />
      </RightsProvider>,
    );
    const section = within(screen.getByRole('dialog')).getByRole('region', { name: zhCN.algorithmDisclosure.generative.title });
    const terms = within(section).getAllByRole('term').map((term) => term.textContent);
    const definitions = within(section).getAllByRole('definition').map((definition) => definition.textContent);
    expect(terms).toEqual(['模型名称', '备案号', '模型名称', '上线编号']);
    expect(definitions).toEqual(['写作助手大模型', 'Beijing-XieZuo-20240101', '客服问答', '110108-2024-0007']);
  });

  test('a generative-AI filing without its number is a developer error naming the field', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <RightsProvider locale="zh-CN" adapters={adapters()}>
          <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={filing} generativeAi={{ model: '写作助手大模型', number: ' ' }} />
        </RightsProvider>,
      ),
    ).toThrowError(/needs `generativeAi\[\]\.number` on one line.*备案号 or 上线编号/);
  });

  test('zh-HK gets Hong Kong words, and zh-TW for the rest', () => {
    render(
      <RightsProvider locale="zh-Hant-HK" adapters={adapters()}>
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={filing} defaultOpen />
      </RightsProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: '算法推薦服務公示' });
    expect(within(dialog).getByRole('heading', { name: '基本原理' })).toBeVisible();
    expect(within(dialog).getByRole('switch', { name: '個人化推薦' })).toBeInTheDocument();
    expect(screen.getByText('以下內容由算法推薦')).toBeVisible();
  });
});

describe('WhyRecommended', () => {
  test('shows the platform reasons in a popover named after the item', async () => {
    const user = userEvent.setup();
    render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <WhyRecommended itemLabel="露营装备清单" reasons={['你关注了户外话题', '附近用户常看']} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: '「露营装备清单」的推荐理由' }));
    const popover = screen.getByRole('dialog', { name: zhCN.whyRecommended.title });
    expect(within(popover).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['你关注了户外话题', '附近用户常看']);
    await waitFor(() => expect(popover).toHaveAttribute('data-mode', 'personalized'));
    expect(within(popover).queryByText(zhCN.whyRecommended.nonPersonalized)).toBeNull();
  });

  test('the trigger is a light ⓘ icon button named for screen readers; the popover is portalled, has a ✕, and returns focus', async () => {
    const user = userEvent.setup();
    const view = render(
      <RightsProvider locale="en" adapters={adapters()}>
        <div style={{ overflow: 'hidden' }} data-testid="card">
          <WhyRecommended reasons={['You follow outdoor topics']} />
        </div>
      </RightsProvider>,
    );
    const trigger = screen.getByRole('button', { name: 'Why this?' });
    // No visible text: a glyph, hidden from assistive technology.
    expect(trigger).toHaveTextContent('');
    expect(trigger.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
    await user.click(trigger);
    const popover = screen.getByRole('dialog', { name: en.whyRecommended.title });
    expect(view.getByTestId('card')).not.toContainElement(popover);
    await user.click(within(popover).getByRole('button', { name: en.whyRecommended.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  test('container={false} renders the popover in place', () => {
    const view = render(
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        <div data-testid="card">
          <WhyRecommended reasons={['r']} container={false} defaultOpen />
        </div>
      </RightsProvider>,
    );
    expect(view.getByTestId('card')).toContainElement(screen.getByRole('dialog'));
  });

  test('says nothing about the mode until the stored choice is known', () => {
    render(
      <RightsProvider
        locale="zh-CN"
        adapters={{ preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { hang: ['load'] }), outbox: createMemoryOutboxAdapter() }}
      >
        <WhyRecommended reasons={['你关注了户外话题']} defaultOpen />
      </RightsProvider>,
    );
    const popover = screen.getByRole('dialog', { name: zhCN.whyRecommended.title });
    expect(popover).toHaveAttribute('data-mode', 'unknown');
    expect(within(popover).queryByText(zhCN.whyRecommended.nonPersonalized)).toBeNull();
    expect(within(popover).queryByText(zhCN.whyRecommended.notPersonalized)).toBeNull();
    expect(within(popover).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['你关注了户外话题']);
  });

  test('after a fallback from corrupt storage it says the item is not personalized, never that the user turned it off', () => {
    localStorage.setItem('algorights:preferences', 'not json');
    render(
      <RightsProvider locale="en" onError={() => {}}>
        <WhyRecommended reasons={[]} defaultOpen />
      </RightsProvider>,
    );
    const popover = screen.getByRole('dialog', { name: en.whyRecommended.title });
    expect(popover).toHaveAttribute('data-mode', 'fallback');
    expect(within(popover).getByText(en.whyRecommended.notPersonalized)).toBeVisible();
    expect(within(popover).queryByText(en.whyRecommended.nonPersonalized)).toBeNull();
    localStorage.clear();
  });

  test('in non-personalized mode the active strategy is the first reason', async () => {
    const preferences = createMemoryPreferencesAdapter();
    await preferences.save(
      {
        preferences: { master: 'personalized', scopes: { feed: 'non-personalized', ads: 'personalized', push: 'personalized', search: 'personalized' }, strategy: 'popular' },
        revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
      },
      { idempotencyKey: 'seed', signal: new AbortController().signal },
    );
    const strategies = [
      { id: 'popular', label: '全国热门', reason: '按热门程度推荐' },
      { id: 'latest', label: '最新' },
    ];
    const view = render(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }}>
        <WhyRecommended reasons={['本周阅读量前十']} strategies={strategies} defaultOpen />
      </RightsProvider>,
    );
    const popover = await screen.findByRole('dialog', { name: zhCN.whyRecommended.title });
    await waitFor(() => expect(popover).toHaveAttribute('data-mode', 'non-personalized'));
    expect(within(popover).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['按热门程度推荐', '本周阅读量前十']);
    // Without a reason of its own, the strategy is named.
    view.rerender(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }}>
        <WhyRecommended reasons={[]} strategies={[{ id: 'popular', label: '全国热门' }]} defaultOpen />
      </RightsProvider>,
    );
    expect(within(screen.getByRole('dialog')).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['按「全国热门」推荐']);
  });

  test('says plainly when the feed is non-personalized', async () => {
    const user = userEvent.setup();
    const preferences = createMemoryPreferencesAdapter();
    await preferences.save(
      {
        preferences: {
          master: 'non-personalized',
          scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
          strategy: null,
        },
        revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
      },
      { idempotencyKey: 'seed', signal: new AbortController().signal },
    );
    render(
      <RightsProvider locale="zh-CN" adapters={{ preferences, outbox: createMemoryOutboxAdapter() }}>
        <WhyRecommended reasons={[]} />
      </RightsProvider>,
    );
    await user.click(screen.getByRole('button', { name: zhCN.whyRecommended.trigger }));
    expect(screen.getByText(zhCN.whyRecommended.nonPersonalized)).toBeVisible();
    expect(screen.getByText(zhCN.whyRecommended.noReasons)).toBeVisible();
  });
});

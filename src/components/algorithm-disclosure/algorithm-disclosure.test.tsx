import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import zhCN from '../../../locales/zh-CN/algorights.json' with { type: 'json' };
import { createMemoryOutboxAdapter } from '../../core/adapters/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../core/adapters/preferences-adapters.js';
import { RightsProvider } from '../../provider/rights-provider.js';
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
    expect(within(dialog).getAllByRole('link', { name: /查看备案编号/ })).toHaveLength(2);
    expect(within(dialog).getByRole('region', { name: zhCN.algorithmDisclosure.sections.audience })).toHaveTextContent('面向成年用户');
    expect(within(dialog).getByText(zhCN.algorithmDisclosure.fairPricingDefault)).toBeVisible();
    expect(within(dialog).getByRole('link', { name: zhCN.algorithmDisclosure.settingsLink })).toHaveAttribute('href', '/settings/personalization');
    expect(within(dialog).queryByRole('switch')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: zhCN.algorithmDisclosure.close }));
    expect(screen.queryByRole('dialog')).toBeNull();
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
    expect(within(popover).queryByText(zhCN.whyRecommended.nonPersonalized)).toBeNull();
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

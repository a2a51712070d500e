// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import {
  AlgorithmDisclosure,
  NotInterestedButton,
  PersonalizationSwitch,
  RecommendationModePicker,
  RightsProvider,
  UserTagManager,
  WhyRecommended,
} from '../../index.js';

describe('server rendering', () => {
  test('runs with no window, and renders a same-size placeholder until state is known', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <RightsProvider locale="zh-CN">
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('个性化推荐');
    expect(html).toContain('aria-busy="true"');
  });

  test('renders known state from initialState with no placeholder', () => {
    const html = renderToString(
      <RightsProvider
        locale="en"
        initialState={{
          personalization: {
            master: 'non-personalized',
            scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
          },
        }}
      >
        <PersonalizationSwitch />
      </RightsProvider>,
    );
    expect(html).toContain('data-state="ready" data-value="off"');
    expect(html).toContain('aria-checked="false"');
    expect(html).not.toContain('aria-busy');
  });

  test('the recommender controls render on the server too, each in its loading or closed state', () => {
    const html = renderToString(
      <RightsProvider locale="zh-TW">
        <AlgorithmDisclosure principles="p" purpose="u" mechanism="m" filings={{ number: '网信算备110108823483902230019号' }} />
        <RecommendationModePicker strategies={[{ id: 'popular-nearby', label: '附近熱門' }]} />
        <WhyRecommended reasons={['r']} />
        <NotInterestedButton itemId="item-1" />
        <UserTagManager />
      </RightsProvider>,
    );
    expect(html).toContain('以下內容由演算法推薦');
    expect(html).toContain('网信算备110108823483902230019号');
    expect(html).toMatch(/data-slot="recommendation-mode-picker"[^>]* data-variant="settings" data-state="loading"/);
    expect(html).toContain('推薦理由');
    expect(html).toContain('不感興趣');
    expect(html).toMatch(/data-slot="user-tag-manager"[^>]* data-state="loading"/);
  });
});

// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { PersonalizationSwitch, RightsProvider } from '../index.js';

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
    expect(html).toContain('data-state="off"');
    expect(html).toContain('aria-checked="false"');
    expect(html).not.toContain('aria-busy');
  });
});

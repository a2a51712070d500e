// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { ComplaintCenter, ReportButton, RightsProvider } from '../../index.js';

describe('complaint entry on the server', () => {
  test('renders with no window, with the default localStorage adapters never touched at render', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <RightsProvider locale="zh-CN">
        <ReportButton itemId="item-7" itemLabel="某视频" />
        <ComplaintCenter />
      </RightsProvider>,
    );
    expect(html).toContain('举报「某视频」');
    expect(html).toContain('受理后 15 个工作日内反馈处理结果');
    expect(html).toContain('data-slot="complaint-tickets"');
    expect(html).toContain('aria-busy="true"');
  });
});

import { expect, test } from '@playwright/test';
import { LOCALES, expectNoAxeViolations, openStory } from '../support.js';

for (const theme of ['light', 'dark', 'elderly']) {
  for (const locale of LOCALES) {
    test(`every story opens without an error or an axe violation: ${theme}, ${locale}`, async ({ page, request }) => {
      test.setTimeout(300_000);
      const index = (await (await request.get('/index.json')).json()) as {
        entries: Record<string, { type: string; id: string }>;
      };
      // E2E fixtures are left out: the flows that drive them run axe themselves.
      const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && !entry.id.startsWith('e2e-fixtures-'));
      expect(stories.length).toBeGreaterThan(0);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      for (const story of stories) {
        await openStory(page, story.id, locale, theme);
        await expect(page.locator(`[lang="${locale}"][data-ar-theme="${theme === 'dark' ? 'dark' : 'light'}"]`).first()).toBeAttached();
        await expectNoAxeViolations(page);
      }
      expect(errors).toEqual([]);
    });
  }
}

import { expect, test } from '@playwright/test';
import { LOCALES, axeViolations, openStoryPreview, showStory } from '../support.js';

/**
 * Every story, in every theme and locale, opens without an error and without an axe violation.
 * One preview is loaded per theme and locale, and the stories are switched inside it through
 * Storybook's channel (see `showStory`); reloading iframe.html for each story took about ten times longer.
 */
for (const theme of ['light', 'dark', 'elderly']) {
  for (const locale of LOCALES) {
    test(`every story opens without an error or an axe violation: ${theme}, ${locale}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const index = (await (await request.get('/index.json')).json()) as {
        entries: Record<string, { type: string; id: string }>;
      };
      // E2E fixtures are left out: the flows that drive them run axe themselves.
      const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && !entry.id.startsWith('e2e-fixtures-'));
      expect(stories.length).toBeGreaterThan(0);

      let current = 'the preview, before any story';
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`${current}: ${error.message}`));
      let reported = 0;

      await openStoryPreview(page, { locale, theme });
      // The decorator in .storybook/preview.tsx wraps every story in this element.
      const decorator = page.locator(
        `#storybook-root [lang="${locale}"][data-ar-theme="${theme === 'dark' ? 'dark' : 'light'}"]` +
          (theme === 'elderly' ? '[data-ar-mode="elderly"]' : ':not([data-ar-mode])'),
      );

      for (const story of stories) {
        current = `story ${story.id} (${theme}, ${locale})`;
        let problems: string[];
        try {
          problems = await showStory(page, story.id);
        } catch (error) {
          problems = [`the sweep could not show it: ${(error as Error).message}`];
        }
        expect.soft(problems, `${current} did not render and play cleanly`).toEqual([]);
        if (problems.length === 0) {
          await expect.soft(decorator.first(), `${current}: the decorator did not apply the locale and theme`).toBeAttached({ timeout: 1_000 });
          await expect.soft(page.locator('#storybook-root [data-slot]').first(), `${current} rendered no component`).toBeAttached({ timeout: 1_000 });
          expect.soft(await axeViolations(page), `axe violations in ${current}`).toEqual([]);
        }
        expect.soft(pageErrors.slice(reported), `page errors while ${current} was shown`).toEqual([]);
        if (problems.length > 0) {
          // It failed already. Go on in a new preview: switching away from a story that never finished makes Storybook reload.
          await openStoryPreview(page, { locale, theme });
        }
        reported = pageErrors.length;
      }
      expect(pageErrors.slice(reported), 'page errors after the last story').toEqual([]);
      test.info().annotations.push({ type: 'stories', description: `${stories.length} stories in ${theme}, ${locale}` });
    });
  }
}

import { expect, test, type APIRequestContext } from '@playwright/test';
import { bundledMessages } from '../../src/kernel/core/i18n/all-messages.js';
import { LOCALES, axeViolations, openStoryPreview, overflowing, playOutcome, showStory, smallTargets } from '../support.js';

interface IndexEntry {
  type: string;
  id: string;
  title: string;
  tags?: string[];
}

async function storyIndex(request: APIRequestContext): Promise<IndexEntry[]> {
  const index = (await (await request.get('/index.json')).json()) as { entries: Record<string, IndexEntry> };
  return Object.values(index.entries);
}

/**
 * Every story, in every theme and locale, opens and plays without an error and without an axe violation,
 * and nothing overflows a 390 px phone.
 * One preview is loaded per pass, and the stories are switched inside it through Storybook's channel (see
 * `showStory`); reloading iframe.html for each story took about ten times longer.
 *
 * The passes. Each story's play function runs once in each locale, each time in another theme, so that axe
 * and the checks also see the states the plays open (sheets, dialogs, toasts): zh-CN in light, en in elderly
 * mode (the longest words at the largest size: where anything overflows first) and zh-TW in dark. One more
 * pass opens every story as a reviewer first sees it, where every play function must also have waited to be
 * asked for: zh-TW in elderly mode. Dark changes colours only, never a size (src/kernel/ui/contrast.test.ts holds
 * that), and elderly mode only enlarges what light shows, so the layouts are checked at the largest size in
 * both scripts. On two cores each pass costs 40–70 s of a CI run's time.
 */
const PASSES: { theme: 'light' | 'dark' | 'elderly'; locale: (typeof LOCALES)[number]; autoplay: boolean }[] = [
  { theme: 'light', locale: 'zh-CN', autoplay: true },
  { theme: 'elderly', locale: 'en', autoplay: true },
  { theme: 'dark', locale: 'zh-TW', autoplay: true },
  { theme: 'elderly', locale: 'zh-TW', autoplay: false },
];

test.describe('every story on a 390 px phone', () => {
 test.use({ viewport: { width: 390, height: 844 } });
 for (const { theme, locale, autoplay } of PASSES) {
    const checks = [
      autoplay ? 'after its play function' : 'in its initial state, its play function waiting to be asked for',
      'without an error or an axe violation, nothing overflows',
      ...(theme === 'elderly' ? ['every target is 60 px'] : []),
    ];
    test(`every story opens ${checks.join(', ')}: ${theme}, ${locale}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      // E2E fixtures are left out: the flows that drive them run axe themselves.
      const stories = (await storyIndex(request)).filter((entry) => entry.type === 'story' && !entry.tags?.includes('fixture'));
      expect(stories.length).toBeGreaterThan(0);

      let current = 'the preview, before any story';
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`${current}: ${error.message}`));
      let reported = 0;

      await openStoryPreview(page, { locale, theme, autoplay });
      // The decorator in .storybook/preview.tsx wraps every story in this element.
      const decorator = page.locator(
        `#storybook-root [lang="${locale}"][data-ar-theme="${theme === 'dark' ? theme : 'light'}"]` +
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
          if (!autoplay && story.tags?.includes('play-fn')) {
            expect
              .soft(await playOutcome(page, story.id), `${current}: its play function ran on first view (wrap it in playOnRequest)`)
              .toBe('deferred');
          }
          expect.soft(await axeViolations(page), `axe violations in ${current}`).toEqual([]);
          expect.soft(await overflowing(page), `${current} overflows a 390 px screen`).toEqual([]);
          if (theme === 'elderly') {
            expect.soft(await smallTargets(page, 60), `${current} has targets under 60 px in elderly mode`).toEqual([]);
          }
        }
        expect.soft(pageErrors.slice(reported), `page errors while ${current} was shown`).toEqual([]);
        if (problems.length > 0) {
          // It failed already. Go on in a new preview: switching away from a story that never finished makes Storybook reload.
          await openStoryPreview(page, { locale, theme, autoplay });
        }
        reported = pageErrors.length;
      }
      expect(pageErrors.slice(reported), 'page errors after the last story').toEqual([]);
      test.info().annotations.push({ type: 'stories', description: `${stories.length} stories in ${theme}, ${locale}` });
    });
 }
});

const zhCN = bundledMessages['zh-CN'];

test('the disclosure story opens as a user first sees it: the dialog closed, personalization on', async ({ page }) => {
  const id = 'components-algorithmdisclosure--default';
  const root = page.locator('#storybook-root');
  await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
  expect(await showStory(page, id)).toEqual([]);
  expect(await playOutcome(page, id)).toBe('deferred');
  await expect(root.getByRole('button', { name: zhCN.algorithmDisclosure.openDetails })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(root.getByTestId('feed-request')).toContainText('"personalized":true');
});

test('a reviewer opening Storybook sees a story on a phone-sized screen in its initial state, no test fixtures in the sidebar, and "Rerun" plays the story', async ({ page }) => {
  test.setTimeout(150_000);
  const id = 'components-personalizationswitch--default';
  await page.goto(`/?path=/story/${id}`);
  const preview = page.frameLocator('#storybook-preview-iframe');
  const master = preview.getByRole('switch', { name: zhCN.personalizationSwitch.label });
  const previewFrame = () => page.frames().find((frame) => frame.url().includes('/iframe.html'));
  // The manager and then the preview load first: allow for a slow, busy machine.
  await expect(master).toBeChecked({ timeout: 60_000 });
  await expect.poll(async () => previewFrame()?.evaluate((id) => (window as { __algorightsPlays__?: Record<string, string> }).__algorightsPlays__?.[id], id)).toBe('deferred');
  await expect(master).toBeChecked();

  const box = await page.locator('#storybook-preview-iframe').boundingBox();
  expect(box?.width, 'the preview is a 390 px phone by default').toBe(390);

  const sidebar = page.locator('#storybook-explorer-tree');
  await expect(sidebar.getByText('PersonalizationSwitch', { exact: true })).toBeVisible();
  await expect(sidebar, 'the end-to-end fixtures and the bench page are hidden from the sidebar').not.toContainText('E2E fixtures');

  await page.getByRole('tab', { name: /Interactions/ }).click();
  await page.getByRole('button', { name: 'Rerun' }).click();
  await expect(master).not.toBeChecked({ timeout: 20_000 });
  await expect.poll(async () => previewFrame()?.evaluate((id) => (window as { __algorightsPlays__?: Record<string, string> }).__algorightsPlays__?.[id], id)).toBe('played');
});

test('the disclosure docs page opens no dialog and keeps focus, and a story on it opens its dialog when asked', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto('/iframe.html?id=components-algorithmdisclosure--docs&viewMode=docs&globals=locale:zh-CN');
  const triggers = page.getByRole('button', { name: zhCN.algorithmDisclosure.openDetails });
  // A docs page renders every story of the component: allow for a slow machine.
  await expect(triggers.first()).toBeVisible({ timeout: 20_000 });
  // Every story on the page has rendered (the generative-service story opens its dialog outside docs).
  await expect(page.locator('.docs-story')).not.toHaveCount(0);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement === document.body), 'nothing on the docs page took focus').toBe(true);

  await triggers.first().click();
  const dialog = page.getByRole('dialog', { name: zhCN.algorithmDisclosure.title });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

import { expect, test } from '@playwright/test';
import en from '../../locales/en/algorights.json' with { type: 'json' };
import zhCN from '../../locales/zh-CN/algorights.json' with { type: 'json' };
import zhTW from '../../locales/zh-TW/algorights.json' with { type: 'json' };
import { AlgorithmDisclosurePage, PersonalizationSwitchPage, RecommendationModePickerPage, UserTagManagerPage } from '../../src/testing.js';
import { FILING, sampleCatalogue, sampleProfile, strategies } from '../../stories/support/demo-content.js';
import { FLOW_LOCALES, expectNoAxeViolations, flowTurns, openStory } from '../support.js';

const DISCLOSURE = 'e2e-fixtures-recommender-controls--disclosure-on-feed';
const PICKER = 'e2e-fixtures-recommender-controls--picker-with-switch';
const TAGS = 'e2e-fixtures-recommender-controls--tag-manager';
const messages = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as const;

for (const locale of FLOW_LOCALES) {
  const m = messages[locale];
  const profile = sampleProfile(locale);
  const label = (id: string) => profile.tags.find((tag) => tag.id === id)?.label ?? id;
  const categoryLabel = (id: string) => profile.categories.find((category) => category.id === id)?.label ?? id;

  const turn = flowTurns(locale);
  test.describe(`Recommender controls in ${locale}`, () => {
    if (turn()) test('opening the disclosure and following the filing link to its public record', async ({ page, context }) => {
      // The record lives on the regulator's site; tests never leave 127.0.0.1, so the request is answered here.
      await context.route('https://beian.cac.gov.cn/**', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>算法备案公示</title><h1>算法备案公示</h1>' }),
      );
      await openStory(page, DISCLOSURE, locale);
      const disclosure = new AlgorithmDisclosurePage(page, locale);
      await expectNoAxeViolations(page);
      await disclosure.openButton.click();
      await expect(disclosure.dialog).toBeVisible();
      for (const section of ['principles', 'purpose', 'mechanism', 'fairPricing'] as const) {
        await expect(disclosure.section(section)).toBeVisible();
      }
      await expectNoAxeViolations(page);

      const [record] = await Promise.all([context.waitForEvent('page'), disclosure.filingRecordLink(FILING.number).click()]);
      await record.waitForLoadState();
      expect(record.url()).toBe(FILING.url);
      await expect(record.getByRole('heading', { name: '算法备案公示' })).toBeVisible();

      await page.keyboard.press('Escape');
      await expect(disclosure.dialog).toBeHidden();
      await expect(disclosure.openButton).toBeFocused();
    });

    if (turn()) test('switching to a non-personalized strategy: the switch agrees, and both survive a reload', async ({ page }) => {
      await openStory(page, PICKER, locale);
      const picker = new RecommendationModePickerPage(page, locale);
      const settings = new PersonalizationSwitchPage(page, locale);
      const following = strategies[locale][1]?.label ?? '';
      await expect(picker.personalized).toBeChecked();

      await picker.strategy(following).click();

      await expect(picker.strategy(following)).toBeChecked();
      await expect(settings.scopeSwitch('feed')).not.toBeChecked();
      await expect(settings.scopeSwitch('ads')).toBeChecked();
      await expect(page.locator('[data-feed]')).toHaveAttribute('data-feed', 'following-latest');
      await expect(page.getByTestId('feed-request')).toContainText('"strategy":"following-latest"');
      await expectNoAxeViolations(page);

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();
      await expect(picker.strategy(following)).toBeChecked();
      await expect(settings.scopeSwitch('feed')).not.toBeChecked();

      // And back: the feed's switch turned on moves the picker with it.
      await settings.scopeSwitch('feed').click();
      await expect(picker.personalized).toBeChecked();
      await expect(page.getByTestId('feed-request')).toContainText('"personalized":true');
    });

    if (turn()) test('deleting a tag and a category, then reloading', async ({ page }) => {
      await openStory(page, TAGS, locale);
      const tags = new UserTagManagerPage(page, locale);
      await expect(tags.tag(label('camping'))).toBeVisible();
      await expectNoAxeViolations(page);

      await tags.deleteTag(label('camping'));
      await expect(tags.tag(label('camping'))).toHaveCount(0);
      await expect(tags.undoButton).toBeVisible();

      await page.getByRole('button', { name: m.userTagManager.deleteCategory.replace('{{category}}', categoryLabel('food')) }).click();
      await expect(tags.confirmDialog).toBeVisible();
      await expectNoAxeViolations(page);
      await tags.confirm();
      await expect(tags.category(categoryLabel('food'))).toHaveCount(0);
      await expect(tags.tag(label('coffee'))).toHaveCount(0);

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();
      await expect(tags.tag(label('hiking'))).toBeVisible();
      await expect(tags.tag(label('camping'))).toHaveCount(0);
      await expect(tags.category(categoryLabel('food'))).toHaveCount(0);
      // The blocklisted and disallowed tags stay hidden after a reload too (ALG 10).
      await expect(page.getByText('违规关键词')).toHaveCount(0);
      await expect(page.getByText(/betting/)).toHaveCount(0);
      await expectNoAxeViolations(page);
    });

    if (turn()) test('choosing interests, which is optional, and keeping them across a reload', async ({ page }) => {
      await openStory(page, TAGS, locale);
      const tags = new UserTagManagerPage(page, locale);
      const [first] = sampleCatalogue(locale);
      await expect(page.getByText(m.userTagManager.interests.description)).toBeVisible();
      await tags.interest(first?.label ?? '').click();
      await expect(tags.interest(first?.label ?? '')).toHaveAttribute('aria-pressed', 'true');
      await expect(tags.tag(first?.label ?? '')).toBeVisible();
      await expectNoAxeViolations(page);

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();
      await expect(tags.tag(first?.label ?? '')).toBeVisible();
      await expect(tags.interest(first?.label ?? '')).toHaveAttribute('aria-pressed', 'true');
    });

    if (turn()) test('"not interested" on an item confirms that it took effect', async ({ page }) => {
      await openStory(page, TAGS, locale);
      const item = page.locator('[data-item-id]').first();
      await item.getByRole('button', { name: new RegExp(m.notInterested.trigger) }).click();
      const reasons = page.getByRole('dialog', { name: m.notInterested.reasonsTitle });
      await expect(reasons).toBeVisible();
      await expectNoAxeViolations(page);
      await reasons.getByRole('button', { name: m.notInterested.reasons.author }).click();
      // Undo is offered first (the feedback waits in the outbox), then it goes out.
      await expect(page.locator('[data-slot="not-interested-toast"]').getByRole('button', { name: m.notInterested.undo })).toBeVisible();
      await expect(item.getByRole('status')).toHaveText(m.notInterested.sent, { timeout: 10_000 });
      await expect(item).toHaveAttribute('data-not-interested', '');
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('algorights-e2e:tags') ?? 'null') as { feedback: unknown[] });
      expect(stored.feedback).toEqual([expect.objectContaining({ reasonId: 'author' })]);
      await expectNoAxeViolations(page);
    });
  });
}

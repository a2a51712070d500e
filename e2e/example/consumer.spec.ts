import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PersonalizationSwitchPage, RecommendationModePickerPage, UserTagManagerPage } from '../../src/testing.js';
import { expectNoAxeViolations, preloadAxe } from '../support.js';

test.beforeAll(({}, testInfo) => {
  const dist = String(testInfo.project.metadata.dist);
  expect(existsSync(dist), `${dist} is missing: build the example app first with \`npm run example\``).toBe(true);
});

test('an app that installed the packed package turns personalization off, styled, and keeps it across a reload', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await preloadAxe(page);
  await page.goto('/');
  const reactMajor = String(testInfo.project.metadata.reactMajor);
  await expect(page.locator('html')).toHaveAttribute('data-react-version', new RegExp(`^${reactMajor}\\.`));
  const settings = new PersonalizationSwitchPage(page, 'zh-CN');
  await expect(settings.master).toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":true,"adsPersonalized":true,"strategy":null}');
  // The published stylesheet is applied: the track takes the accent token's colour.
  const track = await settings.master.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(track).toBe('rgb(11, 92, 173)');
  await expectNoAxeViolations(page, 'body');

  await settings.turnOffByKeyboard();
  await expect(settings.master).not.toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":false,"adsPersonalized":false,"strategy":null}');

  await page.reload();
  await expect(settings.master).not.toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":false,"adsPersonalized":false,"strategy":null}');
  await expectNoAxeViolations(page, 'body');
  expect(errors).toEqual([]);
});

test('the same app picks a non-personalized strategy, deletes a tag and sends "not interested", kept across a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await preloadAxe(page);
  await page.goto('/');
  const picker = new RecommendationModePickerPage(page, 'zh-CN');
  const tags = new UserTagManagerPage(page, 'zh-CN');
  await picker.strategy('关注 · 最新').click();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":false,"adsPersonalized":true,"strategy":"following-latest"}');
  await tags.deleteTag('露营');
  await expect(tags.tag('露营')).toHaveCount(0);
  await page.getByRole('button', { name: '对「周末露营清单」不感兴趣' }).click();
  // Undo is offered while the feedback waits (5 s by default); then it goes out and is confirmed.
  await expect(page.locator('[data-slot="not-interested-toast"]').getByRole('button', { name: '撤销' })).toBeVisible();
  await expect(page.getByText('已收到，将减少此类推荐。')).toBeVisible({ timeout: 10_000 });
  await expectNoAxeViolations(page, 'body');

  // The deletion reached the app's TagsAdapter (its pretend server's record), not a storage key of the kit's own.
  await expect
    .poll(() => page.evaluate(() => (JSON.parse(localStorage.getItem('example-app:tag-profile') ?? 'null') as { profile: { tags: { label: string }[] } } | null)?.profile.tags.map((tag) => tag.label)))
    .toEqual(['徒步']);
  expect(await page.evaluate(() => localStorage.getItem('algorights:tags'))).toBeNull();

  await page.reload();
  await expect(picker.strategy('关注 · 最新')).toBeChecked();
  await expect(tags.tag('徒步')).toBeVisible();
  await expect(tags.tag('露营')).toHaveCount(0);
  expect(errors).toEqual([]);
});

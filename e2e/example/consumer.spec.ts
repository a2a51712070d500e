import { expect, test } from '@playwright/test';
import { PersonalizationSwitchPage } from '../../src/testing/index.js';
import { expectNoAxeViolations } from '../support.js';

test('an app that installed the packed package turns personalization off, styled, and keeps it across a reload', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  const reactMajor = String(testInfo.project.metadata.reactMajor);
  await expect(page.locator('html')).toHaveAttribute('data-react-version', new RegExp(`^${reactMajor}\\.`));
  const settings = new PersonalizationSwitchPage(page, 'zh-CN');
  await expect(settings.master).toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":true,"adsPersonalized":true}');
  // The published stylesheet is applied: the track takes the accent token's colour.
  const track = await settings.master.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(track).toBe('rgb(11, 92, 173)');
  await expectNoAxeViolations(page, 'body');

  await settings.turnOffByKeyboard();
  await expect(settings.master).not.toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":false,"adsPersonalized":false}');

  await page.reload();
  await expect(settings.master).not.toBeChecked();
  await expect(page.getByTestId('feed-request')).toHaveText('{"personalized":false,"adsPersonalized":false}');
  await expectNoAxeViolations(page, 'body');
  expect(errors).toEqual([]);
});

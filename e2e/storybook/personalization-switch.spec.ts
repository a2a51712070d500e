import { expect, test } from '@playwright/test';
import { PersonalizationSwitchPage } from '../../src/testing.js';
import { FLOW_LOCALES, expectNoAxeViolations, flowTurns, openStory } from '../support.js';

const LOCAL_STORAGE = 'e2e-fixtures-personalizationswitch--local-storage';
const FAILING_BACKEND = 'e2e-fixtures-personalizationswitch--failing-backend';
const SLOW_LOAD = 'e2e-fixtures-personalizationswitch--slow-load';

for (const locale of FLOW_LOCALES) {
  const turn = flowTurns(locale);
  test.describe(`PersonalizationSwitch in ${locale}`, () => {
    if (turn()) test('turning personalization off by keyboard applies at once', async ({ page }) => {
      await openStory(page, LOCAL_STORAGE, locale);
      const settings = new PersonalizationSwitchPage(page, locale);
      await expect(settings.master).toBeChecked();
      await expectNoAxeViolations(page);

      await settings.turnOffByKeyboard();

      await expect(settings.master).not.toBeChecked();
      await expect(settings.master).toBeFocused();
      for (const scope of ['feed', 'ads', 'push', 'search'] as const) {
        await expect(settings.scopeSwitch(scope)).not.toBeChecked();
      }
      await expect(page.locator('[data-feed]')).toHaveAttribute('data-feed', 'non-personalized');
      await expect(page.getByText('"personalized":false')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    if (turn()) test('the choice survives a reload', async ({ page }) => {
      await openStory(page, LOCAL_STORAGE, locale);
      const settings = new PersonalizationSwitchPage(page, locale);
      await settings.scopeSwitch('ads').click();
      await settings.turnOffByKeyboard();
      await expect(settings.master).not.toBeChecked();

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();

      await expect(settings.master).not.toBeChecked();
      await expect(settings.master).toBeEnabled();
      await expect(page.locator('[data-feed]')).toHaveAttribute('data-feed', 'non-personalized');
      // Turning the master switch back on restores the scopes as they were, ads still off.
      await settings.master.click();
      await expect(settings.scopeSwitch('feed')).toBeChecked();
      await expect(settings.scopeSwitch('ads')).not.toBeChecked();
      await expectNoAxeViolations(page);
    });

    if (turn()) test('a failed write keeps the opt-out, across a reload too', async ({ page }) => {
      await openStory(page, FAILING_BACKEND, locale);
      const settings = new PersonalizationSwitchPage(page, locale);
      await expect(settings.master).toBeChecked();

      await settings.turnOffByKeyboard();

      await expect(settings.master).not.toBeChecked();
      await expect(settings.syncPendingMessage).toBeVisible();
      await expect(settings.retryButton).toBeVisible();
      await expectNoAxeViolations(page);

      await page.reload();
      await page.locator('#storybook-root [data-slot]').first().waitFor();

      await expect(settings.master).not.toBeChecked();
      await expect(settings.syncPendingMessage).toBeVisible();
      await expect(page.locator('[data-feed]')).toHaveAttribute('data-feed', 'non-personalized');

      // Opting back in cannot be saved, so it is rolled back, and a toast says so.
      await settings.master.click();
      await expect(settings.toast).toContainText(settings.rolledBackMessage('personalizationSwitch', { code: 'write-failed', action: 'personalize' }) ?? '');
      await expect(settings.toast).toHaveAttribute('role', 'alert');
      await expect(settings.master).not.toBeChecked();
      await expectNoAxeViolations(page);
    });
  });
}

test('while stored preferences load, the switch holds its place and says it is reading: nothing shifts when they arrive', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        shifts.push((entry as unknown as { value: number }).value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await openStory(page, SLOW_LOAD, 'zh-CN');
  const settings = new PersonalizationSwitchPage(page, 'zh-CN');
  const root = page.locator('[data-slot="personalization-switch"]');
  await expect(root).toHaveAttribute('data-state', 'loading');
  // It can be turned off even now (ALG 17), and says it is still reading.
  await expect(settings.master).toBeEnabled();
  await expect(settings.master).toHaveAccessibleDescription(new RegExp(settings.text('personalizationSwitch.loading')));
  const before = await root.boundingBox();
  const feedBefore = await page.locator('[data-feed]').boundingBox();
  await expectNoAxeViolations(page);

  await expect(root).toHaveAttribute('data-value', 'off', { timeout: 10_000 });
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(settings.master).toBeEnabled();
  expect(await root.boundingBox()).toEqual(before);
  expect(await page.locator('[data-feed]').boundingBox()).toEqual(feedBefore);
  expect(await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts)).toEqual([]);
});

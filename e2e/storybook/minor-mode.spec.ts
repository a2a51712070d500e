import { expect, test, type Page } from '@playwright/test';
import { MinorModePage } from '../../src/testing.js';
import { expectNoAxeViolations, openStory } from '../support.js';

const APP = 'e2e-fixtures-minor-mode--app';
const PIN = '2580';
/** 2026-11-30 at hh:mm in Beijing. */
const beijing = (hours: number, minutes = 0) => new Date(Date.UTC(2026, 10, 30, hours - 8, minutes));
const firstItem = { 'zh-CN': '自然纪录片：长江里的江豚', en: 'Nature: the finless porpoises of the Yangtze' } as const;

async function openApp(page: Page, locale: 'zh-CN' | 'en', at: Date) {
  await page.clock.install({ time: at });
  // Each test has a fresh browser context: nothing stored from another test.
  await openStory(page, APP, locale);
}

test('the curfew: usable at 21:59, locked at 22:00, the clock moved back an hour lifts nothing before or after a reload, free at 06:00', async ({ page }) => {
  const minor = new MinorModePage(page, 'zh-CN');
  await openApp(page, 'zh-CN', beijing(21, 58));
  await minor.enter({ ageBand: '16-18', pin: PIN });
  await page.clock.fastForward('01:00');
  await expect(page.getByRole('link', { name: firstItem['zh-CN'] })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.clock.fastForward('01:00');
  await expect(minor.curfewLock).toBeVisible();
  await expect(minor.curfewLock).toContainText('06:00');
  await expect(page.getByRole('link', { name: firstItem['zh-CN'] })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.clock.setSystemTime(beijing(21, 1));
  await page.clock.fastForward('01:00');
  await expect(minor.curfewLock).toBeVisible();
  await page.reload();
  await expect(minor.curfewLock).toBeVisible();

  await page.clock.fastForward('08:00:00');
  await expect(minor.lockScreen).toHaveCount(0);
  await expect(page.getByRole('link', { name: firstItem['zh-CN'] })).toBeVisible();
});

test('the rest reminder at 30 minutes; at 60 the daily limit, and a guardian grants 15 minutes', async ({ page }) => {
  const minor = new MinorModePage(page, 'zh-CN');
  await openApp(page, 'zh-CN', beijing(10));
  await minor.enter({ ageBand: '12-16', pin: PIN });
  await page.clock.fastForward('30:00');
  await expect(minor.restReminder).toBeVisible();
  await expectNoAxeViolations(page);
  await minor.dismissRestReminder();
  await expect(minor.restReminder).toHaveCount(0);

  await page.clock.fastForward('30:00');
  await expect(minor.limitLock).toBeVisible();
  await expectNoAxeViolations(page);
  await minor.grantTime(15, PIN);
  await expect(minor.lockScreen).toHaveCount(0);
  await expect(page.getByRole('link', { name: firstItem['zh-CN'] })).toBeVisible();
});

test('ads stay non-personalized with the switch locked; leaving needs the PIN, and five wrong PINs lock it', async ({ page }) => {
  const minor = new MinorModePage(page, 'en');
  await openApp(page, 'en', beijing(10));
  await minor.enter({ ageBand: '8-12', pin: PIN });
  const ads = page.getByRole('switch', { name: minor.text('personalizationSwitch.scopes.ads.label') });
  await expect(ads).toBeDisabled();
  await expect(ads).not.toBeChecked();
  await expect(page.getByText(minor.text('minorModeNotice.adsLocked'))).toBeVisible();
  await expect(page.getByTestId('feed-request')).toHaveText('ads=non-personalized pool=8-12');

  await minor.exit('1111');
  await expect(minor.verificationError).toHaveText(minor.text('minorMode.verify.wrong', { count: 4 }));
  for (let attempt = 2; attempt <= 5; attempt += 1) {
    await minor.verify('1111');
  }
  await expect(minor.verificationError).toContainText(minor.text('minorMode.verify.locked', { time: '10:01' }));
  await expect(minor.verification.getByLabel(minor.text('minorMode.verify.pinLabel'))).toBeDisabled();
  await expectNoAxeViolations(page);
  await page.reload();
  await minor.settings.getByRole('button', { name: minor.text('minorMode.settings.exit') }).click();
  await expect(minor.verificationError).toBeVisible();
});

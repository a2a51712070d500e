import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

/**
 * Opens one story of the static Storybook on its own, in a locale and a theme.
 * The a11y addon is set to manual, so that its own axe run never overlaps ours.
 */
export async function openStory(page: Page, id: string, locale: string, theme = 'light'): Promise<void> {
  await page.goto(`/iframe.html?id=${id}&viewMode=story&globals=locale:${locale};theme:${theme};a11y.manual:!true`);
  await page.locator('#storybook-root [data-slot]').first().waitFor();
}

/** Fails with the list of axe violations inside `selector`, if there are any. */
export async function expectNoAxeViolations(page: Page, selector = '#storybook-root'): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

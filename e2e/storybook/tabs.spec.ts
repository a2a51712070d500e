import { expect, test } from '@playwright/test';
import { PersonalizationSwitchPage } from '../../src/testing.js';
import { expectNoAxeViolations, openStory } from '../support.js';

const LOCAL_STORAGE = 'e2e-fixtures-personalizationswitch--local-storage';
const TWO_PROVIDERS = 'e2e-fixtures-personalizationswitch--two-providers';

test('two tabs stay in step: an opt-out in one shows in the other within a second, and a stale tab cannot undo it', async ({ context }) => {
  const tabA = await context.newPage();
  const tabB = await context.newPage();
  await openStory(tabA, LOCAL_STORAGE, 'zh-CN');
  await openStory(tabB, LOCAL_STORAGE, 'zh-CN');
  const a = new PersonalizationSwitchPage(tabA, 'zh-CN');
  const b = new PersonalizationSwitchPage(tabB, 'zh-CN');
  await expect(b.scopeSwitch('feed')).toBeChecked();

  await a.scopeSwitch('feed').click();
  await expect(a.scopeSwitch('feed')).not.toBeChecked();
  // No reload in tab B: the change arrives on its own.
  await expect(b.scopeSwitch('feed')).not.toBeChecked({ timeout: 1000 });
  await expect(tabB.locator('[data-feed]')).toHaveAttribute('data-feed', 'non-personalized', { timeout: 1000 });

  await b.scopeSwitch('ads').click();
  await expect(a.scopeSwitch('ads')).not.toBeChecked({ timeout: 1000 });

  const tabC = await context.newPage();
  await openStory(tabC, LOCAL_STORAGE, 'zh-CN');
  const c = new PersonalizationSwitchPage(tabC, 'zh-CN');
  await expect(c.scopeSwitch('feed')).not.toBeChecked();
  await expect(c.scopeSwitch('ads')).not.toBeChecked();
  await expectNoAxeViolations(tabC);
});

test('two providers on one page share their storage: a choice in one reaches the other, and both survive a reload', async ({ page }) => {
  await openStory(page, TWO_PROVIDERS, 'en');
  const first = new PersonalizationSwitchPage(page, { locale: 'en', scope: page.locator('[data-provider="first"]') });
  const second = new PersonalizationSwitchPage(page, { locale: 'en', scope: page.locator('[data-provider="second"]') });

  await first.scopeSwitch('feed').click();
  await expect(second.scopeSwitch('feed')).not.toBeChecked({ timeout: 1000 });
  await second.scopeSwitch('ads').click();
  await expect(first.scopeSwitch('ads')).not.toBeChecked({ timeout: 1000 });
  await first.master.click();
  await expect(second.master).not.toBeChecked({ timeout: 1000 });
  await expectNoAxeViolations(page);

  await page.reload();
  await page.locator('#storybook-root [data-slot]').first().waitFor();
  for (const provider of [first, second]) {
    await expect(provider.master).not.toBeChecked();
    await expect(provider.scopeSwitch('feed')).not.toBeChecked();
    await expect(provider.scopeSwitch('ads')).not.toBeChecked();
  }
});

import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { axeViolations, openStoryPreview, showStory } from '../support.js';

/**
 * The phone preset, checked where most users are: a 390 px screen. The sweep of every story in every
 * theme and locale (every-story.spec.ts) runs at this size and checks that nothing of the kit reaches past
 * the screen's edge and that every target is 60 px in elderly mode. Here: in forced colours every switch,
 * radio and checkbox stays visible; reduced motion; and the flows of the bottom sheet, the toast and the
 * 10,000-tag search.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

interface IndexEntry {
  type: string;
  id: string;
  tags?: string[];
}

async function componentStories(request: APIRequestContext): Promise<IndexEntry[]> {
  const index = (await (await request.get('/index.json')).json()) as { entries: Record<string, IndexEntry> };
  // Stories that show every locale side by side, and fixtures, are checked elsewhere.
  return Object.values(index.entries).filter(
    (entry) => entry.type === 'story' && !entry.tags?.includes('fixture') && !entry.id.endsWith('--all-locales'),
  );
}

test('in forced colours, every switch, radio and checkbox is drawn in system colours that stand out from the page', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ forcedColors: 'active' });
  const stories = (await componentStories(request)).filter((story) => /personalizationswitch|recommendationmodepicker|usertagmanager/.test(story.id));
  await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
  let checked = 0;
  for (const story of stories) {
    if ((await showStory(page, story.id)).length > 0) {
      await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
      continue;
    }
    const invisible = await page.evaluate(() => {
      const rgb = (colour: string) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r = 0, g = 0, b = 0] = rgb(colour).map((value) => value / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (light + 0.05) / (dark + 0.05);
      };
      const canvas = getComputedStyle(document.body).backgroundColor;
      const controls = document.querySelectorAll<HTMLElement>('[role="switch"], [role="radio"]:not([data-slot="recommendation-mode-picker-radio"][data-state="unchecked"]), input[type="checkbox"]');
      return [...controls]
        .filter((control) => control.getClientRects().length > 0 && getComputedStyle(control).borderTopStyle !== 'none')
        .flatMap((control) => {
          const style = getComputedStyle(control);
          const edge = Math.max(contrast(style.borderTopColor, canvas), contrast(style.backgroundColor, canvas));
          return edge < 3 ? [`${control.getAttribute('data-slot')}: edge contrast ${edge.toFixed(2)}:1 against ${canvas}`] : [];
        });
    });
    checked += 1;
    expect.soft(invisible, `${story.id} in forced colours`).toEqual([]);
  }
  expect(checked).toBeGreaterThan(5);
});

test('a list cell that navigates is a whole-row link ending in a chevron, which stays visible in forced colours', async ({ page }) => {
  const chevrons = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-ar-cell="link"]')].map((cell) => {
        const after = getComputedStyle(cell, '::after');
        return {
          name: cell.textContent,
          height: cell.getBoundingClientRect().height,
          chevron: `${after.width} × ${after.height}, ${after.borderTopStyle} ${after.borderRightStyle}`,
          colour: after.borderTopColor,
          canvas: getComputedStyle(document.body).backgroundColor,
        };
      }),
    );
  for (const forcedColors of ['none', 'active'] as const) {
    await page.emulateMedia({ forcedColors });
    await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
    expect(await showStory(page, 'components-algorithmdisclosure--generative-service')).toEqual([]);
    const cells = await chevrons();
    expect(cells.length, 'the dialog links to the settings page as a list cell').toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.height, `${cell.name}: the whole row is the target`).toBeGreaterThanOrEqual(44);
      expect(cell.chevron, `${cell.name}: its chevron`).toMatch(/^[1-9][\d.]*px × [1-9][\d.]*px, solid solid$/);
      expect(cell.colour, `${cell.name}: the chevron is drawn in a colour apart from the page (${forcedColors})`).not.toBe(cell.canvas);
    }
  }
});

test('with reduced motion, the switch thumb and the toast do not move', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
  expect(await showStory(page, 'e2e-fixtures-personalizationswitch--failing-backend')).toEqual([]);
  const master = page.getByRole('switch', { name: '个性化推荐' });
  await expect(master).toBeEnabled();
  const thumb = master.locator('[data-slot="personalization-switch-thumb"]');
  expect(await thumb.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe('0s');
  if (await master.isChecked()) {
    await master.click();
  }
  await master.click();
  const toast = page.locator('[data-slot="personalization-switch-toast"]');
  await expect(toast).toBeVisible();
  expect(await toast.evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
});

test.describe('flows on a phone', () => {
  test('不感兴趣 opens a bottom sheet with ✕ and no axe violation; choosing a reason keeps focus off the page', async ({ page }) => {
    await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
    expect(await showStory(page, 'components-usertagmanager--not-interested')).toEqual([]);
    const root = page.locator('#storybook-root');
    await root.getByRole('button', { name: /不感兴趣/ }).first().click();
    const sheet = page.getByRole('dialog');
    await expect(sheet).toHaveAttribute('data-presentation', 'sheet');
    const box = await sheet.boundingBox();
    expect(box && Math.round(box.y + box.height)).toBe(844);
    expect(box && Math.round(box.width)).toBe(390);
    await expect(sheet.getByRole('button', { name: '关闭' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await sheet.getByRole('button', { name: '重复推荐' }).click();
    await expect(sheet).toBeHidden();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-slot'))).toBe('not-interested-status');
  });

  test('a choice undone because its write failed says so in a toast; dismissing it returns focus to the switch', async ({ page }) => {
    await openStoryPreview(page, { locale: 'zh-CN', theme: 'dark' });
    expect(await showStory(page, 'e2e-fixtures-personalizationswitch--failing-backend')).toEqual([]);
    const master = page.getByRole('switch', { name: '个性化推荐' });
    await expect(master).toBeEnabled();
    if (await master.isChecked()) {
      await master.click();
      await expect(master).not.toBeChecked();
    }
    await master.click();
    const toast = page.locator('[data-slot="personalization-switch-toast"]');
    await expect(toast).toBeVisible();
    await expect(toast).toHaveAttribute('role', 'alert');
    await expect(master).not.toBeChecked();
    // Portalled into the theme's scope: dark tokens, so it is drawn inverted against a dark page.
    expect(await toast.evaluate((element) => element.closest('[data-ar-theme]')?.getAttribute('data-ar-theme'))).toBe('dark');
    expect(await axeViolations(page)).toEqual([]);
    await toast.getByRole('button', { name: '知道了' }).click();
    await expect(toast).toBeHidden();
    await expect(master).toBeFocused();
  });

  test('the 10,000-tag list: search finds one tag, the list is one tab stop, and there is no axe violation', async ({ page }) => {
    test.setTimeout(60_000);
    await openStoryPreview(page, { locale: 'zh-CN', theme: 'light' });
    expect(await showStory(page, 'components-usertagmanager--ten-thousand-tags')).toEqual([]);
    const search = page.getByRole('searchbox', { name: '搜索用户标签' });
    await search.fill('标签 9999');
    await expect(page.getByText('找到 1 个标签')).toBeVisible();
    await expect(page.getByRole('checkbox', { name: '标签 9999' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await search.fill('');
    await expect(page.locator('[data-slot="user-tag-manager-tag"]').first()).toBeVisible();
    expect(await page.locator('[data-slot="user-tag-manager-tag"]').count()).toBeLessThan(100);
    await search.focus();
    await page.keyboard.press('Tab');
    const list = page.getByRole('list', { name: /用户标签|标签/ });
    expect(await list.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('End');
    await expect(page.getByRole('button', { name: /删除标签「标签 \d+」/ }).last()).toBeVisible();
    expect(await page.evaluate(() => document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset'))).toBe(
      await list.locator('[role="listitem"]').first().getAttribute('aria-setsize'),
    );
    await page.keyboard.press('Tab');
    expect(await list.evaluate((element) => element.contains(document.activeElement))).toBe(false);
  });
});

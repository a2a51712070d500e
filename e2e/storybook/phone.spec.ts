import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { LOCALES, axeViolations, openStoryPreview, showStory } from '../support.js';

/**
 * The phone preset, checked where most users are: a 390 px screen. Every story, as a reviewer first sees
 * it, in every theme and locale: nothing of the kit reaches past the screen's edge; in elderly mode every
 * control's hit area is at least the elderly target (60 px); in forced colours every switch, radio and
 * checkbox stays visible. The flows below drive the bottom sheet, the toast and the 10,000-tag search.
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

/** Kit elements whose box reaches past the screen's left or right edge, unless an ancestor scrolls or clips them on purpose. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.querySelectorAll<HTMLElement>('[data-slot]')]
      .filter((element) => element.getClientRects().length > 0 && !clipped(element))
      .flatMap((element) => {
        const box = element.getBoundingClientRect();
        return box.right > width + 1 || box.left < -1
          ? [`${element.getAttribute('data-slot')} spans ${Math.round(box.left)}–${Math.round(box.right)} px`]
          : [];
      });
  });
}

/**
 * Controls of the kit whose hit area is smaller than `minimum` px either way. The hit area is the
 * control, its labels, and the box its `::after` covers when that is positioned over a row or option.
 */
function smallTargets(page: Page, minimum: number): Promise<string[]> {
  return page.evaluate((minimum) => {
    const controls = document.querySelectorAll<HTMLElement>(
      '[data-slot] :is(button, a[href], input, [role="switch"], [role="radio"]), [data-slot]:is(button, a[href], input, [role="switch"], [role="radio"])',
    );
    return [...controls]
      .filter((control) => control.getClientRects().length > 0 && !control.closest('[hidden], [aria-hidden="true"]'))
      .flatMap((control) => {
        const boxes = [control.getBoundingClientRect(), ...[...((control as HTMLInputElement).labels ?? [])].map((label) => label.getBoundingClientRect())];
        const after = getComputedStyle(control, '::after');
        if (after.content !== 'none' && after.position === 'absolute') {
          const host = (control.offsetParent ?? control.parentElement) as HTMLElement | null;
          if (host) boxes.push(host.getBoundingClientRect());
        }
        const left = Math.min(...boxes.map((box) => box.left));
        const right = Math.max(...boxes.map((box) => box.right));
        const top = Math.min(...boxes.map((box) => box.top));
        const bottom = Math.max(...boxes.map((box) => box.bottom));
        const [width, height] = [right - left, bottom - top];
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 20) ?? '';
        return width + 0.5 < minimum || height + 0.5 < minimum
          ? [`${control.getAttribute('data-slot') ?? control.tagName} "${name}" is ${Math.round(width)}×${Math.round(height)} px`]
          : [];
      });
  }, minimum);
}

for (const theme of ['light', 'dark', 'elderly']) {
  for (const locale of [...LOCALES, 'zh-HK']) {
    test(`on a 390 px phone, nothing of the kit overflows${theme === 'elderly' ? ', and every target is 60 px' : ''}: ${theme}, ${locale}`, async ({ page, request }) => {
      test.setTimeout(180_000);
      const stories = await componentStories(request);
      expect(stories.length).toBeGreaterThan(0);
      await openStoryPreview(page, { locale, theme });
      for (const story of stories) {
        const problems = await showStory(page, story.id);
        if (problems.length > 0) {
          // The sweep of every story reports why; go on in a new preview.
          await openStoryPreview(page, { locale, theme });
          continue;
        }
        expect.soft(await overflowing(page), `${story.id} (${theme}, ${locale}) overflows a 390 px screen`).toEqual([]);
        if (theme === 'elderly') {
          expect.soft(await smallTargets(page, 60), `${story.id} (${locale}) has targets under 60 px in elderly mode`).toEqual([]);
        }
      }
    });
  }
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

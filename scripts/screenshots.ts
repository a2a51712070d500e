// Captures the phone preset, as a user on a 390 px phone sees it, from the static Storybook, into
// stories/assets/phone/, for the "Phone preset" docs page. Run after a change to how the controls look:
// `npm run screenshots` (it builds Storybook first). Everything runs on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import sirv from 'sirv';
import { chromium, type Page } from 'playwright';
import { assertChromium, chromiumArgs, chromiumPath } from '../config/chromium.ts';

assertChromium();
const out = new URL('../stories/assets/phone/', import.meta.url);
mkdirSync(out, { recursive: true });

const serve = sirv('storybook-static', { dev: false });
const server = createServer((request, response) => serve(request, response, () => response.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

interface Shot {
  name: string;
  story: string;
  theme?: string;
  locale?: string;
  /** What a user does before the picture is taken. */
  act?: (page: Page) => Promise<void>;
}

const shots: Shot[] = [
  { name: 'switch-scopes', story: 'components-personalizationswitch--per-scope' },
  {
    name: 'switch-partly-on',
    story: 'components-personalizationswitch--per-scope',
    act: async (page) => {
      await page.getByRole('switch', { name: '内容推荐' }).click();
    },
  },
  {
    name: 'tag-deletion-offer',
    story: 'components-personalizationswitch--opt-out-offers-tag-deletion',
    act: async (page) => {
      await page.getByRole('switch', { name: '个性化推荐' }).click();
      await page.getByText('同时删除你的用户标签？').waitFor();
    },
  },
  { name: 'picker-inline-dark', story: 'components-recommendationmodepicker--inline-atop-feed', theme: 'dark' },
  { name: 'picker-settings-elderly', story: 'components-recommendationmodepicker--settings', theme: 'elderly' },
  { name: 'tags', story: 'components-usertagmanager--intensity' },
  {
    name: 'not-interested-sheet-dark',
    story: 'components-usertagmanager--not-interested',
    theme: 'dark',
    act: async (page) => {
      await page.getByRole('button', { name: /不感兴趣/ }).first().click();
      await page.getByRole('dialog').waitFor();
    },
  },
  {
    name: 'not-interested-undo',
    story: 'components-usertagmanager--not-interested',
    act: async (page) => {
      await page.getByRole('button', { name: /不感兴趣/ }).first().click();
      await page.getByRole('button', { name: '重复推荐' }).click();
      await page.getByRole('button', { name: '撤销' }).waitFor();
    },
  },
  {
    name: 'rolled-back-toast',
    story: 'e2e-fixtures-personalizationswitch--failing-backend',
    act: async (page) => {
      const master = page.getByRole('switch', { name: '个性化推荐' });
      if (await master.isChecked()) await master.click();
      await master.click();
      await page.locator('[data-slot="personalization-switch-toast"]').waitFor();
    },
  },
  {
    name: 'disclosure-sheet',
    story: 'components-algorithmdisclosure--default',
    act: async (page) => {
      await page.getByRole('button', { name: '了解算法推荐服务' }).click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
for (const shot of shots) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  const globals = `locale:${shot.locale ?? 'zh-CN'};theme:${shot.theme ?? 'light'};a11y.manual:!true`;
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${shot.story}&viewMode=story&globals=${globals}`);
  await page.locator('#storybook-root [data-slot]').first().waitFor();
  await shot.act?.(page);
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL(`${shot.name}.png`, out).pathname });
  console.log(`stories/assets/phone/${shot.name}.png`);
  await page.close();
}
await browser.close();
server.close();

// Compares two static Storybook builds picture by picture: every story that is not an e2e fixture, after its
// play function, on a 390 × 844 phone, in zh-CN light, en elderly and zh-TW dark (the sweep's playing passes,
// e2e/storybook/every-story.spec.ts). Run it before and after a change to how the controls look:
//
//   npx storybook build --quiet -o /tmp/sb-before     (on the commit before the change)
//   npx storybook build --quiet -o /tmp/sb-after      (on the change)
//   node scripts/screenshot-compare.ts /tmp/sb-before /tmp/sb-after /tmp/shots [--reuse-a] [--only story-id,story-id]
//
// It writes <out>/a/… and <out>/b/… (one PNG per story and pass) and prints every pair that differs, with the
// number of pixels that differ and where. Comparing a build with itself must print no difference. Everything
// runs on 127.0.0.1.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import sirv from 'sirv';
import { chromium, type Browser } from 'playwright';
import { assertChromium, chromiumArgs, chromiumPath } from '../config/chromium.ts';

const reuseA = process.argv.includes('--reuse-a');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1]?.split(',') : undefined;
const [buildA, buildB, out = '/tmp/screenshot-compare'] = process.argv
  .slice(2)
  .filter((argument, index, all) => argument !== '--reuse-a' && argument !== '--only' && all[index - 1] !== '--only');
if (!buildA || !buildB) {
  throw new Error('Usage: node scripts/screenshot-compare.ts <storybook-build-a> <storybook-build-b> [out-dir]');
}
assertChromium();

const PASSES = [
  { theme: 'light', locale: 'zh-CN' },
  { theme: 'elderly', locale: 'en' },
  { theme: 'dark', locale: 'zh-TW' },
] as const;

interface IndexEntry {
  type: string;
  id: string;
  tags?: string[];
}

interface PreviewChannel {
  on(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
}

interface PreviewWindow {
  __STORYBOOK_ADDONS_CHANNEL__?: PreviewChannel;
  __STORYBOOK_PREVIEW__?: unknown;
}

/** Every story that is not an e2e fixture; `--only id,id` narrows it to those stories, to look at a few again. */
function selectedStories(entries: Record<string, IndexEntry>): IndexEntry[] {
  const stories = Object.values(entries).filter((entry) => entry.type === 'story' && !entry.tags?.includes('fixture'));
  return only ? stories.filter((story) => only.includes(story.id)) : stories;
}

async function serve(directory: string): Promise<{ server: Server; origin: string }> {
  const handler = sirv(directory, { dev: false });
  const server = createServer((request, response) => handler(request, response, () => response.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Captures every story of one build in every pass into `directory`; returns the file names, relative to it. */
async function capture(browser: Browser, build: string, directory: string): Promise<string[]> {
  const { server, origin } = await serve(build);
  const index = JSON.parse(readFileSync(join(build, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  const stories = selectedStories(index.entries);
  const names: string[] = [];
  for (const { theme, locale } of PASSES) {
    const pass = `${locale}-${theme}`;
    mkdirSync(join(directory, pass), { recursive: true });
    // One preview per pass, the stories switched inside it as the sweep does: a new page per story took
    // about six times longer on a busy machine. Storybook unmounts each story before the next.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    await page.goto(`${origin}/iframe.html?viewMode=story`);
    await page.waitForFunction(() => {
      const preview = window as PreviewWindow;
      return !!preview.__STORYBOOK_ADDONS_CHANNEL__ && !!preview.__STORYBOOK_PREVIEW__ && document.body.classList.contains('sb-show-nopreview');
    });
    await page.evaluate(
      (globals) =>
        new Promise<void>((resolve) => {
          const channel = (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__!;
          const onGlobals = () => {
            channel.off('globalsUpdated', onGlobals);
            resolve();
          };
          channel.on('globalsUpdated', onGlobals);
          channel.emit('updateGlobals', { globals });
        }),
      { locale, theme, autoplay: true, a11y: { manual: true } },
    );
    for (const story of stories) {
      const problems = await page.evaluate(
        ({ storyId }) =>
          new Promise<string[]>((resolve) => {
            const channel = (window as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__!;
            const problems: string[] = [];
            const timer = setTimeout(() => finish(['it did not finish within 20 s']), 20_000);
            const onFinished = ({ storyId: finished, status }: { storyId: string; status: string }) => {
              if (finished === storyId) {
                finish(status === 'success' ? [] : [`it finished with status ${status}`]);
              }
            };
            const onError = () => problems.push('it errored');
            function finish(more: string[]) {
              clearTimeout(timer);
              channel.off('storyFinished', onFinished);
              channel.off('storyErrored', onError);
              channel.off('storyThrewException', onError);
              resolve([...problems, ...more]);
            }
            channel.on('storyFinished', onFinished);
            channel.on('storyErrored', onError);
            channel.on('storyThrewException', onError);
            channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
          }),
        { storyId: story.id },
      );
      if (problems.length > 0) {
        console.log(`${build} ${pass} ${story.id}: ${problems.join('; ')}`);
      }
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      // Two frames, so that what the play function's last step changed has been painted.
      await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      const name = join(pass, `${story.id}.png`);
      // The whole page, where a sheet or toast portalled to the body shows too; a story taller than a few screens
      // (ten thousand tags) is cut at 6000 px, which a screenshot of its full height took minutes to go past.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: join(directory, name),
        fullPage: true,
        clip: { x: 0, y: 0, width: 390, height: Math.min(height, 6000) },
        animations: 'disabled',
        caret: 'hide',
        timeout: 120_000,
      });
      names.push(name);
    }
    await page.close();
  }
  server.close();
  return names;
}

/** The file names `capture` would write for a build, without capturing. */
async function listShots(build: string): Promise<string[]> {
  const index = JSON.parse(readFileSync(join(build, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> };
  const stories = selectedStories(index.entries);
  return PASSES.flatMap(({ theme, locale }) => stories.map((story) => join(`${locale}-${theme}`, `${story.id}.png`)));
}

/** How many pixels differ, and the box around them; `null` when the pictures are the same. */
function difference(fileA: string, fileB: string): string | null {
  const bytesA = readFileSync(fileA);
  const bytesB = readFileSync(fileB);
  if (bytesA.equals(bytesB)) {
    return null;
  }
  const a = PNG.sync.read(bytesA);
  const b = PNG.sync.read(bytesB);
  if (a.width !== b.width || a.height !== b.height) {
    return `size ${a.width}×${a.height} → ${b.width}×${b.height}`;
  }
  let count = 0;
  let [left, top, right, bottom] = [a.width, a.height, -1, -1];
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const offset = (y * a.width + x) * 4;
      if (a.data.readUInt32BE(offset) !== b.data.readUInt32BE(offset)) {
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return count === 0 ? null : `${count} px in x ${left}–${right}, y ${top}–${bottom}`;
}

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
// `--reuse-a` keeps the pictures of build a from an earlier run (the baseline does not change between runs).
const names = reuseA ? await listShots(buildA) : await capture(browser, buildA, join(out, 'a'));
await capture(browser, buildB, join(out, 'b'));
await browser.close();

const differing: string[] = [];
for (const name of names) {
  const result = difference(join(out, 'a', name), join(out, 'b', name));
  if (result) {
    differing.push(`${name}: ${result}`);
  }
}
writeFileSync(join(out, 'differing.txt'), differing.join('\n') + '\n');
console.log(`${names.length} shots, ${differing.length} differ${differing.length ? ':' : ''}`);
for (const line of differing) {
  console.log(`  ${line}`);
}

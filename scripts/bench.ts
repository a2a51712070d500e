// Measures the user-tag manager at 100, 1,000 and 10,000 tags in headless Chromium,
// against the static Storybook's bench page, and prints the figures. It is a
// benchmark, not a test: it never fails on a number. Run: `npm run bench`.
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import sirv from 'sirv';
import { chromium } from 'playwright';
import { assertChromium, chromiumArgs, chromiumPath } from '../config/chromium.ts';

const SIZES = [100, 1_000, 10_000];
const RUNS = 7;
const DELETES = 5;
const FRAME_MS = 1000 / 60;
// Virtualization off too, at sizes where that still finishes, to show what it saves.
const UNVIRTUALIZED_SIZES = [100, 1_000, 10_000];

assertChromium();
const serve = sirv('storybook-static', { dev: false });
const server = createServer((request, response) => serve(request, response, () => response.writeHead(404).end()));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
await page.goto(`http://127.0.0.1:${port}/iframe.html?id=e2e-fixtures-recommender-controls--tag-bench&viewMode=story&globals=a11y.manual:!true`);
await page.waitForFunction(() => 'algorightsBench' in window);

// One unmeasured round first, so that every figure below is of warmed-up code.
await page.evaluate(() => (window as never as { algorightsBench: { mount(c: number): Promise<number> } }).algorightsBench.mount(1_000));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
};

interface Row {
  tags: number;
  mode: string;
  render: number;
  remove: number;
  heapMb: number;
  rows: number;
}
const results: Row[] = [];
for (const [mode, virtualizeAbove] of [
  ['default', undefined],
  ['not virtualized', Number.MAX_SAFE_INTEGER],
] as const) {
  for (const tags of mode === 'not virtualized' ? UNVIRTUALIZED_SIZES : SIZES) {
    const renders: number[] = [];
    const removes: number[] = [];
    const heaps: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run += 1) {
      await page.evaluate(() => (window as never as { algorightsBench: { unmount(): Promise<void> } }).algorightsBench.unmount());
      const before = await heap();
      renders.push(
        await page.evaluate(
          ([count, limit]) =>
            (window as never as { algorightsBench: { mount(c: number, v?: number): Promise<number> } }).algorightsBench.mount(count, limit ?? undefined),
          [tags, virtualizeAbove ?? null] as const,
        ),
      );
      heaps.push((await heap()) - before);
      rows = await page.locator('[data-slot="user-tag-manager-tag"]').count();
      for (let index = 0; index < DELETES; index += 1) {
        removes.push(await page.evaluate(() => (window as never as { algorightsBench: { deleteFirst(): Promise<number> } }).algorightsBench.deleteFirst()));
      }
    }
    results.push({ tags, mode, render: median(renders), remove: median(removes), heapMb: median(heaps) / 1_048_576, rows });
  }
}
await browser.close();
server.close();

const cpu = cpus();
console.log(`UserTagManager benchmark: headless Chromium, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}`);
console.log(`median of ${RUNS} mounts and ${RUNS * DELETES} deletions; one frame at 60 Hz = ${FRAME_MS.toFixed(1)} ms\n`);
console.log('tags    mode                    first render      delete → paint    heap     tag rows in DOM');
for (const row of results) {
  console.log(
    `${String(row.tags).padEnd(8)}${row.mode.padEnd(24)}${`${row.render.toFixed(1)} ms (${(row.render / FRAME_MS).toFixed(1)} fr)`.padEnd(18)}` +
      `${`${row.remove.toFixed(1)} ms (${(row.remove / FRAME_MS).toFixed(1)} fr)`.padEnd(18)}${`${row.heapMb.toFixed(1)} MB`.padEnd(9)}${row.rows}`,
  );
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

/**
 * The locales the user flows run in: the source and one that differs in every string. zh-TW differs from
 * zh-CN in words only; its strings are checked by the locale tests, and every story plays in it in the sweep.
 */
export const FLOW_LOCALES = ['zh-CN', 'en'] as const;

/**
 * Takes turns between FLOW_LOCALES for a spec's flows: make one per locale, and call it before declaring each
 * flow (`if (turn()) test(…)`); the n-th flow is declared only in FLOW_LOCALES[n % 2]. Each flow then runs
 * once, and every spec drives the page objects and strings of both locales. Running every flow in both
 * locales doubled the flows' share of CI and found nothing the turns do not.
 */
export function flowTurns(locale: (typeof FLOW_LOCALES)[number]): () => boolean {
  let index = 0;
  return () => FLOW_LOCALES[index++ % FLOW_LOCALES.length] === locale;
}

/** axe-core as the axe package for Playwright resolves it: the same version either way. */
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');
const axePreloaded = new WeakSet<Page>();

/**
 * Loads axe-core into every document the page opens from now on, reloads included, so that each axe check
 * runs at once instead of injecting axe first (about 0.2 s against 1 s on two cores, after every navigation).
 */
export async function preloadAxe(page: Page): Promise<void> {
  if (!axePreloaded.has(page)) {
    axePreloaded.add(page);
    await page.addInitScript({ content: axeSource });
  }
}

/**
 * Opens one story of the static Storybook on its own, in a locale and a theme.
 * The a11y addon is set to manual, so that its own axe run never overlaps ours.
 */
export async function openStory(page: Page, id: string, locale: string, theme = 'light'): Promise<void> {
  await preloadAxe(page);
  await page.goto(`/iframe.html?id=${id}&viewMode=story&globals=locale:${locale};theme:${theme};a11y.manual:!true`);
  await page.locator('#storybook-root [data-slot]').first().waitFor();
}

/**
 * What axe checks by default on a story page: the story and whatever it portals to the end of `<body>`
 * (dialogs, popovers, sheets, toasts), leaving out Storybook's own screens (`.sb-wrapper`, hidden while a
 * story shows) and the docs root.
 */
const STORY_PAGE = 'body > :not(.sb-wrapper):not(#storybook-docs):not(script):not(style)';

/**
 * The axe violations inside `selector`, one line each: rule, help and the elements. Where axe-core is in
 * the page already (`preloadAxe`, which `openStory` and `openStoryPreview` call, or an earlier run), it calls
 * axe.run directly, about ten times faster than AxeBuilder injecting axe-core again; otherwise the first
 * run injects it through AxeBuilder (legacy mode: axe.run in the page, instead of runPartial plus a finishRun
 * in a new blank page). Same rules and options (none) either way. A page with child frames always goes through AxeBuilder's default
 * mode, which injects axe-core into every frame, as `expectNoAxeViolations` does.
 */
export async function axeViolations(page: Page, selector = STORY_PAGE): Promise<string[]> {
  const frames = page.frames().length > 1;
  const injected = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  if (frames || !injected) {
    const results = await new AxeBuilder({ page }).include(selector).setLegacyMode(!frames).analyze();
    return results.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  }
  return page.evaluate(async (selector) => {
    type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };
    const { axe } = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } };
    const results = await axe.run({ exclude: [], include: [selector] }, {});
    return results.violations.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  }, selector);
}

/** Fails with the list of axe violations inside `selector`, if there are any (see `axeViolations`). */
export async function expectNoAxeViolations(page: Page, selector = STORY_PAGE): Promise<void> {
  expect(await axeViolations(page, selector)).toEqual([]);
}

/** What the sweep needs of the preview's channel (Storybook's `Channel`). */
interface PreviewChannel {
  on(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
}

interface PreviewWindow {
  __STORYBOOK_ADDONS_CHANNEL__?: PreviewChannel;
  __STORYBOOK_PREVIEW__?: { currentRender?: { id?: string; phase?: string } };
  /** Set by `openStoryPreview`; gone if the preview reloads itself. */
  __algorightsSweep__?: string;
  /** What became of each story's play function on its latest render (stories/support/play.ts). */
  __algorightsPlays__?: Record<string, 'deferred' | 'played'>;
}

/** What became of a story's play function when it was last shown: run, or left for the reviewer to ask for. */
export async function playOutcome(page: Page, storyId: string): Promise<'deferred' | 'played' | undefined> {
  return page.evaluate((storyId) => (window as PreviewWindow).__algorightsPlays__?.[storyId], storyId);
}

/**
 * Loads the static Storybook's preview (iframe.html) once, with no story selected, and sets its globals
 * through the channel (`updateGlobals`): the locale, the theme, and the a11y addon in manual mode so that
 * its own axe run (an afterEach hook) never overlaps ours. Stories are then shown with `showStory`,
 * which switches story inside this one document instead of reloading it.
 *
 * `autoplay: true` runs each story's play function when it is shown; otherwise a story opens as a
 * reviewer first sees it, with its play function left until asked for (stories/support/play.ts).
 */
export async function openStoryPreview(page: Page, globals: { locale: string; theme: string; autoplay?: boolean }): Promise<void> {
  await preloadAxe(page);
  // With no `id` the preview initializes, finds nothing to render and shows "no preview".
  await page.goto('/iframe.html?viewMode=story');
  await page.waitForFunction(() => {
    const preview = window as PreviewWindow;
    return !!preview.__STORYBOOK_ADDONS_CHANNEL__ && !!preview.__STORYBOOK_PREVIEW__ && document.body.classList.contains('sb-show-nopreview');
  });
  const applied = await page.evaluate(
    ({ locale, theme, autoplay }) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const preview = window as PreviewWindow;
        const channel = preview.__STORYBOOK_ADDONS_CHANNEL__!;
        const timer = setTimeout(() => reject(new Error('Storybook did not answer updateGlobals with globalsUpdated')), 10_000);
        const onUpdated = ({ globals }: { globals: Record<string, unknown> }) => {
          clearTimeout(timer);
          channel.off('globalsUpdated', onUpdated);
          resolve(globals);
        };
        channel.on('globalsUpdated', onUpdated);
        channel.emit('updateGlobals', { globals: { locale, theme, autoplay, a11y: { manual: true } } });
        preview.__algorightsSweep__ = `${theme}, ${locale}`;
      }),
    { autoplay: false, ...globals },
  );
  expect(applied, 'the globals Storybook reports after updateGlobals').toMatchObject({ autoplay: false, ...globals, a11y: { manual: true } });
}

/**
 * Shows one story in the preview opened by `openStoryPreview` (channel event `setCurrentStory`) and waits
 * for `storyFinished`, which Storybook emits after the story rendered, its play function ran or was left
 * for later (see `openStoryPreview`) and the afterEach hooks are done. Storybook unmounts the previous story first,
 * so the decorator's provider, and everything else the story rendered, is new.
 *
 * Returns what went wrong, if anything: errors while rendering (`storyErrored`, `storyThrewException`),
 * in the play function (`playFunctionThrewException`, `unhandledErrorsWhilePlaying`), a story that
 * cannot be loaded (`storyMissing`), a failed finish, or no finish within `timeoutMs`. Show stories one at a
 * time: switching away from a story that has not finished makes Storybook reload the page.
 */
export async function showStory(page: Page, storyId: string, timeoutMs = 20_000): Promise<string[]> {
  return page.evaluate(
    ({ storyId, timeoutMs }) =>
      new Promise<string[]>((resolve) => {
        const preview = window as PreviewWindow;
        const channel = preview.__STORYBOOK_ADDONS_CHANNEL__;
        if (!channel || !preview.__algorightsSweep__) {
          resolve(['the preview was reloaded, so the sweep lost its globals (a story that never finished makes Storybook reload)']);
          return;
        }
        const problems: string[] = [];
        type SerializedError = { name?: string; message?: string };
        const describe = (error: SerializedError) => `${error.name ?? 'Error'}: ${error.message ?? String(error)}`;
        const listeners: Record<string, (...args: never[]) => void> = {
          storyErrored: ({ title, description }: { title: string; description: string }) =>
            problems.push(`it errored: ${title}\n${description}`),
          storyThrewException: (error: SerializedError) => problems.push(`it threw ${describe(error)}`),
          playFunctionThrewException: (error: SerializedError) => problems.push(`its play function threw ${describe(error)}`),
          unhandledErrorsWhilePlaying: (errors: SerializedError[]) =>
            problems.push(...errors.map((error) => `unhandled error while its play function ran: ${describe(error)}`)),
          storyUnchanged: () => {
            problems.push('it was already shown, so it was not rendered again');
            finish();
          },
          storyMissing: (specifier: unknown) => {
            problems.push(`Storybook could not load it (storyMissing${specifier ? `: ${String(specifier)}` : ''})`);
            finish();
          },
          storyFinished: ({ storyId: finished, status, reporters }: { storyId: string; status: string; reporters: { type: string; status: string }[] }) => {
            if (finished !== storyId) return;
            if (status !== 'success') {
              const failed = reporters.filter((report) => report.status === 'failed').map((report) => report.type);
              problems.push(`it finished with status "${status}"${failed.length ? ` (failed reports: ${failed.join(', ')})` : ''}`);
            }
            finish();
          },
        };
        const timer = setTimeout(() => {
          const render = preview.__STORYBOOK_PREVIEW__?.currentRender;
          problems.push(`it did not finish within ${timeoutMs} ms (render of ${render?.id} in phase "${render?.phase}")`);
          finish();
        }, timeoutMs);
        function finish() {
          clearTimeout(timer);
          for (const [event, listener] of Object.entries(listeners)) channel!.off(event, listener);
          resolve(problems);
        }
        for (const [event, listener] of Object.entries(listeners)) channel.on(event, listener);
        channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
      }),
    { storyId, timeoutMs },
  );
}

/** Kit elements whose box reaches past the screen's left or right edge, unless an ancestor scrolls or clips them on purpose. */
export function overflowing(page: Page): Promise<string[]> {
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
export function smallTargets(page: Page, minimum: number): Promise<string[]> {
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

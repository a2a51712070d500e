import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

// Vitest runs from the repository root.
const css = readFileSync(resolve('src/kernel/ui/tokens.css'), 'utf8');

/** The custom properties a selector block declares. */
function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) {
    throw new Error(`tokens.css has no block for ${selector}`);
  }
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--ar-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]?.trim()]));
}

function luminance(hex: string): number {
  const channels = hex
    .replace('#', '')
    .match(/../g)
    ?.map((pair) => Number.parseInt(pair, 16) / 255)
    .map((channel) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  if (!channels || channels.length !== 3) {
    throw new Error(`not a #rrggbb colour: ${hex}`);
  }
  const [red = 0, green = 0, blue = 0] = channels;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

const light = block(`[data-ar-theme='light']`);
const dark = { ...light, ...block(`[data-ar-theme='dark']`) };
const elderly = { ...light, ...block(`[data-ar-mode='elderly']`) };
const elderlyDark = { ...dark, ...block(`[data-ar-mode='elderly']`), ...block(`[data-ar-mode='elderly'][data-ar-theme='dark']`) };

// Text pairs need 4.5:1 (7:1 in elderly mode); the switch's parts, as non-text
// controls, need 3:1 against what they sit on (WCAG 1.4.11).
const textPairs = [
  ['--ar-color-text', '--ar-color-surface'],
  ['--ar-color-text-muted', '--ar-color-surface'],
  ['--ar-color-warning-text', '--ar-color-warning-surface'],
  ['--ar-color-danger-text', '--ar-color-danger-surface'],
  ['--ar-color-success-text', '--ar-color-success-surface'],
  ['--ar-color-danger', '--ar-color-surface'],
  ['--ar-color-text', '--ar-color-surface-raised'],
  ['--ar-color-accent', '--ar-color-surface-raised'],
] as const;
const controlPairs = [
  ['--ar-color-accent', '--ar-color-surface'],
  ['--ar-color-track-off', '--ar-color-surface'],
  ['--ar-color-surface', '--ar-color-accent'],
  ['--ar-color-surface', '--ar-color-track-off'],
] as const;

describe.each([
  ['light', light, 4.5],
  ['dark', dark, 4.5],
  ['elderly', elderly, 7],
  ['elderly dark', elderlyDark, 7],
])('%s theme tokens', (_, tokens, textMinimum) => {
  test.each(textPairs)(`%s on %s reaches ${textMinimum}:1`, (foreground, background) => {
    expect(contrast(tokens[foreground] ?? '', tokens[background] ?? '')).toBeGreaterThanOrEqual(textMinimum);
  });
  test.each(controlPairs)('%s against %s reaches 3:1', (foreground, background) => {
    expect(contrast(tokens[foreground] ?? '', tokens[background] ?? '')).toBeGreaterThanOrEqual(3);
  });
});

test('the dark tokens in the media query match the [data-ar-theme=dark] ones', () => {
  const start = css.indexOf('@media (prefers-color-scheme: dark)');
  const media = css.slice(css.indexOf('{', css.indexOf('{', start) + 1) + 1, css.indexOf('}', start));
  const fromMedia = Object.fromEntries([...media.matchAll(/(--ar-[\w-]+):\s*([^;]+);/g)].map((match) => [match[1], match[2]?.trim()]));
  expect(fromMedia).toEqual(block(`[data-ar-theme='dark']`));
});

test('the kit follows the host: dark tokens apply only under an explicit opt-in', () => {
  const start = css.indexOf('@media (prefers-color-scheme: dark)');
  const media = css.slice(start, css.indexOf('/* Elderly mode', start));
  // Nothing in the media query may reach :root or an element without data-ar-theme='system'.
  const selectors = [...media.matchAll(/([^{};]+)\{/g)]
    .map((match) => match[1]?.trim() ?? '')
    .filter((selector) => !selector.startsWith('@media'));
  expect(selectors.length).toBeGreaterThan(0);
  for (const selector of selectors) {
    expect(selector).toContain("[data-ar-theme='system']");
  }
});

test('the dark theme changes colours only, never a size, so a layout checked in light holds in dark', () => {
  // The every-story sweep checks overflow in every locale in light and elderly, and dark in two locales.
  const darkBlocks = [`[data-ar-theme='dark']`, `[data-ar-mode='elderly'][data-ar-theme='dark']`].map(block);
  for (const tokens of darkBlocks) {
    for (const name of Object.keys(tokens)) {
      expect(name).toMatch(/^--ar-(color-|shadow-|focus-ring$)/);
    }
  }
  // No other stylesheet styles by theme: the tokens are the only thing dark mode changes.
  const sheets = cssFiles(resolve('src')).filter((file) => !file.endsWith('tokens.css'));
  expect(sheets.length).toBeGreaterThan(3);
  for (const file of sheets) {
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/data-ar-theme|prefers-color-scheme/);
  }
});

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? cssFiles(join(dir, entry.name)) : entry.name.endsWith('.css') ? [join(dir, entry.name)] : [],
  );
}

import { existsSync } from 'node:fs';

/**
 * Where the test tools find Chromium. Debian's package installs it at
 * /usr/bin/chromium; a machine with Playwright's own browser sets
 * ALGORIGHTS_CHROMIUM to that binary instead.
 */
export const chromiumPath = process.env.ALGORIGHTS_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching for the network in tests. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium was not found at ${chromiumPath}. Either run \`npm test\`, which installs Debian's ` +
        '`chromium` package when it is missing, or set ALGORIGHTS_CHROMIUM to the path of a Chromium ' +
        'binary (for example one from Playwright\'s own browser cache).',
    );
  }
}

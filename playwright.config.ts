import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from './config/chromium.js';

assertChromium();

// Three ports from ALGORIGHTS_E2E_PORT (default 6106). Servers are never reused: a server already on a port
// (a Storybook dev server, an older build) would be tested instead of this build, so that fails at start.
const basePort = Number(process.env.ALGORIGHTS_E2E_PORT ?? 6106);
const storybookPort = basePort;
const examplePort = basePort + 1;
const exampleReact18Port = basePort + 2;
const exampleDist = 'examples/consumer/dist';
const exampleReact18Dist = 'examples/consumer/dist-react18';

/**
 * Serves an example build that `npm run example` made. Without one, its tests fail with a message that says
 * so (e2e/example/consumer.spec.ts), and the Storybook tests still run.
 */
function exampleServer(dist: string, port: number) {
  return existsSync(dist)
    ? [{ command: `sirv ${dist} --host 127.0.0.1 --port ${port} --single --quiet`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false }]
    : [];
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  timeout: 30_000,
  use: {
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'storybook',
      testMatch: 'storybook/**/*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${storybookPort}` },
    },
    {
      name: 'example',
      testMatch: 'example/**/*.spec.ts',
      metadata: { reactMajor: '19', dist: exampleDist },
      use: { baseURL: `http://127.0.0.1:${examplePort}` },
    },
    {
      name: 'example-react18',
      testMatch: 'example/**/*.spec.ts',
      metadata: { reactMajor: '18', dist: exampleReact18Dist },
      use: { baseURL: `http://127.0.0.1:${exampleReact18Port}` },
    },
  ],
  webServer: [
    {
      command: `sirv storybook-static --host 127.0.0.1 --port ${storybookPort} --quiet`,
      url: `http://127.0.0.1:${storybookPort}/index.json`,
      reuseExistingServer: false,
    },
    ...exampleServer(exampleDist, examplePort),
    ...exampleServer(exampleReact18Dist, exampleReact18Port),
  ],
});

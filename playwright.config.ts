import { defineConfig } from '@playwright/test';
import { assertChromium, chromiumArgs, chromiumPath } from './config/chromium.js';

assertChromium();

const storybookPort = 6106;
const examplePort = 6107;
const exampleReact18Port = 6108;

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
      metadata: { reactMajor: '19' },
      use: { baseURL: `http://127.0.0.1:${examplePort}` },
    },
    {
      name: 'example-react18',
      testMatch: 'example/**/*.spec.ts',
      metadata: { reactMajor: '18' },
      use: { baseURL: `http://127.0.0.1:${exampleReact18Port}` },
    },
  ],
  webServer: [
    {
      command: `sirv storybook-static --host 127.0.0.1 --port ${storybookPort} --quiet`,
      url: `http://127.0.0.1:${storybookPort}/index.json`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `sirv examples/consumer/dist --host 127.0.0.1 --port ${examplePort} --single --quiet`,
      url: `http://127.0.0.1:${examplePort}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: `sirv examples/consumer/dist-react18 --host 127.0.0.1 --port ${exampleReact18Port} --single --quiet`,
      url: `http://127.0.0.1:${exampleReact18Port}/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});

import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './config/chromium.js';

export default defineConfig({
  test: {
    // One worker per core. The default leaves a core free (one worker on a two-core CI machine), which
    // made the unit tests take twice as long there.
    maxWorkers: '100%',
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test-setup.ts'],
          restoreMocks: true,
        },
      },
      // Every story's play function, in Chromium, in zh-CN. The end-to-end sweep (e2e/storybook/every-story.spec.ts)
      // plays every story again in each locale and theme on a 390 px phone, with axe; running this project in
      // the other locales too repeated that and cost about a minute of CI. Add a locale here to debug one.
      ...(['zh-CN'] as const).map((locale) => ({
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        define: {
          'globalThis.__ALGORIGHTS_STORY_LOCALE__': JSON.stringify(locale),
          // Play functions run under test; in Storybook they wait until a reviewer asks (stories/support/play.ts).
          'globalThis.__ALGORIGHTS_STORY_TEST__': 'true',
        },
        test: {
          name: `storybook-${locale}`,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' as const }],
          },
        },
      })),
    ],
  },
});

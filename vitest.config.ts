import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './config/chromium.js';

export default defineConfig({
  test: {
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
      // Every story's play function runs once per locale: each project opens Storybook in one of them.
      ...(['zh-CN', 'zh-TW', 'en'] as const).map((locale) => ({
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

import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../src/rights/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The sidebar's getting-started checklist is for people new to Storybook, not for reviewers of this kit.
  features: { sidebarOnboardingChecklist: false },
  // The end-to-end fixtures and the bench page are for the tests (iframe.html?id=…), not for reviewers: hidden
  // from the sidebar by default; the sidebar's tag filter shows them.
  tags: { fixture: { defaultFilterSelection: 'exclude' } },
};

export default config;

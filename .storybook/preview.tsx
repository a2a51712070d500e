import type { Decorator, Preview } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import {
  RightsProvider,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  createMemoryTagsAdapter,
  resolveRightsLocale,
  type RightsLocale,
  type RightsProviderProps,
} from '../src/index.js';
import '../src/styles/index.css';

/** What a story passes to the provider the decorator wraps it in. */
export interface RightsStoryParameters {
  /** Builds the story's adapters once per render, for the story's locale. Adapters it leaves out are memory adapters, so stories never share state. */
  adapters?: (locale: RightsLocale) => NonNullable<RightsProviderProps['adapters']>;
  initialState?: RightsProviderProps['initialState'];
  /** How long a read may take before the fallback shows. Default: the provider's. */
  loadTimeoutMs?: number;
  /** Set false when the story renders its own providers. */
  provider?: false;
}

function StoryProvider(props: { locale: string; rights: RightsStoryParameters; children: ReactNode }) {
  const [adapters] = useState(() => ({
    preferences: createMemoryPreferencesAdapter(),
    tags: createMemoryTagsAdapter(),
    outbox: createMemoryOutboxAdapter(),
    ...props.rights.adapters?.(resolveRightsLocale(props.locale)),
  }));
  return (
    <RightsProvider
      locale={props.locale}
      adapters={adapters}
      initialState={props.rights.initialState}
      loadTimeoutMs={props.rights.loadTimeoutMs}
      retryDelayMs={60_000}
    >
      {props.children}
    </RightsProvider>
  );
}

const withRights: Decorator = (Story, context) => {
  const locale = String(context.globals.locale ?? 'zh-CN');
  const theme = String(context.globals.theme ?? 'light');
  const rights = (context.parameters.rights ?? {}) as RightsStoryParameters;
  return (
    <div
      lang={locale}
      data-ar-theme={theme === 'dark' ? 'dark' : 'light'}
      data-ar-mode={theme === 'elderly' ? 'elderly' : undefined}
      style={{ padding: 16, background: 'var(--ar-color-surface)', color: 'var(--ar-color-text)', minHeight: '90vh' }}
    >
      {rights.provider === false ? (
        <Story />
      ) : (
        <StoryProvider key={`${context.id}:${locale}`} locale={locale} rights={rights}>
          <Story />
        </StoryProvider>
      )}
    </div>
  );
};

const preview: Preview = {
  decorators: [withRights],
  // The story tests set the locale per run (see vitest.config.ts); Storybook itself opens in the source locale.
  initialGlobals: {
    locale: (globalThis as { __ALGORIGHTS_STORY_LOCALE__?: string }).__ALGORIGHTS_STORY_LOCALE__ ?? 'zh-CN',
    theme: 'light',
  },
  globalTypes: {
    locale: {
      description: 'Language of the controls',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'zh-CN', title: '简体中文 (zh-CN)' },
          { value: 'zh-TW', title: '繁體中文 (zh-TW)' },
          { value: 'en', title: 'English (en)' },
        ],
      },
    },
    theme: {
      description: 'Theme of the controls',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'elderly', title: 'Elderly (适老化)' },
        ],
      },
    },
  },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    options: { storySort: { order: ['Regulation map', 'Component contract', 'Components', 'E2E fixtures'] } },
  },
  tags: ['autodocs'],
};

export default preview;

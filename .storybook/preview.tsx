import type { Decorator, Preview } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { FORCE_REMOUNT } from 'storybook/internal/core-events';
import { addons } from 'storybook/preview-api';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import {
  RightsProvider,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  createMemoryTagsAdapter,
  resolveRightsLocale,
  type RightsLocale,
  type RightsProviderProps,
} from '../src/index.js';
import '../src/styles.css';
import { isStoryTest, requestPlay } from '../stories/support/play.js';

// "Rerun" and "Go to start" in the Interactions panel remount the story: that is a reviewer asking for its
// play function, which otherwise does not run on first view (see stories/support/play.ts).
if (!isStoryTest) {
  const listen = (channel: ReturnType<typeof addons.getChannel>) =>
    channel.on(FORCE_REMOUNT, ({ storyId }: { storyId?: string }) => storyId && requestPlay(storyId));
  if (addons.hasChannel()) {
    listen(addons.getChannel());
  } else {
    void addons.ready().then(listen);
  }
}

/** A 390 px phone, the screen most users have. */
const PHONE_VIEWPORT = { name: 'Phone (390 × 844)', styles: { width: '390px', height: '844px' }, type: 'mobile' } as const;

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
  // The kit is light unless an ancestor opts into 'dark', or into 'system', which follows the phone's setting.
  const dataTheme = theme === 'dark' || theme === 'system' ? theme : 'light';
  const rights = (context.parameters.rights ?? {}) as RightsStoryParameters;
  return (
    <div
      lang={locale}
      data-ar-theme={dataTheme}
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
  // The story tests set the locale per run (see vitest.config.ts); Storybook itself opens in the source locale,
  // on a phone-sized screen. The story tests keep the test browser's own size.
  initialGlobals: {
    locale: (globalThis as { __ALGORIGHTS_STORY_LOCALE__?: string }).__ALGORIGHTS_STORY_LOCALE__ ?? 'zh-CN',
    theme: 'light',
    // True runs every play function when its story opens, as the end-to-end sweep does: `globals=autoplay:!true`.
    autoplay: false,
    ...(isStoryTest ? {} : { viewport: { value: 'phone', isRotated: false } }),
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
          { value: 'zh-HK', title: '繁體中文 (zh-HK)' },
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
          { value: 'system', title: "System (follows the phone's setting)" },
          { value: 'elderly', title: 'Elderly (适老化)' },
        ],
      },
    },
  },
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
    viewport: { options: { phone: PHONE_VIEWPORT, ...MINIMAL_VIEWPORTS } },
    options: { storySort: { order: ['Regulation map', 'Component contract', 'Phone preset', 'Components', 'E2E fixtures'] } },
  },
  tags: ['autodocs'],
};

export default preview;

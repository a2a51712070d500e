import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import {
  MinorModeGate,
  MinorModeSettings,
  PersonalizationSwitch,
  RightsProvider,
  createLocalStorageMinorModeAdapter,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
} from '../../index.js';
import { localeOf } from '../../../stories/support/messages.js';
import { MinorFeed } from './story-content.js';

/**
 * The app the end-to-end tests of minor mode drive by hand, on the page's own clock (which the tests
 * replace with Playwright's): no play function, and `!test` keeps it out of the story tests. Minor mode
 * is kept in localStorage, so a reload keeps it; PBKDF2 runs with few iterations here only.
 */
const meta = {
  title: 'E2E fixtures/Minor mode',
  tags: ['fixture', '!test', '!autodocs'],
  parameters: { rights: { provider: false } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function App(props: { locale: string }) {
  const [adapters] = useState(() => ({
    minorMode: createLocalStorageMinorModeAdapter({ key: 'algorights:e2e-minor-mode', pinIterations: 1000 }),
    preferences: createMemoryPreferencesAdapter(),
    outbox: createMemoryOutboxAdapter(),
  }));
  return (
    <RightsProvider locale={props.locale} adapters={adapters}>
      <MinorModeGate style={{ display: 'grid', gap: 16 }}>
        <MinorFeed locale={localeOf({ locale: props.locale })} />
        <MinorModeSettings />
        <PersonalizationSwitch scopes={['feed', 'ads']} />
      </MinorModeGate>
    </RightsProvider>
  );
}

/** A feed, the guardian console and the personalization switches, all behind the gate. */
export const App_: Story = {
  name: 'App',
  render: (_, { globals }) => <App locale={String(globals.locale)} />,
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  PersonalizationSwitch,
  createLocalStoragePreferencesAdapter,
  createMemoryPreferencesAdapter,
  withAdapterFaults,
} from '../src/index.js';
import { renderWithFeed } from './support/with-feed.js';

/**
 * Stories that end-to-end tests drive by hand. They have no play function,
 * because the static Storybook runs play functions when a story opens and that
 * would act before the test does; the `!test` tag keeps them out of the story
 * test run for the same reason.
 */
const meta = {
  title: 'E2E fixtures/PersonalizationSwitch',
  component: PersonalizationSwitch,
  tags: ['!test', '!autodocs'],
  args: { scopes: ['feed', 'ads', 'push', 'search'] },
  render: renderWithFeed,
} satisfies Meta<typeof PersonalizationSwitch>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The embedded default: preferences in this browser's localStorage, which survive a reload. */
export const LocalStorage: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: createLocalStoragePreferencesAdapter({ key: 'algorights-e2e:preferences' }),
        pendingSync: createLocalStoragePreferencesAdapter({ key: 'algorights-e2e:pending-sync' }),
      }),
    },
  },
};

/** A backend that stores nothing and rejects every write; only the on-device pending copy can carry an opt-out across a reload. */
export const FailingBackend: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
        pendingSync: createLocalStoragePreferencesAdapter({ key: 'algorights-e2e:pending-sync' }),
      }),
    },
  },
};

/** A backend that takes a moment to answer, with the user's opt-out stored: the switch holds its place until then. */
export const SlowLoad: Story = {
  parameters: {
    rights: {
      adapters: () => {
        const preferences = createMemoryPreferencesAdapter();
        void preferences.save({
          version: 2,
          personalization: {
            master: 'non-personalized',
            scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
            strategy: null,
          },
          updatedAt: '2026-11-22T08:00:00.000Z',
        });
        return { preferences: withAdapterFaults(preferences, { latencyMs: 1500 }), pendingSync: createMemoryPreferencesAdapter() };
      },
    },
  },
};

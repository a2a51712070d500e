import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  PersonalizationSwitch,
  RightsProvider,
  createLocalStorageOutboxAdapter,
  createLocalStoragePreferencesAdapter,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  withAdapterFaults,
} from '../../index.js';
import { renderWithFeed } from '../../../stories/support/with-feed.js';

/**
 * Stories that end-to-end tests drive by hand. They have no play function, so
 * nothing acts before the test does; the `!test` tag keeps them out of the
 * story test run for the same reason.
 */
const meta = {
  title: 'E2E fixtures/PersonalizationSwitch',
  component: PersonalizationSwitch,
  // `fixture`: hidden from reviewers' sidebar (see .storybook/main.ts), still served for the tests and the bench.
  tags: ['fixture', '!test', '!autodocs'],
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
        outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }),
      }),
    },
  },
};

/** A backend that stores nothing and rejects every write; only the outbox on the device can carry an opt-out across a reload. */
export const FailingBackend: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        preferences: withAdapterFaults(createMemoryPreferencesAdapter(), { reject: ['save'] }),
        outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }),
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
        void preferences.save(
          {
            preferences: {
              master: 'non-personalized',
              scopes: { feed: 'personalized', ads: 'personalized', push: 'personalized', search: 'personalized' },
              strategy: null,
            },
            revisions: { master: 1, feed: 1, ads: 1, push: 1, search: 1, strategy: 1 },
          },
          { idempotencyKey: 'story-seed', signal: new AbortController().signal },
        );
        // Long enough for a test on a busy two-core machine to see the loading state before the answer.
        return { preferences: withAdapterFaults(preferences, { latencyMs: 4000 }), outbox: createMemoryOutboxAdapter() };
      },
    },
  },
};

/**
 * Two providers on one page over the same storage, as two widgets of an app or two tabs of one browser:
 * a choice in one reaches the other at once, and neither can write an older value over the other's.
 */
export const TwoProviders: Story = {
  parameters: { rights: { provider: false } },
  render: (_, { globals }) => {
    const locale = String(globals.locale ?? 'zh-CN');
    const adapters = () => ({
      preferences: createLocalStoragePreferencesAdapter({ key: 'algorights-e2e:preferences' }),
      outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }),
    });
    return (
      <div style={{ display: 'grid', gap: 24 }}>
        {(['first', 'second'] as const).map((name) => (
          <section key={name} data-provider={name} aria-label={name}>
            <RightsProvider locale={locale} adapters={adapters()}>
              <PersonalizationSwitch scopes={['feed', 'ads']} />
            </RightsProvider>
          </section>
        ))}
      </div>
    );
  },
};

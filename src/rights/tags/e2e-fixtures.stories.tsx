import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  AlgorithmDisclosure,
  PersonalizationSwitch,
  RecommendationModePicker,
  RightsProvider,
  UserTagManager,
  createLocalStorageOutboxAdapter,
  createLocalStoragePreferencesAdapter,
  createLocalStorageTagsAdapter,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  createMemoryTagsAdapter,
  toStoredTags,
} from '../../index.js';
import { BLOCKLIST, FILING, disclosure, largeProfile, sampleCatalogue, sampleProfile, strategies } from '../../../stories/support/demo-content.js';
import { demoLocale, localeOf } from '../../../stories/support/messages.js';
import { RecommendedFeed } from '../../../stories/support/recommended-feed.js';

/**
 * Stories that end-to-end tests and the benchmark drive by hand: no play
 * functions, so nothing acts before the test does, and `!test` keeps them out
 * of the story tests. State lives in localStorage, so a reload keeps it.
 */
const meta = {
  title: 'E2E fixtures/Recommender controls',
  // `fixture`: hidden from reviewers' sidebar (see .storybook/main.ts), still served for the tests and the bench.
  tags: ['fixture', '!test', '!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const localPreferences = () => ({
  preferences: createLocalStoragePreferencesAdapter({ key: 'algorights-e2e:preferences' }),
  outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }),
});

/** The tags of the sample user, in localStorage; seeded the first time, so deletions survive a reload. */
function localTags(locale: string) {
  const key = 'algorights-e2e:tags';
  if (localStorage.getItem(key) === null) {
    localStorage.setItem(key, JSON.stringify(toStoredTags(sampleProfile(demoLocale(locale)))));
  }
  return { tags: createLocalStorageTagsAdapter({ key }), outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }) };
}

/** The disclosure above a feed, with the filing number linked to the public record. */
export const DisclosureOnFeed: Story = {
  parameters: { rights: { adapters: localPreferences } },
  render: (_, { globals }) => {
    const locale = localeOf(globals);
    const text = disclosure[locale];
    return (
      <>
        <AlgorithmDisclosure
          principles={text.principles}
          purpose={text.purpose}
          mechanism={text.mechanism}
          fairPricing
          filings={{ ...FILING, name: text.filingName }}
        />
        <RecommendedFeed locale={locale} feedback={false} />
      </>
    );
  },
};

/** The switch, the inline picker and the feed, all on localStorage. */
export const PickerWithSwitch: Story = {
  parameters: { rights: { adapters: localPreferences } },
  render: (_, { globals }) => {
    const locale = localeOf(globals);
    return (
      <div style={{ display: 'grid', gap: 16 }}>
        <PersonalizationSwitch scopes={['feed', 'ads', 'push', 'search']} />
        <RecommendationModePicker strategies={strategies[locale]} variant="inline" />
        <RecommendedFeed locale={locale} feedback={false} />
      </div>
    );
  },
};

/** The tag manager with the catalogue, and a feed with "not interested", all on localStorage. */
export const TagManager: Story = {
  parameters: { rights: { adapters: (locale: string) => ({ ...localPreferences(), ...localTags(locale) }) } },
  render: (_, { globals }) => {
    const locale = localeOf(globals);
    return (
      <div style={{ display: 'grid', gap: 16 }}>
        <UserTagManager blocklist={BLOCKLIST} catalogue={sampleCatalogue(locale)} undoTimeoutMs={60_000} />
        <RecommendedFeed locale={locale} />
      </div>
    );
  },
};

interface BenchApi {
  /** Mounts a manager with `count` tags (and the component's default threshold unless given); resolves with the milliseconds from the start of the render to the next paint. */
  mount(count: number, virtualizeAbove?: number): Promise<number>;
  /** Clicks delete on the first tag; resolves with the milliseconds from the click to the next paint. */
  deleteFirst(): Promise<number>;
  unmount(): Promise<void>;
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function Bench() {
  const [run, setRun] = useState<{ count: number; virtualizeAbove: number | undefined; key: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const api: BenchApi = {
      async mount(count, virtualizeAbove) {
        flushSync(() => setRun(null));
        await nextPaint();
        const start = performance.now();
        flushSync(() => setRun({ count, virtualizeAbove, key: Math.random() }));
        await nextPaint();
        return performance.now() - start;
      },
      async deleteFirst() {
        const button = root.current?.querySelector<HTMLButtonElement>('[data-slot="user-tag-manager-tag-delete"]');
        if (!button) {
          throw new Error('No tag to delete: mount first.');
        }
        const start = performance.now();
        button.click();
        await nextPaint();
        return performance.now() - start;
      },
      async unmount() {
        flushSync(() => setRun(null));
        await nextPaint();
      },
    };
    (window as unknown as { algorightsBench: BenchApi }).algorightsBench = api;
  }, []);
  return (
    <div ref={root} data-slot="bench">
      <p data-slot="bench-status">{run ? `${run.count} tags` : 'Ready: window.algorightsBench.mount(count)'}</p>
      {run ? (
        <RightsProvider
          key={run.key}
          locale="zh-CN"
          adapters={{
            preferences: createMemoryPreferencesAdapter(),
            tags: createMemoryTagsAdapter({ initial: largeProfile(run.count) }),
            outbox: createMemoryOutboxAdapter(),
          }}
        >
          <UserTagManager virtualizeAbove={run.virtualizeAbove} />
        </RightsProvider>
      ) : null}
    </div>
  );
}

/** A page for `npm run bench`: `window.algorightsBench` mounts a manager with N tags and times it. */
export const TagBench: Story = {
  parameters: { rights: { provider: false } },
  render: () => <Bench />,
};

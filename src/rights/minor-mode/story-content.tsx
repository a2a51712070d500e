import { useState, type ReactNode } from 'react';
import {
  RightsProvider,
  createManualClock,
  createMemoryMinorModeAdapter,
  createMemoryOutboxAdapter,
  createMemoryPreferencesAdapter,
  defaultMinorModeSettings,
  useRecommendationMode,
  type DeviceMinorModeSignal,
  type EmbeddedMinorModeAdapter,
  type ManualClock,
  type MinorAgeBand,
} from '../../index.js';
import type { DemoLocale } from '../../../stories/support/messages.js';

/** The guardian PIN of the stories' family. */
export const STORY_PIN = '2580';

/** 2026-11-30 at hh:mm in Beijing. */
export const beijing = (hours: number, minutes = 0) => Date.UTC(2026, 10, 30, hours - 8, minutes);

const MINUTE = 60_000;
export { MINUTE };

/** The clock and adapter of the story on screen, for its play function: time moves only when the play says. */
export const storyWorld: { clock: ManualClock | null; adapter: EmbeddedMinorModeAdapter | null } = { clock: null, adapter: null };

export interface MinorModeWorldProps {
  locale: string;
  /** The wall-clock time the story starts at. */
  start: number;
  /** Minor mode on with this band, with the stories' PIN; or off. */
  band?: MinorAgeBand;
  device?: DeviceMinorModeSignal | null;
  children: ReactNode;
}

/**
 * A provider on a manual clock, with minor mode in memory: PBKDF2 runs with few iterations here only, so
 * five wrong PINs take no time (the kit's default is 600,000).
 */
export function MinorModeWorld(props: MinorModeWorldProps) {
  const { locale, start, band, device = null, children } = props;
  const [world] = useState(() => {
    const clock = createManualClock(start);
    const adapter = createMemoryMinorModeAdapter({
      pinIterations: 1000,
      device,
      ...(band ? { initial: { on: true, source: 'guardian' as const, settings: defaultMinorModeSettings(band), revision: 1 } } : {}),
    });
    const ready = band ? Promise.resolve(adapter.setPin(STORY_PIN, { idempotencyKey: 'story-pin', signal: new AbortController().signal })) : Promise.resolve();
    storyWorld.clock = clock;
    storyWorld.adapter = adapter;
    return { clock, adapter, ready, adapters: { minorMode: adapter, preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() } };
  });
  const [ready, setReady] = useState(!band);
  if (!ready) {
    void world.ready.then(() => setReady(true));
    return <div data-slot="story-loading" />;
  }
  return (
    <RightsProvider locale={locale} clock={world.clock} adapters={world.adapters}>
      {children}
    </RightsProvider>
  );
}

const items: Record<DemoLocale, string[]> = {
  'zh-CN': ['自然纪录片：长江里的江豚', '十分钟学会折纸飞机', '数学小实验：会转弯的水'],
  'zh-TW': ['自然紀錄片：長江裡的江豚', '十分鐘學會摺紙飛機', '數學小實驗：會轉彎的水'],
  en: ['Nature: the finless porpoises of the Yangtze', 'Fold a paper plane in ten minutes', 'A maths experiment: water that bends'],
};

/** A small feed, with what it asks the server for: ads' mode and the content pool. */
export function MinorFeed(props: { locale: DemoLocale }) {
  const mode = useRecommendationMode();
  return (
    <div data-slot="story-feed" style={{ display: 'grid', gap: 8 }}>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {items[props.locale].map((item) => (
          <li key={item}>
            {/* A whole-row target, 60 px in elderly mode, like the kit's own. */}
            <a href="#feed" style={{ display: 'flex', alignItems: 'center', minHeight: 'var(--ar-target-size, 44px)' }}>
              {item}
            </a>
          </li>
        ))}
      </ul>
      <p data-testid="feed-request" style={{ margin: 0, fontSize: 14 }}>
        ads={mode.ads} pool={mode.minor?.contentBand ?? 'none'}
      </p>
    </div>
  );
}

/** The first item's title, for finding the feed. */
export const firstItem = (locale: DemoLocale) => items[locale][0] ?? '';

import { describe, expect, test } from 'vitest';
import { withAdapterFaults, type AdapterFaults } from '../../../kernel/core/adapters/fault-injection.js';
import type { MinorModeAdapter } from '../../minor-mode/core/adapter.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import { createMemoryOutboxAdapter } from '../../../kernel/core/outbox/outbox-adapters.js';
import { createRightsStore } from '../../../store.js';
import { createMemoryMinorModeAdapter } from '../../minor-mode/core/adapters.js';
import { minorModeSlice, type RightsStateWithMinorMode } from '../../minor-mode/core/slice.js';
import { createMemoryPreferencesAdapter } from './adapters.js';
import { selectLockedScopes, selectRecommendationMode } from './selectors.js';

function open(options: { minorMode: boolean; hang?: boolean }) {
  const clock = createManualClock(Date.UTC(2026, 10, 30, 7));
  const faults = { clock, hang: options.hang ? ['load'] : [] } as AdapterFaults<keyof MinorModeAdapter & string>;
  const store = createRightsStore({
    clock,
    adapters: {
      preferences: createMemoryPreferencesAdapter(),
      outbox: createMemoryOutboxAdapter(),
      ...(options.minorMode ? { minorMode: withAdapterFaults(createMemoryMinorModeAdapter({ pinIterations: 1000 }), faults) as MinorModeAdapter } : {}),
    },
    slices: options.minorMode ? [minorModeSlice] : [],
  });
  store.connect();
  return { clock, store, state: () => store.getState() as RightsStateWithMinorMode };
}

describe('selectLockedScopes', () => {
  test('minor mode on: ads are locked, with minor mode as the reason, and the feed gets them non-personalized', async () => {
    const visit = open({ minorMode: true });
    await visit.clock.settle();
    expect(selectLockedScopes(visit.state())).toEqual({});
    await visit.state().enterMinorMode({ ageBand: '12-16', pin: '2580' });
    expect(visit.state().minorMode.on).toBe(true);
    expect(selectLockedScopes(visit.state())).toEqual({ ads: 'minor-mode' });
    expect(selectRecommendationMode(visit.state()).ads).toBe('non-personalized');
  });

  test('minor mode still being read: ads are locked while it is not known that the user is not a minor', async () => {
    const visit = open({ minorMode: true, hang: true });
    await visit.clock.settle();
    expect(visit.state().minorMode.load).toBe('loading');
    expect(selectLockedScopes(visit.state())).toEqual({ ads: 'minor-mode-loading' });
    expect(selectRecommendationMode(visit.state()).ads).toBe('non-personalized');
  });

  test('minor mode read and off, or not used at all: no scope is locked, and ads follow the choice', async () => {
    const read = open({ minorMode: true });
    await read.clock.settle();
    expect(read.state().minorMode.load).toBe('ready');
    expect(selectLockedScopes(read.state())).toEqual({});
    expect(selectRecommendationMode(read.state()).ads).toBe('personalized');
    const unused = open({ minorMode: false });
    await unused.clock.settle();
    expect(selectLockedScopes(unused.store.getState())).toEqual({});
  });

  test('the answer keeps its identity while the lock does not change, so a component does not re-render for nothing', async () => {
    const visit = open({ minorMode: true });
    await visit.clock.settle();
    await visit.state().enterMinorMode({ ageBand: '8-12', pin: '2580' });
    const first = selectLockedScopes(visit.state());
    await visit.state().setPersonalization('feed', 'non-personalized');
    expect(selectLockedScopes(visit.state())).toBe(first);
  });
});

import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect, test } from 'vitest';
import { createManualClock, systemClock } from '../core/clock.js';
import { createMemoryOutboxAdapter } from '../core/outbox/outbox-adapters.js';
import { createMemoryPreferencesAdapter } from '../../rights/personalization/core/adapters.js';
import { RightsProvider } from '../../provider.js';
import { useRightsClock } from './use-rights-clock.js';

const adapters = () => ({ preferences: createMemoryPreferencesAdapter(), outbox: createMemoryOutboxAdapter() });

test("useRightsClock returns the provider's clock, so views move with a manual clock", async () => {
  const clock = createManualClock(Date.UTC(2025, 8, 30, 4));
  const { result } = renderHook(() => useRightsClock(), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <RightsProvider locale="zh-CN" clock={clock} adapters={adapters()}>
        {children}
      </RightsProvider>
    ),
  });
  expect(result.current).toBe(clock);
  await clock.advance(60_000);
  expect(result.current.now()).toBe(Date.UTC(2025, 8, 30, 4, 1));
});

test('useRightsClock is the system clock when the provider is given none', () => {
  const { result } = renderHook(() => useRightsClock(), {
    wrapper: ({ children }: { children: ReactNode }) => (
      <RightsProvider locale="zh-CN" adapters={adapters()}>
        {children}
      </RightsProvider>
    ),
  });
  expect(result.current).toBe(systemClock);
});

test('useRightsClock outside a provider is a developer error naming the fix', () => {
  expect(() => renderHook(() => useRightsClock())).toThrow(/`useRightsClock` must be used within `<RightsProvider>`/);
});

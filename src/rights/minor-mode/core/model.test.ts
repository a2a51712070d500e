import { beforeEach, describe, expect, test } from 'vitest';
import { runMinorModeAdapterConformance } from './conformance.js';
import { createLocalStorageMinorModeAdapter, createMemoryMinorModeAdapter } from './adapters.js';
import type { MemoryCell } from '../../../kernel/core/adapters/storage.js';
import { createManualClock } from '../../../kernel/core/clock.js';
import { hashPin, verifyPin } from './pin.js';
import {
  checkSpending,
  curfewNight,
  defaultMinorModeSettings,
  inCurfew,
  isStricter,
  minorModeStatus,
  pinLockoutMs,
  trustedTime,
  usageForDay,
  type MinorModeRecord,
  type MinorModeUsage,
} from './model.js';

const runner = { describe, test, beforeEach, expect };
/** 2026-11-30 at hh:mm in Shanghai (UTC+8). */
const shanghai = (hours: number, minutes = 0, day = 30) => Date.UTC(2026, 10, day, hours - 8, minutes);

runMinorModeAdapterConformance(runner, {
  name: 'memory',
  setup() {
    const cells = { record: { value: null } as MemoryCell, usage: { value: null } as MemoryCell, pin: { value: null } as MemoryCell };
    const inner = <T,>(cell: MemoryCell, key: string): T | null => (cell.value === null ? null : (structuredClone((cell.value as Record<string, unknown>)[key]) as T));
    return {
      adapter: createMemoryMinorModeAdapter({ cells, pinIterations: 1000 }),
      inspector: { record: () => inner<MinorModeRecord>(cells.record, 'record'), usage: () => inner<MinorModeUsage>(cells.usage, 'usage'), pinStorage: () => (cells.pin.value === null ? null : JSON.stringify(cells.pin.value)) },
    };
  },
});

runMinorModeAdapterConformance(runner, {
  name: 'localStorage',
  setup() {
    localStorage.clear();
    const read = <T,>(key: string, field: string): T | null => {
      const raw = localStorage.getItem(key);
      return raw === null ? null : ((JSON.parse(raw) as Record<string, unknown>)[field] as T);
    };
    return {
      adapter: createLocalStorageMinorModeAdapter({ pinIterations: 1000 }),
      inspector: {
        record: () => read<MinorModeRecord>('algorights:minor-mode', 'record'),
        usage: () => read<MinorModeUsage>('algorights:minor-mode-usage', 'usage'),
        pinStorage: () => localStorage.getItem('algorights:minor-mode-pin'),
      },
    };
  },
});

describe('the curfew, 22:00–06:00 in the platform’s zone', () => {
  test('21:59 is free, 22:00 and 05:59 are in the curfew, 06:00 is free', () => {
    expect(inCurfew(shanghai(21, 59))).toBe(false);
    expect(inCurfew(shanghai(22, 0))).toBe(true);
    expect(inCurfew(shanghai(5, 59, 30))).toBe(true);
    expect(inCurfew(shanghai(6, 0))).toBe(false);
  });

  test('is counted in the platform’s zone, not the device’s', () => {
    // 22:30 in Shanghai is 14:30 UTC: in the curfew for Shanghai, not for London.
    expect(inCurfew(shanghai(22, 30), 'Asia/Shanghai')).toBe(true);
    expect(inCurfew(shanghai(22, 30), 'Europe/London')).toBe(false);
  });

  test('one night’s exemption covers that night after midnight too, and no other night', () => {
    const night = curfewNight(shanghai(23, 0));
    expect(night).toBe('2026-11-30');
    expect(curfewNight(shanghai(1, 0) + 24 * 3600_000)).toBe('2026-11-30');
    expect(inCurfew(shanghai(23, 0), 'Asia/Shanghai', night)).toBe(false);
    expect(inCurfew(shanghai(2, 0) + 24 * 3600_000, 'Asia/Shanghai', night)).toBe(false);
    expect(inCurfew(shanghai(23, 0) + 24 * 3600_000, 'Asia/Shanghai', night)).toBe(true);
  });
});

describe('minorModeStatus', () => {
  const settings = defaultMinorModeSettings('12-16');
  const usage = (usedMs: number, grantedMs = 0, continuousMs = 0) => ({ ...usageForDay('2026-11-30', null, 0), usedMs, grantedMs, continuousMs });

  test('60 minutes under 16 and 120 at 16–18 by default', () => {
    expect(defaultMinorModeSettings('under-3').dailyLimitMinutes).toBe(60);
    expect(defaultMinorModeSettings('12-16').dailyLimitMinutes).toBe(60);
    expect(defaultMinorModeSettings('16-18').dailyLimitMinutes).toBe(120);
  });

  test('locks when the time is used up, until the curfew ends the next morning', () => {
    const status = minorModeStatus(settings, usage(60 * 60_000), shanghai(15, 0));
    expect(status.lock).toBe('limit');
    expect(status.resumesAt).toBe(shanghai(6, 0) + 24 * 3600_000);
  });

  test('time granted by the guardian lifts the limit', () => {
    expect(minorModeStatus(settings, usage(60 * 60_000, 15 * 60_000), shanghai(15, 0))).toMatchObject({ lock: null, remainingMs: 15 * 60_000 });
  });

  test('the curfew locks until 06:00 whatever time is left', () => {
    expect(minorModeStatus(settings, usage(0), shanghai(22, 0))).toMatchObject({ lock: 'curfew', resumesAt: shanghai(6, 0) + 24 * 3600_000 });
  });

  test('the rest reminder is due after 30 minutes of continuous use', () => {
    expect(minorModeStatus(settings, usage(0, 0, 29 * 60_000), shanghai(10, 0)).restDue).toBe(false);
    expect(minorModeStatus(settings, usage(0, 0, 30 * 60_000), shanghai(10, 0)).restDue).toBe(true);
  });
});

describe('guardian PIN', () => {
  test('is hashed with a salt through PBKDF2-SHA-256, and verified against the hash', async () => {
    const hashed = await hashPin('2580', 1000);
    expect(hashed).toMatchObject({ algorithm: 'PBKDF2-SHA-256', iterations: 1000 });
    expect(JSON.stringify(hashed)).not.toContain('2580');
    expect(await verifyPin('2580', hashed)).toBe(true);
    expect(await verifyPin('2581', hashed)).toBe(false);
  });

  test('uses 600,000 iterations by default', async () => {
    expect((await hashPin('2580')).iterations).toBe(600_000);
  });

  test('locks for a growing delay from the fifth wrong try', () => {
    expect([4, 5, 6, 7].map(pinLockoutMs)).toEqual([0, 60_000, 120_000, 240_000]);
    expect(pinLockoutMs(40)).toBe(24 * 3600_000);
  });
});

describe('trusted time', () => {
  test('moving the wall clock back or forward changes nothing within a session', () => {
    const clock = createManualClock(shanghai(22, 30));
    const time = trustedTime(clock);
    clock.setWallClock(shanghai(21, 30));
    expect(time.now()).toBe(shanghai(22, 30));
    clock.setWallClock(shanghai(6, 30) + 24 * 3600_000);
    expect(time.now()).toBe(shanghai(22, 30));
  });

  test('never runs back from the last recorded time, as after a reload with the clock moved back', () => {
    const clock = createManualClock(shanghai(21, 30));
    const time = trustedTime(clock);
    time.notBefore(shanghai(22, 30));
    expect(time.now()).toBe(shanghai(22, 30));
  });

  test('takes the server’s time when given, never going back from the last recorded time', () => {
    const clock = createManualClock(shanghai(6, 30) + 24 * 3600_000);
    const time = trustedTime(clock);
    time.setServerTime(shanghai(22, 30));
    expect(time.now()).toBe(shanghai(22, 30));
    time.notBefore(shanghai(23, 0));
    time.setServerTime(shanghai(22, 45));
    expect(time.now()).toBe(shanghai(23, 0));
  });
});

describe('settings and spending', () => {
  test('a tighter limit or a younger band is stricter; a longer limit or an exemption is not', () => {
    const base = defaultMinorModeSettings('12-16');
    expect(isStricter({ ...base, dailyLimitMinutes: 30 }, base)).toBe(true);
    expect(isStricter({ ...base, ageBand: '8-12' }, base)).toBe(true);
    expect(isStricter({ ...base, dailyLimitMinutes: 90 }, base)).toBe(false);
    expect(isStricter({ ...base, curfewExemptNight: '2026-11-30' }, base)).toBe(false);
  });

  test('a payment within the caps is allowed, over them it is not; under 8 every payment needs the guardian', () => {
    const caps = defaultMinorModeSettings('12-16').spending;
    expect(checkSpending(caps, 0, 3000)).toBe('allowed');
    expect(checkSpending(caps, 3000, 3000)).toBe('over-cap');
    expect(checkSpending(caps, 0, 6000)).toBe('over-cap');
    expect(checkSpending(defaultMinorModeSettings('3-8').spending, 0, 100)).toBe('needs-guardian');
  });
});

import { describe, expect, test } from 'vitest';
import { defaultMinorModeSettings, minorModeStatus, usageForDay, type MinorModeStatus, type MinorModeUsage } from './model.js';
import { advanceUsage, grantMinutes, nextWake, promptShownToday, resumeAfter, takeRest, markPromptShown } from './usage-meter.js';

const MINUTE = 60_000;
const SHANGHAI = 'Asia/Shanghai';
/** 2026-11-30 at hh:mm in Shanghai (UTC+8); `day` moves the date. */
const shanghai = (hours: number, minutes = 0, day = 30) => Date.UTC(2026, 10, day, hours - 8, minutes);
const settings = defaultMinorModeSettings('12-16');

function usage(fields: Partial<MinorModeUsage> = {}): MinorModeUsage {
  return { ...usageForDay('2026-11-30', null, shanghai(9)), on: true, ...fields };
}

const open: MinorModeStatus = minorModeStatus(settings, usage(), shanghai(9), SHANGHAI);
const meter = (since: number, fields: { on?: boolean; foreground?: boolean; status?: MinorModeStatus; timeZone?: string } = {}) => ({
  on: true,
  foreground: true,
  status: open,
  since,
  timeZone: SHANGHAI,
  ...fields,
});

describe('advanceUsage', () => {
  test('counts the time since the last count, in the foreground, while minor mode is on', () => {
    const { usage: next, status } = advanceUsage(usage(), settings, shanghai(10), meter(shanghai(9, 50)));
    expect(next).toMatchObject({ usedMs: 10 * MINUTE, continuousMs: 10 * MINUTE, lastRecordedAt: shanghai(10) });
    expect(status).toMatchObject({ lock: null, remainingMs: 50 * MINUTE });
  });

  test('counts nothing in the background, with minor mode off, or while locked', () => {
    expect(advanceUsage(usage(), settings, shanghai(10), meter(shanghai(9), { foreground: false })).usage.usedMs).toBe(0);
    expect(advanceUsage(usage(), settings, shanghai(10), meter(shanghai(9), { on: false })).usage.usedMs).toBe(0);
    const locked = { ...open, lock: 'limit' as const };
    expect(advanceUsage(usage({ usedMs: 60 * MINUTE }), settings, shanghai(10), meter(shanghai(9), { status: locked })).usage.usedMs).toBe(60 * MINUTE);
  });

  test('the daily limit: at 60 minutes it locks until 06:00 tomorrow, and says so once', () => {
    const before = usage({ usedMs: 55 * MINUTE });
    const { status, events } = advanceUsage(before, settings, shanghai(15, 5), meter(shanghai(15)));
    expect(status).toMatchObject({ lock: 'limit', remainingMs: 0, resumesAt: shanghai(6, 0, 31) });
    expect(events).toEqual([{ type: 'minorMode.locked', reason: 'limit' }]);
    expect(advanceUsage(before, settings, shanghai(15, 4), meter(shanghai(15))).events).toEqual([]);
  });

  test('the curfew locks at 22:00 in the platform’s zone, whatever time is left, and lifts at 06:00', () => {
    expect(advanceUsage(usage(), settings, shanghai(21, 59), meter(shanghai(21, 58))).status.lock).toBeNull();
    const night = advanceUsage(usage(), settings, shanghai(22), meter(shanghai(21, 59)));
    expect(night.status).toMatchObject({ lock: 'curfew', resumesAt: shanghai(6, 0, 31) });
    expect(night.events).toEqual([{ type: 'minorMode.locked', reason: 'curfew' }]);
    const morning = advanceUsage(night.usage, settings, shanghai(6, 0, 31), meter(shanghai(22), { status: night.status }));
    expect(morning.status.lock).toBeNull();
    expect(morning.events).toEqual([{ type: 'minorMode.unlocked' }]);
  });

  test('22:00 in Shanghai is 14:00 in London: no curfew there', () => {
    expect(advanceUsage(usage(), settings, shanghai(22), meter(shanghai(21, 59), { timeZone: 'Europe/London' })).status.lock).toBeNull();
  });

  test('a new day starts a new count at midnight, keeping the continuous use and the PIN lockout', () => {
    const before = usage({ usedMs: 40 * MINUTE, grantedMs: 15 * MINUTE, spent: 500, continuousMs: 5 * MINUTE, failures: 5, lockedUntil: shanghai(0, 10, 31) });
    const { usage: next } = advanceUsage(before, settings, shanghai(0, 0, 31), meter(shanghai(23, 59), { foreground: false }));
    expect(next).toMatchObject({ day: '2026-12-01', usedMs: 0, grantedMs: 0, spent: 0, continuousMs: 5 * MINUTE, failures: 5, lockedUntil: shanghai(0, 10, 31) });
  });

  test('the rest reminder comes at 30 minutes of continuous use, once', () => {
    const before = usage({ continuousMs: 29 * MINUTE });
    const due = advanceUsage(before, settings, shanghai(10, 1), meter(shanghai(10)));
    expect(due.status.restDue).toBe(true);
    expect(due.events).toEqual([{ type: 'minorMode.rest-reminded' }]);
    expect(advanceUsage(due.usage, settings, shanghai(10, 2), meter(shanghai(10, 1), { status: due.status })).events).toEqual([]);
    expect(takeRest(due.usage).continuousMs).toBe(0);
  });

  test('granted minutes lift the limit for today only', () => {
    const spent = usage({ usedMs: 60 * MINUTE });
    const granted = grantMinutes(spent, 15);
    expect(advanceUsage(granted, settings, shanghai(15), meter(shanghai(15), { foreground: false })).status).toMatchObject({ lock: null, remainingMs: 15 * MINUTE, allowanceMs: 75 * MINUTE });
    expect(advanceUsage(granted, settings, shanghai(15, 15), meter(shanghai(15))).status.lock).toBe('limit');
    expect(advanceUsage(granted, settings, shanghai(10, 0, 31), meter(shanghai(10, 0, 31), { foreground: false })).usage.grantedMs).toBe(0);
  });

  test('a clock moved backwards counts nothing and never moves the latest recorded time back', () => {
    const before = usage({ usedMs: 20 * MINUTE, lastRecordedAt: shanghai(15) });
    const { usage: next } = advanceUsage(before, settings, shanghai(14), meter(shanghai(15)));
    expect(next.usedMs).toBe(20 * MINUTE);
    expect(next.lastRecordedAt).toBe(shanghai(15));
  });
});

describe('nextWake', () => {
  const wake = (fields: Partial<MinorModeUsage>, now: number, on = true, foreground = true) => {
    const current = usage(fields);
    return nextWake(current, minorModeStatus(settings, current, now, SHANGHAI), now, { on, foreground, timeZone: SHANGHAI });
  };

  test('nothing to wake for while minor mode is off or the app is in the background', () => {
    expect(wake({}, shanghai(10), false)).toBeNull();
    expect(wake({}, shanghai(10), true, false)).toBeNull();
  });

  test('a minute at a time while time counts, sooner when time runs out or the reminder is due', () => {
    expect(wake({}, shanghai(10))).toBe(MINUTE);
    expect(wake({ usedMs: 59.5 * MINUTE }, shanghai(10))).toBe(0.5 * MINUTE);
    expect(wake({ continuousMs: 29.75 * MINUTE }, shanghai(10))).toBe(0.25 * MINUTE);
  });

  test('while locked, at the curfew’s end, or at midnight for a new day’s time, or when the PIN unlocks', () => {
    expect(wake({}, shanghai(23))).toBe(60 * MINUTE);
    expect(wake({}, shanghai(3, 0, 30))).toBe(3 * 60 * MINUTE);
    expect(wake({ usedMs: 60 * MINUTE }, shanghai(15))).toBe(7 * 60 * MINUTE);
    expect(wake({ usedMs: 60 * MINUTE, lockedUntil: shanghai(15, 2) }, shanghai(15))).toBe(2 * MINUTE);
  });
});

describe('the rest, and the daily prompt', () => {
  test('ten minutes away count as a rest; less does not', () => {
    expect(resumeAfter(usage({ continuousMs: 20 * MINUTE }), 10 * MINUTE).continuousMs).toBe(0);
    expect(resumeAfter(usage({ continuousMs: 20 * MINUTE }), 9 * MINUTE).continuousMs).toBe(20 * MINUTE);
  });

  test('the prompt shown at 23:00 is shown again the next day in the platform’s zone', () => {
    const shown = markPromptShown(usage(), shanghai(23), SHANGHAI);
    expect(promptShownToday(shown, shanghai(23, 59), SHANGHAI)).toBe(true);
    expect(promptShownToday(shown, shanghai(0, 0, 31), SHANGHAI)).toBe(false);
  });
});

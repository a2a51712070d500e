import { toCalendarDate } from '../../../kernel/core/calendar.js';
import {
  REST_AFTER_MS,
  REST_BREAK_MS,
  minorModeStatus,
  untilCurfewChange,
  untilMidnight,
  usageForDay,
  type MinorModeLockReason,
  type MinorModeSettings,
  type MinorModeStatus,
  type MinorModeUsage,
} from './model.js';

/*
 * The usage meter: what a minute of use, a new day, a rest or a grant does to this device's count, and
 * when the count next changes. Plain values in, plain values out: no store, no clock, no timers, so
 * every rule of the curfew, the daily limit and the rest reminder is tested on numbers alone.
 */

/** How often time is written down while it counts: a reload loses at most this much of it. */
export const USAGE_TICK_MS = 60_000;

/** Where the meter stands apart from the count itself. */
export interface UsageMeterInput {
  /** Whether minor mode is on: time counts only then. */
  on: boolean;
  /** Whether the app is in front of the user: time counts only then. */
  foreground: boolean;
  /** The status as of the last advance: time counts only while that was unlocked. */
  status: MinorModeStatus;
  /** When time was last counted (the kit's trusted time). */
  since: number;
  /** The platform's time zone for the curfew and the day. */
  timeZone: string;
}

/** What changed for the audit log while the meter moved on. */
export type UsageMeterEvent = { type: 'minorMode.locked'; reason: MinorModeLockReason } | { type: 'minorMode.unlocked' } | { type: 'minorMode.rest-reminded' };

/** The count, the status and the events after {@link advanceUsage}. */
export interface AdvancedUsage {
  usage: MinorModeUsage;
  status: MinorModeStatus;
  events: UsageMeterEvent[];
}

/**
 * Counts the time from `meter.since` to `now`, starts a new day's count when the day changed in the
 * platform's zone, and re-derives the lock and the rest reminder. Time counts only while minor mode is on,
 * the app is in front and it was not locked; a `now` before `since` (a clock moved back) counts nothing and
 * never moves `lastRecordedAt` back.
 */
export function advanceUsage(usage: MinorModeUsage, settings: MinorModeSettings, now: number, meter: UsageMeterInput): AdvancedUsage {
  const elapsed = Math.max(0, now - meter.since);
  const day = toCalendarDate(now, meter.timeZone);
  let next = usage.day === day ? usage : usageForDay(day, usage, now);
  if (meter.on && meter.foreground && meter.status.lock === null) {
    next = { ...next, usedMs: next.usedMs + elapsed, continuousMs: next.continuousMs + elapsed };
  }
  next = { ...next, lastRecordedAt: Math.max(now, next.lastRecordedAt), on: meter.on };
  const status = minorModeStatus(settings, next, now, meter.timeZone);
  const events: UsageMeterEvent[] = [];
  if (meter.on && status.lock !== meter.status.lock) {
    events.push(status.lock ? { type: 'minorMode.locked', reason: status.lock } : { type: 'minorMode.unlocked' });
  }
  if (meter.on && status.restDue && !meter.status.restDue) {
    events.push({ type: 'minorMode.rest-reminded' });
  }
  return { usage: next, status, events };
}

/** What {@link nextWake} needs besides the count. */
export interface NextWakeInput {
  on: boolean;
  foreground: boolean;
  timeZone: string;
}

/**
 * Milliseconds from `now` until the next moment the status can change: time up, the rest reminder, 22:00
 * or 06:00, midnight, the PIN lockout's end, or the next minute to write down. `null` while nothing counts
 * (minor mode off, or the app in the background).
 */
export function nextWake(usage: MinorModeUsage, status: MinorModeStatus, now: number, meter: NextWakeInput): number | null {
  if (!meter.on || !meter.foreground) {
    return null;
  }
  const waits = [untilCurfewChange(now, meter.timeZone), untilMidnight(now, meter.timeZone)];
  if (status.lock === null) {
    waits.push(USAGE_TICK_MS, status.remainingMs);
    if (usage.continuousMs < REST_AFTER_MS) {
      waits.push(REST_AFTER_MS - usage.continuousMs);
    }
  }
  if (usage.lockedUntil !== null && usage.lockedUntil > now) {
    waits.push(usage.lockedUntil - now);
  }
  return Math.max(1, Math.min(...waits.filter((value) => value > 0)));
}

/** A count for a device with nothing stored yet. */
export function emptyUsage(now: number, timeZone: string): MinorModeUsage {
  return usageForDay(toCalendarDate(now, timeZone), null, now);
}

/** Extra minutes the guardian granted for today. */
export function grantMinutes(usage: MinorModeUsage, minutes: number): MinorModeUsage {
  return { ...usage, grantedMs: usage.grantedMs + minutes * 60_000 };
}

/** The user took the rest reminder: a new 30 minutes starts. */
export function takeRest(usage: MinorModeUsage): MinorModeUsage {
  return { ...usage, continuousMs: 0 };
}

/** The app came back after `awayMs` in the background or closed: ten minutes away count as a rest. */
export function resumeAfter(usage: MinorModeUsage, awayMs: number): MinorModeUsage {
  return awayMs >= REST_BREAK_MS ? takeRest(usage) : usage;
}

/** A payment of `amount` (in the currency's smallest unit) added to today's spending. */
export function addSpending(usage: MinorModeUsage, amount: number): MinorModeUsage {
  return { ...usage, spent: usage.spent + amount };
}

/** The entry prompt was shown on the day of `now`. */
export function markPromptShown(usage: MinorModeUsage, now: number, timeZone: string): MinorModeUsage {
  return { ...usage, promptDay: toCalendarDate(now, timeZone) };
}

/** Whether the entry prompt was already shown on the day of `now`, on this device. */
export function promptShownToday(usage: MinorModeUsage, now: number, timeZone: string): boolean {
  return usage.promptDay === toCalendarDate(now, timeZone);
}

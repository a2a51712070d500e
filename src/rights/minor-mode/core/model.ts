import * as v from 'valibot';
import { RightsError } from '../../../kernel/core/errors.js';
import { issuePath } from '../../../kernel/core/schema.js';
import { CHINA_TIME_ZONE, toCalendarDate, type CalendarDate } from '../../../kernel/core/calendar.js';

/**
 * The age bands of the CAC's minor-mode construction guide (移动互联网未成年人模式建设指南, 2024-11):
 * under 3, 3–8, 8–12, 12–16 and 16–18. The band sets the defaults and picks the feed's content pool.
 */
export const MINOR_AGE_BANDS = ['under-3', '3-8', '8-12', '12-16', '16-18'] as const;

/** One of {@link MINOR_AGE_BANDS}. */
export type MinorAgeBand = (typeof MINOR_AGE_BANDS)[number];

/** The strictest band: what the kit falls back to when it cannot read which band the guardian chose. */
export const STRICTEST_AGE_BAND: MinorAgeBand = 'under-3';

/** Who turned minor mode on: the guardian (or the user) in the app, or the device's own minor mode. */
export type MinorModeSource = 'guardian' | 'device';

/**
 * Spending caps (MIN 44: 合理限制…单次消费数额和单日累计消费数额), in the currency's smallest unit
 * (分 for CNY), so amounts are whole numbers.
 */
export interface SpendingCaps {
  /** The most one payment may be. */
  perTransaction: number;
  /** The most all payments of one day may add up to. */
  perDay: number;
  /** Whether every payment, even under the caps, needs the guardian. Default: on under 8 (no civil capacity to pay alone). */
  guardianApprovesEach: boolean;
}

/** What the guardian sets (MIN 43: 时间管理、权限管理、消费管理). */
export interface MinorModeSettings {
  ageBand: MinorAgeBand;
  /** Daily time, in minutes: 60 under 16, 120 at 16–18 by default (MMG); the guardian may change it, 0 to 1440. */
  dailyLimitMinutes: number;
  spending: SpendingCaps;
  /** The evening (a calendar date in the platform's zone) whose 22:00–06:00 curfew the guardian lifted, or `null`. */
  curfewExemptNight: CalendarDate | null;
}

/** Minor mode as the platform's backend stores it: on or off, who turned it on, and the guardian's settings. Never the PIN. */
export interface MinorModeRecord {
  on: boolean;
  source: MinorModeSource;
  settings: MinorModeSettings;
  /** Orders writes from several devices and tabs: the higher one wins. */
  revision: number;
}

/**
 * What this device counts for minor mode: today's use, the rest reminder, spending, the daily entry
 * prompt and the PIN lockout. Times are the kit's trusted time (see {@link trustedTime}).
 */
export interface MinorModeUsage {
  /** The calendar day, in the platform's zone, that the counts are for. */
  day: CalendarDate;
  /** Time used today in the foreground, in milliseconds. */
  usedMs: number;
  /** Extra time the guardian granted today, in milliseconds. */
  grantedMs: number;
  /** Time used since the last rest, in milliseconds. */
  continuousMs: number;
  /** What was spent today, in the currency's smallest unit. */
  spent: number;
  /** The latest time the kit recorded: time never runs backwards from it, across reloads too. */
  lastRecordedAt: number;
  /** The day the entry prompt was last shown, or `null`. */
  promptDay: CalendarDate | null;
  /** Wrong guardian PINs in a row. */
  failures: number;
  /** Until when the PIN is locked after too many wrong tries, or `null`. */
  lockedUntil: number | null;
  /** Whether minor mode was on when this was written: if its settings cannot be read, the kit keeps it on. */
  on: boolean;
}

/** Daily time a band gets by default (MMG 2024: ≤ 1 h under 16, ≤ 2 h at 16–18). */
export function defaultDailyLimitMinutes(band: MinorAgeBand): number {
  return band === '16-18' ? 120 : 60;
}

/**
 * Spending caps a band gets by default, in 分. The rules give no figures for every service; these follow the
 * per-payment limits of the 2019 notice on preventing minors' addiction to online games (nothing alone under
 * 8, ¥50 at 8–16, ¥100 at 16–18), with the same amount per day. The platform and the guardian can set others.
 */
export function defaultSpendingCaps(band: MinorAgeBand): SpendingCaps {
  switch (band) {
    case 'under-3':
    case '3-8':
      return { perTransaction: 0, perDay: 0, guardianApprovesEach: true };
    case '8-12':
    case '12-16':
      return { perTransaction: 5000, perDay: 5000, guardianApprovesEach: false };
    case '16-18':
      return { perTransaction: 10000, perDay: 10000, guardianApprovesEach: false };
    default:
      return band satisfies never;
  }
}

/** The settings a band starts with. */
export function defaultMinorModeSettings(band: MinorAgeBand): MinorModeSettings {
  return { ageBand: band, dailyLimitMinutes: defaultDailyLimitMinutes(band), spending: defaultSpendingCaps(band), curfewExemptNight: null };
}

/* -------------------------------------------------------------------------------------------------
 * Time
 * -----------------------------------------------------------------------------------------------*/

/** The curfew: no service from 22:00 to 06:00 in the platform's zone (MMG 2024). */
export const CURFEW_START_MINUTES = 22 * 60;
export const CURFEW_END_MINUTES = 6 * 60;
/** A rest reminder after this much continuous use (MMG 2024: 30 minutes). */
export const REST_AFTER_MS = 30 * 60_000;
/** Time away from the app (in the background or closed) that counts as a rest. */
export const REST_BREAK_MS = 10 * 60_000;
/** Wrong PINs in a row before the PIN locks. */
export const PIN_ATTEMPTS = 5;
/** How long a guardian's verification lasts for further changes in the console. */
export const VERIFIED_FOR_MS = 5 * 60_000;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds since midnight of an instant's day in `timeZone`, through the platform's `Intl`. */
export function msOfDay(instant: number, timeZone: string = CHINA_TIME_ZONE): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  return (((parts.hour ?? 0) % 24) * 3600 + (parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000 + (((instant % 1000) + 1000) % 1000);
}

/** The evening a curfew instant belongs to: 23:00 and 01:00 of the same night have the same date, that of 22:00. */
export function curfewNight(instant: number, timeZone: string = CHINA_TIME_ZONE): CalendarDate {
  return toCalendarDate(instant - CURFEW_END_MINUTES * MINUTE, timeZone);
}

/** Whether `instant` falls in the 22:00–06:00 curfew, unless the guardian lifted that night's. */
export function inCurfew(instant: number, timeZone: string = CHINA_TIME_ZONE, exemptNight: CalendarDate | null = null): boolean {
  const minutes = msOfDay(instant, timeZone) / MINUTE;
  const during = minutes >= CURFEW_START_MINUTES || minutes < CURFEW_END_MINUTES;
  return during && exemptNight !== curfewNight(instant, timeZone);
}

/** Milliseconds until the next 22:00 or 06:00 (whichever comes first) in `timeZone`. */
export function untilCurfewChange(instant: number, timeZone: string = CHINA_TIME_ZONE): number {
  const now = msOfDay(instant, timeZone);
  const start = CURFEW_START_MINUTES * MINUTE;
  const end = CURFEW_END_MINUTES * MINUTE;
  if (now < end) {
    return end - now;
  }
  if (now < start) {
    return start - now;
  }
  return DAY - now + end;
}

/** Milliseconds until the next midnight in `timeZone`, when today's time starts again. */
export function untilMidnight(instant: number, timeZone: string = CHINA_TIME_ZONE): number {
  return DAY - msOfDay(instant, timeZone);
}

/** Why the app is locked: the 22:00–06:00 curfew, or today's time used up. */
export type MinorModeLockReason = 'curfew' | 'limit';

/** Where use stands at one instant. */
export interface MinorModeStatus {
  /** Why the lock screen shows, or `null` while the app can be used. */
  lock: MinorModeLockReason | null;
  /** When use resumes, while locked: the end of the curfew, or tomorrow (after the curfew, if one follows). */
  resumesAt: number | null;
  /** Time left today, in milliseconds. */
  remainingMs: number;
  /** The daily time including what the guardian granted today, in milliseconds. */
  allowanceMs: number;
  /** Whether the rest reminder is due. */
  restDue: boolean;
}

/** Where use stands at `now`: the lock, when it lifts, time left, and the rest reminder. */
export function minorModeStatus(settings: MinorModeSettings, usage: MinorModeUsage, now: number, timeZone: string = CHINA_TIME_ZONE): MinorModeStatus {
  const allowanceMs = settings.dailyLimitMinutes * MINUTE + usage.grantedMs;
  const remainingMs = Math.max(0, allowanceMs - usage.usedMs);
  const curfew = inCurfew(now, timeZone, settings.curfewExemptNight);
  const lock: MinorModeLockReason | null = curfew ? 'curfew' : remainingMs <= 0 ? 'limit' : null;
  let resumesAt: number | null = null;
  if (lock === 'curfew') {
    resumesAt = now + untilCurfewChange(now, timeZone);
  } else if (lock === 'limit') {
    // Tomorrow's time starts at midnight, inside the curfew, unless that night is exempt.
    const midnight = now + untilMidnight(now, timeZone);
    resumesAt = inCurfew(midnight, timeZone, settings.curfewExemptNight) ? midnight + untilCurfewChange(midnight, timeZone) : midnight;
  }
  return { lock, resumesAt, remainingMs, allowanceMs, restDue: lock === null && usage.continuousMs >= REST_AFTER_MS };
}

/** How long the PIN stays locked after `failures` wrong tries in a row: a minute at five, doubling with each further one, at most a day. */
export function pinLockoutMs(failures: number): number {
  if (failures < PIN_ATTEMPTS) {
    return 0;
  }
  return Math.min(MINUTE * 2 ** (failures - PIN_ATTEMPTS), DAY);
}

/** Usage for a new day, carrying what outlives a day (the prompt, the lockout, the latest time). */
export function usageForDay(day: CalendarDate, previous: MinorModeUsage | null, now: number): MinorModeUsage {
  return {
    day,
    usedMs: 0,
    grantedMs: 0,
    continuousMs: previous?.continuousMs ?? 0,
    spent: 0,
    lastRecordedAt: Math.max(now, previous?.lastRecordedAt ?? 0),
    promptDay: previous?.promptDay ?? null,
    failures: previous?.failures ?? 0,
    lockedUntil: previous?.lockedUntil ?? null,
    on: previous?.on ?? false,
  };
}

/**
 * Time that never runs backwards: it starts from the later of the wall clock and the last time the kit
 * recorded (or the server's time, once known), and then moves with the monotonic clock only, so moving
 * the device clock back or forward changes nothing within a session, and moving it back changes nothing
 * across a reload either.
 */
export interface TrustedTime {
  now(): number;
  /** Re-anchors on the server's time; time still never goes back from what was already counted. */
  setServerTime(serverNow: number): void;
  /** Makes sure time is at least `recorded` (the last time stored on the device). */
  notBefore(recorded: number): void;
}

export function trustedTime(clock: { now(): number; monotonic(): number }): TrustedTime {
  let anchorWall = clock.now();
  let anchorMonotonic = clock.monotonic();
  let floor = 0;
  const now = () => anchorWall + (clock.monotonic() - anchorMonotonic);
  const reanchor = (wall: number) => {
    anchorWall = wall;
    anchorMonotonic = clock.monotonic();
  };
  return {
    now,
    setServerTime(serverNow) {
      reanchor(Math.max(serverNow, floor));
    },
    notBefore(recorded) {
      floor = Math.max(floor, recorded);
      if (recorded > now()) {
        reanchor(recorded);
      }
    },
  };
}

/* -------------------------------------------------------------------------------------------------
 * Validation
 * -----------------------------------------------------------------------------------------------*/

const amount = v.pipe(v.number(), v.integer(), v.minValue(0));
const calendarDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const duration = v.pipe(v.number(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const settingsSchema = v.object({
  ageBand: v.picklist(MINOR_AGE_BANDS),
  dailyLimitMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)),
  spending: v.object({ perTransaction: amount, perDay: amount, guardianApprovesEach: v.boolean() }),
  curfewExemptNight: v.nullable(calendarDate),
});

const recordSchema = v.object({
  on: v.boolean(),
  source: v.picklist(['guardian', 'device']),
  settings: settingsSchema,
  revision: v.pipe(v.number(), v.minValue(0)),
});

const usageSchema = v.object({
  day: calendarDate,
  usedMs: duration,
  grantedMs: duration,
  continuousMs: duration,
  spent: amount,
  lastRecordedAt: duration,
  promptDay: v.nullable(calendarDate),
  failures: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lockedUntil: v.nullable(duration),
  on: v.boolean(),
});

/** Validates minor mode as an adapter returned it; throws a `storage-invalid` {@link RightsError} naming the first bad field. */
export function parseMinorModeRecord(data: unknown): MinorModeRecord {
  const result = v.safeParse(recordSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', `Invalid minor mode record at ${issuePath(result.issues)}.`);
  }
  return result.output;
}

/** Validates settings, such as those a guardian is about to save; throws a `storage-invalid` {@link RightsError}. */
export function parseMinorModeSettings(data: unknown): MinorModeSettings {
  const result = v.safeParse(settingsSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', `Invalid minor mode settings at ${issuePath(result.issues)}.`);
  }
  return result.output;
}

/** Validates this device's usage record; throws a `storage-invalid` {@link RightsError}. */
export function parseMinorModeUsage(data: unknown): MinorModeUsage {
  const result = v.safeParse(usageSchema, data);
  if (!result.success) {
    throw new RightsError('storage-invalid', `Invalid minor mode usage at ${issuePath(result.issues)}.`);
  }
  return result.output;
}

/** Whether `next` protects at least as much as `previous` in every setting: such a change needs no guardian and is never rolled back. */
export function isStricter(next: MinorModeSettings, previous: MinorModeSettings): boolean {
  const bandIndex = (band: MinorAgeBand) => MINOR_AGE_BANDS.indexOf(band);
  return (
    bandIndex(next.ageBand) <= bandIndex(previous.ageBand) &&
    next.dailyLimitMinutes <= previous.dailyLimitMinutes &&
    next.spending.perTransaction <= previous.spending.perTransaction &&
    next.spending.perDay <= previous.spending.perDay &&
    (next.spending.guardianApprovesEach || !previous.spending.guardianApprovesEach) &&
    (next.curfewExemptNight === null || next.curfewExemptNight === previous.curfewExemptNight)
  );
}

/** What a payment may do under the caps: go ahead, wait for the guardian, or not happen (MIN 44). */
export type SpendingVerdict = 'allowed' | 'needs-guardian' | 'over-cap';

/**
 * Checks `amount` (in the currency's smallest unit) against the caps and what was spent today: over a cap it
 * is `over-cap`, unless the guardian approves each payment (then they decide, `needs-guardian`).
 */
export function checkSpending(caps: SpendingCaps, spentToday: number, amount: number): SpendingVerdict {
  if (amount > caps.perTransaction || spentToday + amount > caps.perDay) {
    return caps.guardianApprovesEach ? 'needs-guardian' : 'over-cap';
  }
  return caps.guardianApprovesEach ? 'needs-guardian' : 'allowed';
}

import { RightsDeveloperError } from './errors.js';

/**
 * A day on the calendar, `YYYY-MM-DD`, with no time and no zone: the day a
 * complaint was received, or is due, where the platform is.
 */
export type CalendarDate = string;

/** A day of rest or a make-up working day, one day or an inclusive range. */
export type CalendarDays = readonly (CalendarDate | readonly [first: CalendarDate, last: CalendarDate])[];

/**
 * Which days count as working days, and where. Weekdays are working days and
 * Saturdays and Sundays are not, except as listed here.
 */
export interface WorkingDayCalendar {
  /** The IANA time zone whose date counts, so a complaint filed at 23:30 in Beijing is filed that day. Default: `Asia/Shanghai`. */
  timeZone?: string;
  /** The years whose schedule this calendar knows. Past them the kit counts weekends only, and warns once in development. */
  years: readonly number[];
  /** Public holidays (放假) that fall on weekdays or weekends: none of them is a working day. */
  holidays: CalendarDays;
  /** Make-up working days (调休上班) that fall on a Saturday or Sunday. */
  workdays: CalendarDays;
}

/** The time zone of mainland China, which has used UTC+8 without daylight saving since 1991. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * The public holidays and make-up working days of the People's Republic of
 * China, as the State Council's General Office announces them each year.
 * A platform passes its own calendar (`{ ...PRC_WORKING_DAY_CALENDAR, years,
 * holidays, workdays }`) once next year's notice is out and the kit has not
 * caught up.
 */
export const PRC_WORKING_DAY_CALENDAR: WorkingDayCalendar = {
  timeZone: CHINA_TIME_ZONE,
  years: [2024, 2025, 2026],
  holidays: [
    // 2024: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号).
    '2024-01-01',
    ['2024-02-10', '2024-02-17'],
    ['2024-04-04', '2024-04-06'],
    ['2024-05-01', '2024-05-05'],
    '2024-06-10',
    ['2024-09-15', '2024-09-17'],
    ['2024-10-01', '2024-10-07'],
    // 2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), the first year with 除夕 and 5月2日 as holidays.
    '2025-01-01',
    ['2025-01-28', '2025-02-04'],
    ['2025-04-04', '2025-04-06'],
    ['2025-05-01', '2025-05-05'],
    ['2025-05-31', '2025-06-02'],
    ['2025-10-01', '2025-10-08'],
    // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号).
    ['2026-01-01', '2026-01-03'],
    ['2026-02-15', '2026-02-23'],
    ['2026-04-04', '2026-04-06'],
    ['2026-05-01', '2026-05-05'],
    ['2026-06-19', '2026-06-21'],
    ['2026-09-25', '2026-09-27'],
    ['2026-10-01', '2026-10-07'],
  ],
  workdays: [
    // 2024 (国办发明电〔2023〕7号)
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
    // 2025 (国办发明电〔2024〕12号)
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    // 2026 (国办发明电〔2025〕7号)
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
};

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a calendar date, checked. */
function dayNumber(date: CalendarDate): number {
  const match = DATE_PATTERN.exec(date);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== date) {
    throw new RightsDeveloperError(`"${date}" is not a calendar date; write it as YYYY-MM-DD, such as 2025-09-30.`);
  }
  return day / DAY_MS;
}

const fromDayNumber = (day: number): CalendarDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone, through the platform's `Intl`. */
export function toCalendarDate(instant: Date | number, timeZone: string = CHINA_TIME_ZONE): CalendarDate {
  let format = formatters.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch (cause) {
      throw new RightsDeveloperError(`"${timeZone}" is not a time zone this platform knows; pass an IANA name such as Asia/Shanghai. (${String(cause)})`);
    }
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

interface CompiledCalendar {
  holidays: Set<number>;
  workdays: Set<number>;
  years: Set<number>;
  warned: Set<number>;
}

const compiled = new WeakMap<WorkingDayCalendar, CompiledCalendar>();

function expand(days: CalendarDays): Set<number> {
  const set = new Set<number>();
  for (const entry of days) {
    const [first, last] = typeof entry === 'string' ? [entry, entry] : entry;
    for (let day = dayNumber(first), end = dayNumber(last); day <= end; day += 1) {
      set.add(day);
    }
  }
  return set;
}

function compile(calendar: WorkingDayCalendar): CompiledCalendar {
  let result = compiled.get(calendar);
  if (!result) {
    result = { holidays: expand(calendar.holidays), workdays: expand(calendar.workdays), years: new Set(calendar.years), warned: new Set() };
    compiled.set(calendar, result);
  }
  return result;
}

function isDevelopment(): boolean {
  try {
    // Bundlers replace this; where nothing defines `process`, it is production.
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

declare const process: { env: { NODE_ENV?: string } };

function workingDay(day: number, calendar: CompiledCalendar): boolean {
  const year = new Date(day * DAY_MS).getUTCFullYear();
  if (!calendar.years.has(year) && !calendar.warned.has(year)) {
    calendar.warned.add(year);
    if (isDevelopment()) {
      console.warn(
        `algorights: the working-day calendar has no schedule for ${year}, so deadlines in it count weekends only. ` +
          `Pass a calendar with that year's public holidays and make-up working days (调休), from the State Council's notice.`,
      );
    }
  }
  if (calendar.holidays.has(day)) {
    return false;
  }
  if (calendar.workdays.has(day)) {
    return true;
  }
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** A calendar date, or an instant read in the calendar's time zone. */
export type DateInput = CalendarDate | Date | number;

function toDay(date: DateInput, calendar: WorkingDayCalendar): number {
  return dayNumber(typeof date === 'string' ? date : toCalendarDate(date, calendar.timeZone ?? CHINA_TIME_ZONE));
}

/** Whether a day is a working day: a weekday that is no public holiday, or a make-up working day. */
export function isWorkingDay(date: DateInput, calendar: WorkingDayCalendar = PRC_WORKING_DAY_CALENDAR): boolean {
  return workingDay(toDay(date, calendar), compile(calendar));
}

/**
 * The day `days` working days after `start`. The day of `start` itself does not count, as a deadline of
 * "15 working days from receipt" runs from the next working day: filed on 2025-09-30, 15 working days
 * are due on 2025-10-28 (the 10-01 to 10-08 holiday skipped, Saturday 10-11 a make-up working day).
 */
export function addWorkingDays(start: DateInput, days: number, calendar: WorkingDayCalendar = PRC_WORKING_DAY_CALENDAR): CalendarDate {
  if (!Number.isInteger(days) || days < 0) {
    throw new RightsDeveloperError(`addWorkingDays needs a whole number of days, 0 or more; got ${days}.`);
  }
  const table = compile(calendar);
  let day = toDay(start, calendar);
  for (let counted = 0; counted < days; ) {
    day += 1;
    if (workingDay(day, table)) {
      counted += 1;
    }
  }
  return fromDayNumber(day);
}

/**
 * How many working days are left from `today` until `due`, counting `due` and not `today`: 0 on the day
 * it is due, negative once it is past (the working days it is overdue).
 */
export function workingDaysBetween(today: DateInput, due: DateInput, calendar: WorkingDayCalendar = PRC_WORKING_DAY_CALENDAR): number {
  const table = compile(calendar);
  const from = toDay(today, calendar);
  const to = toDay(due, calendar);
  let count = 0;
  if (to >= from) {
    for (let day = from + 1; day <= to; day += 1) {
      count += workingDay(day, table) ? 1 : 0;
    }
    return count;
  }
  for (let day = to + 1; day <= from; day += 1) {
    count -= workingDay(day, table) ? 1 : 0;
  }
  return count;
}

import { describe, expect, test, vi } from 'vitest';
import { RightsDeveloperError } from './errors.js';
import { PRC_WORKING_DAY_CALENDAR, addWorkingDays, isWorkingDay, toCalendarDate, workingDaysBetween, type WorkingDayCalendar } from './calendar.js';

describe('working days in the PRC calendar', () => {
  test('filed on 2025-09-30, 15 working days are due on 2025-10-28, not the 10-21 that weekends alone would give', () => {
    expect(addWorkingDays('2025-09-30', 15)).toBe('2025-10-28');
    const weekendsOnly: WorkingDayCalendar = { years: [2025], holidays: [], workdays: [] };
    expect(addWorkingDays('2025-09-30', 15, weekendsOnly)).toBe('2025-10-21');
  });

  test('the National Day holiday is no working day, and Saturday 2025-10-11 is a make-up working day', () => {
    for (const day of ['2025-10-01', '2025-10-06', '2025-10-08']) {
      expect(isWorkingDay(day), day).toBe(false);
    }
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  test.each([
    ['2024-02-09', true],
    ['2024-02-12', false],
    ['2024-02-18', true],
    ['2024-05-11', true],
    ['2025-01-28', false],
    ['2025-02-08', true],
    ['2025-05-02', false],
    ['2026-01-04', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-10-10', true],
    ['2026-10-07', false],
  ])('%s is a working day: %s', (day, expected) => {
    expect(isWorkingDay(day)).toBe(expected);
  });

  test('knows 2024 to 2026, with every make-up working day on a weekend', () => {
    expect(PRC_WORKING_DAY_CALENDAR.years).toEqual([2024, 2025, 2026]);
    for (const day of PRC_WORKING_DAY_CALENDAR.workdays) {
      expect([0, 6], String(day)).toContain(new Date(`${String(day)}T00:00:00Z`).getUTCDay());
    }
  });

  test('an instant counts on its date in Asia/Shanghai: 2025-09-30T16:30Z is already 10-01 there', () => {
    expect(toCalendarDate(Date.parse('2025-09-30T15:59:00Z'))).toBe('2025-09-30');
    expect(toCalendarDate(Date.parse('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(addWorkingDays(new Date('2025-09-30T10:00:00+08:00'), 15)).toBe('2025-10-28');
    expect(addWorkingDays(new Date('2025-09-30T16:30:00Z'), 15)).toBe('2025-10-28');
    // The zone is a parameter: the same instant is still 09-30 in UTC.
    expect(toCalendarDate(Date.parse('2025-09-30T16:30:00Z'), 'UTC')).toBe('2025-09-30');
  });

  test('zero days is the same day; working days left count the due day and not today, and go negative once past', () => {
    expect(addWorkingDays('2025-09-30', 0)).toBe('2025-09-30');
    expect(workingDaysBetween('2025-09-30', '2025-10-28')).toBe(15);
    expect(workingDaysBetween('2025-10-28', '2025-10-28')).toBe(0);
    expect(workingDaysBetween('2025-10-30', '2025-10-28')).toBe(-2);
  });

  test('past the known years it counts weekends only and warns once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const calendar: WorkingDayCalendar = { ...PRC_WORKING_DAY_CALENDAR };
    expect(addWorkingDays('2030-09-30', 15, calendar)).toBe('2030-10-21');
    expect(addWorkingDays('2030-01-01', 3, calendar)).toBe('2030-01-04');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toContain('2030');
  });

  test('a platform passes its own calendar for a new year', () => {
    const calendar: WorkingDayCalendar = { years: [2027], holidays: [['2027-10-01', '2027-10-07']], workdays: ['2027-09-26'] };
    expect(isWorkingDay('2027-10-04', calendar)).toBe(false);
    expect(isWorkingDay('2027-09-26', calendar)).toBe(true);
  });

  test('a malformed date or a bad count is a developer error', () => {
    expect(() => addWorkingDays('2025-9-30', 1)).toThrow(RightsDeveloperError);
    expect(() => addWorkingDays('2025-02-30', 1)).toThrow(RightsDeveloperError);
    expect(() => addWorkingDays('2025-09-30', 1.5)).toThrow(RightsDeveloperError);
    expect(() => toCalendarDate(0, 'Mars/Olympus')).toThrow(RightsDeveloperError);
  });
});

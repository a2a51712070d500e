import { describe, expect, test } from 'vitest';
import type { WorkingDayCalendar } from '../../../kernel/core/calendar.js';
import { ticketDue } from './model.js';

describe('ticketDue', () => {
  test('received on 2025-09-30 with 15 working days, it is due on 2025-10-28 across the National Day holiday, 15 working days left that day', () => {
    const ticket = { kind: 'recommendation', receivedAt: '2025-09-30T10:00:00+08:00' } as const;
    expect(ticketDue(ticket, { now: Date.parse('2025-09-30T12:00:00+08:00') })).toEqual({ dueDate: '2025-10-28', daysLeft: 15 });
  });

  test("today is the date in the calendar's zone: late on 09-30 in UTC is already 10-01 in Asia/Shanghai, a holiday, so still 15 left; on 10-09, 14", () => {
    const ticket = { kind: 'recommendation', receivedAt: '2025-09-30T10:00:00+08:00' } as const;
    expect(ticketDue(ticket, { now: new Date('2025-09-30T16:30:00Z') }).daysLeft).toBe(15);
    expect(ticketDue(ticket, { now: new Date('2025-10-09T09:00:00+08:00') }).daysLeft).toBe(14);
  });

  test('on the due day 0 days are left, and the count goes negative once it has passed', () => {
    const ticket = { kind: 'appeal', receivedAt: '2025-09-30T10:00:00+08:00' } as const;
    expect(ticketDue(ticket, { now: Date.parse('2025-10-28T18:00:00+08:00') }).daysLeft).toBe(0);
    expect(ticketDue(ticket, { now: Date.parse('2025-10-30T09:00:00+08:00') }).daysLeft).toBe(-2);
  });

  test("the kind's own deadline counts (3 working days reach the make-up Saturday 10-11), and the adapter's due date wins over the count", () => {
    const ticket = { kind: 'illegal-content', receivedAt: '2025-09-30T10:00:00+08:00' } as const;
    expect(ticketDue(ticket, { now: Date.parse('2025-09-30T12:00:00+08:00'), deadlines: { 'illegal-content': 3 } }).dueDate).toBe('2025-10-11');
    expect(ticketDue({ ...ticket, dueDate: '2025-10-15' }, { now: Date.parse('2025-10-14T12:00:00+08:00') })).toEqual({ dueDate: '2025-10-15', daysLeft: 1 });
  });

  test('with a calendar of weekends only the same ticket is due on 2025-10-21', () => {
    const weekendsOnly: WorkingDayCalendar = { years: [2025], holidays: [], workdays: [], timeZone: 'Asia/Shanghai' };
    const ticket = { kind: 'recommendation', receivedAt: '2025-09-30T10:00:00+08:00' } as const;
    expect(ticketDue(ticket, { now: Date.parse('2025-09-30T12:00:00+08:00'), calendar: weekendsOnly }).dueDate).toBe('2025-10-21');
  });
});

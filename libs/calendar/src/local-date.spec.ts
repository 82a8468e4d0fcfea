import { CalendarError, CalendarErrorCode } from './calendar.errors';
import {
  addCalendarDays,
  formatLocalDate,
  formatVietnamInstant,
  isValidLocalDate,
  parseLocalDate,
  startOfLocalDay,
  toLocalDate,
  vietnamInstant,
  Weekday,
  weekdayOf,
} from './local-date';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof CalendarError ? error.code : error;
  }
  return 'no error';
};

describe('local dates and Vietnamese wall-clock time', () => {
  it('converts instants at the UTC+7 day boundary', () => {
    expect(toLocalDate(new Date('2026-02-16T16:59:59.999Z'))).toEqual({ year: 2026, month: 2, day: 16 });
    expect(toLocalDate(new Date('2026-02-16T17:00:00.000Z'))).toEqual({ year: 2026, month: 2, day: 17 });
    expect(startOfLocalDay(parseLocalDate('2026-02-17')).toISOString()).toBe('2026-02-16T17:00:00.000Z');
    expect(vietnamInstant('2026-02-25T17:00').toISOString()).toBe('2026-02-25T10:00:00.000Z');
    expect(vietnamInstant('2026-02-25 07:30:15.5').toISOString()).toBe('2026-02-25T00:30:15.500Z');
    expect(formatVietnamInstant(Date.UTC(2026, 1, 25, 10))).toBe('2026-02-25T17:00:00.000+07:00');
  });

  it('parses and formats only real ISO dates', () => {
    expect(formatLocalDate(parseLocalDate('2028-02-29'))).toBe('2028-02-29');
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-01', '26-01-01', '2026-01-01T00:00', '']) {
      expect([bad, codeOf(() => parseLocalDate(bad))]).toEqual([bad, CalendarErrorCode.InvalidDate]);
    }
    expect(isValidLocalDate({ year: 99, month: 1, day: 1 })).toBe(false);
    expect(codeOf(() => vietnamInstant('2026-02-25T24:00'))).toBe(CalendarErrorCode.InvalidInstant);
    expect(codeOf(() => toLocalDate(new Date('nonsense')))).toBe(CalendarErrorCode.InvalidInstant);
    expect(codeOf(() => toLocalDate(1.5))).toBe(CalendarErrorCode.InvalidInstant);
  });

  it('knows the weekday without a time zone', () => {
    expect(weekdayOf(parseLocalDate('2026-02-13'))).toBe(Weekday.Friday);
    expect(weekdayOf(parseLocalDate('1970-01-01'))).toBe(Weekday.Thursday);
    expect(weekdayOf(addCalendarDays(parseLocalDate('2026-02-13'), 2))).toBe(Weekday.Sunday);
  });
});

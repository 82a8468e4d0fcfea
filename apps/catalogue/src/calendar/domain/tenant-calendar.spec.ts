import { formatVietnamInstant, localDate, vietnamInstant } from '@motcua/calendar';
import { CatalogueError, CatalogueErrorCode } from '../../procedure/domain/catalogue.errors';
import { buildWorkingCalendar, checkOverride, checkSettings, DEFAULT_CALENDAR_SETTINGS } from './tenant-calendar';

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof CatalogueError && error.code === CatalogueErrorCode.CalendarInvalid) return (error.details.errors ?? []).map((e) => e.field);
    throw error;
  }
  throw new Error('expected CALENDAR_INVALID');
}

describe('a tenant calendar', () => {
  it('by default: Mon–Fri 07:30–11:30, 13:30–17:00, national rules and published lists', () => {
    const calendar = buildWorkingCalendar(DEFAULT_CALENDAR_SETTINGS, []);
    // Receipt Fri 13 Feb 2026 + 3 working days: the receipt day does not count, Tết 16–20 Feb is off.
    expect(formatVietnamInstant(calendar.appointment(vietnamInstant('2026-02-13T10:00'), { unit: 'days', amount: 3 }))).toBe('2026-02-25T17:00:00.000+07:00');
  });

  it('applies the tenant’s office hours and its own days', () => {
    const settings = { ...checkSettings({ officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }], weeklyRestDays: [6, 7] }), revision: 2 };
    const calendar = buildWorkingCalendar(settings, [
      { date: '2026-11-27', kind: 'day_off', reason: 'Ngày hội tỉnh' },
      { date: '2026-11-28', kind: 'working_day', reason: 'Làm bù' },
    ]);
    expect(calendar.isWorkingDay(localDate(2026, 11, 27))).toBe(false);
    expect(calendar.isWorkingDay(localDate(2026, 11, 28))).toBe(true);
    // Thursday 26 Nov + 1 day: Friday is the tenant's day off, Saturday is worked.
    expect(formatVietnamInstant(calendar.appointment(vietnamInstant('2026-11-26T09:00'), { unit: 'days', amount: 1 }))).toBe('2026-11-28T17:30:00.000+07:00');
  });

  it('refuses bad settings with every field', () => {
    expect(fields(() => checkSettings({ officeHours: [{ start: '13:30', end: '17:00' }, { start: '07:30', end: '24:00' }], weeklyRestDays: [6, 6, 8] }))).toEqual([
      'officeHours[1].end',
      'officeHours[1].start',
      'weeklyRestDays[2]',
      'weeklyRestDays[1]',
    ]);
    expect(fields(() => checkSettings({ officeHours: [], weeklyRestDays: [1, 2, 3, 4, 5, 6, 7] }))).toEqual(['officeHours', 'weeklyRestDays']);
    expect(fields(() => checkOverride({ date: '2026-02-30', kind: 'holiday' as 'day_off', reason: '' }))).toEqual(['date', 'kind', 'reason']);
  });
});

import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { addCalendarDays, formatLocalDate, LocalDate, parseLocalDate, toEpochDay } from './local-date';
import { LUNAR_MAX_YEAR, lunarLeapMonth, lunarNewYear, lunarToSolar, lunarYearMonths, solarToLunar } from './lunar';

const iso = (date: LocalDate) => formatLocalDate(date);

describe('Vietnamese lunar calendar (UTC+7)', () => {
  // DOMAIN.md, "Deadlines and the working calendar": reference dates of Tết and Hùng Kings day.
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
    [2030, '2030-02-02'], // China (UTC+8): 3 February
  ])('Tết %i is %s', (year, expected) => {
    expect(iso(lunarNewYear(year))).toBe(expected);
    expect(solarToLunar(parseLocalDate(expected))).toEqual({ year, month: 1, day: 1, leap: false });
    expect(solarToLunar(addCalendarDays(parseLocalDate(expected), -1))).toMatchObject({ year: year - 1, month: 12 });
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
    [2028, '2028-04-04'],
    [2029, '2029-04-23'],
    [2030, '2030-04-12'],
  ])('Hùng Kings day (10/3) %i is %s', (year, expected) => {
    expect(iso(lunarToSolar({ year, month: 3, day: 10, leap: false }))).toBe(expected);
    expect(solarToLunar(parseLocalDate(expected))).toEqual({ year, month: 3, day: 10, leap: false });
  });

  it.each([
    [2025, 6],
    [2028, 5],
    [2031, 3],
    [2033, 11], // the leap 11th month that makes month 11 and 12 of a year straddle two solar years
  ])('lunar year %i has leap month %i', (year, month) => {
    expect(lunarLeapMonth(year)).toBe(month);
    const months = lunarYearMonths(year);
    expect(months).toHaveLength(13);
    const leapIndex = months.findIndex((m) => m.leap);
    expect(months[leapIndex - 1]).toMatchObject({ month, leap: false });
    expect(months[leapIndex]).toMatchObject({ month, leap: true });
  });

  it.each([2024, 2026, 2027, 2029, 2030])('lunar year %i has no leap month', (year) => {
    expect(lunarLeapMonth(year)).toBeNull();
    expect(lunarYearMonths(year)).toHaveLength(12);
  });

  it('tells the leap 6th month of 2025 from the regular one', () => {
    expect(iso(lunarToSolar({ year: 2025, month: 6, day: 1, leap: false }))).toBe('2025-06-25');
    expect(iso(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }))).toBe('2025-07-25');
    expect(solarToLunar(parseLocalDate('2025-08-01'))).toEqual({ year: 2025, month: 6, day: 8, leap: true });
  });

  it('follows UTC+7 where China (UTC+8) differs: Tết 2007 is 17 February, 1985 is 21 January', () => {
    expect(iso(lunarNewYear(2007))).toBe('2007-02-17');
    expect(iso(lunarNewYear(1985))).toBe('1985-01-21');
  });

  it('refuses lunar dates that do not exist', () => {
    const invalid = (lunar: Parameters<typeof lunarToSolar>[0]) => {
      try {
        lunarToSolar(lunar);
      } catch (error) {
        return error instanceof CalendarError ? error.code : error;
      }
      return 'accepted';
    };
    expect(invalid({ year: 2024, month: 6, day: 1, leap: true })).toBe(CalendarErrorCode.InvalidLunarDate);
    const shortMonth = lunarYearMonths(2025).find((m) => m.length === 29);
    expect(shortMonth).toBeDefined();
    const { month, leap } = shortMonth ?? { month: 0, leap: false };
    expect(invalid({ year: 2025, month, day: 30, leap })).toBe(CalendarErrorCode.InvalidLunarDate);
    expect(invalid({ year: 2025, month: 13, day: 1, leap: false })).toBe(CalendarErrorCode.InvalidLunarDate);
    expect(invalid({ year: LUNAR_MAX_YEAR + 1, month: 1, day: 1, leap: false })).toBe(CalendarErrorCode.YearOutOfRange);
  });

  it('round-trips every day of 1990–2100 and numbers the days without gaps', () => {
    const failures: string[] = [];
    const first = parseLocalDate('1990-01-01');
    let previous = solarToLunar(addCalendarDays(first, -1));
    const monthsPerYear = new Map<number, number>();
    for (let day = first; day.year <= 2100; day = addCalendarDays(day, 1)) {
      const lunar = solarToLunar(day);
      const back = lunarToSolar(lunar);
      if (toEpochDay(back) !== toEpochDay(day)) failures.push(`${iso(day)} → ${JSON.stringify(lunar)} → ${iso(back)}`);
      if (lunar.day === 1) {
        monthsPerYear.set(lunar.year, (monthsPerYear.get(lunar.year) ?? 0) + 1);
        const monthLengthOk = previous.day === 29 || previous.day === 30;
        const leapRepeat = lunar.month === previous.month && lunar.leap && !previous.leap;
        const nextMonth = lunar.month === (previous.month % 12) + 1 && !lunar.leap;
        const yearOk = lunar.year === (lunar.month === 1 && !lunar.leap ? previous.year + 1 : previous.year);
        if (!monthLengthOk || !(leapRepeat || nextMonth) || !yearOk) failures.push(`${iso(day)}: ${JSON.stringify(previous)} then ${JSON.stringify(lunar)}`);
      } else if (JSON.stringify(lunar) !== JSON.stringify({ ...previous, day: previous.day + 1 })) {
        failures.push(`${iso(day)}: ${JSON.stringify(previous)} then ${JSON.stringify(lunar)}`);
      }
      previous = lunar;
    }
    for (let year = 1990; year <= 2099; year += 1) {
      if (monthsPerYear.get(year) !== (lunarLeapMonth(year) === null ? 12 : 13)) failures.push(`lunar year ${year}: ${monthsPerYear.get(year)} months`);
    }
    expect(failures).toEqual([]);
  });
});

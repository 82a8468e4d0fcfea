import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { assertHolidayRuleSet, computeRuleDaysOff, HolidayRuleSet, LABOUR_CODE_2019_RULES } from './holiday-rules';
import { addCalendarDays, formatLocalDate, LocalDate, parseLocalDate, Weekday, weekdayOf } from './local-date';
import { PUBLISHED_DAYS_OFF } from './published-days-off';
import { WorkingCalendar } from './working-calendar';

const MON_FRI = [Weekday.Saturday, Weekday.Sunday];
const national = new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES], published: PUBLISHED_DAYS_OFF });
const rulesOnly = new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES] });

function daysOf(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = parseLocalDate(`${year}-01-01`); d.year === year; d = addCalendarDays(d, 1)) days.push(d);
  return days;
}

const isWeekday = (d: LocalDate) => weekdayOf(d) <= Weekday.Friday;
/** 'MM-DD' of the days of `year` that are weekdays and not working days. */
const weekdaysOff = (calendar: WorkingCalendar, year: number) =>
  daysOf(year)
    .filter((d) => isWeekday(d) && !calendar.isWorkingDay(d))
    .map((d) => formatLocalDate(d).slice(5));
const ruleWeekdaysOff = (year: number) =>
  computeRuleDaysOff(LABOUR_CODE_2019_RULES, year, MON_FRI)
    .filter((d) => isWeekday(d.date))
    .map((d) => formatLocalDate(d.date).slice(5));

/** DOMAIN.md's table, transcribed a second time on purpose: the data must match it day for day. */
const DOMAIN_TABLE: Record<number, { off: string; saturdaysWorked: string }> = {
  2024: { off: '01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03', saturdaysWorked: '05-04' },
  2025: { off: '01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02', saturdaysWorked: '04-26' },
  2026: { off: '01-01 01-02 02-16 02-17 02-18 02-19 02-20 04-27 04-30 05-01 08-31 09-01 09-02', saturdaysWorked: '01-10 08-22' },
};

describe('published days off 2024–2026 (DOMAIN.md table)', () => {
  it.each([2024, 2025, 2026])('%i: the listed weekdays are off, the listed Saturdays are worked, nothing else changes', (year) => {
    const table = DOMAIN_TABLE[year];
    const off = new Set(table.off.split(' '));
    const worked = new Set(table.saturdaysWorked.split(' '));
    for (const day of worked) expect(weekdayOf(parseLocalDate(`${year}-${day}`))).toBe(Weekday.Saturday);
    for (const day of off) expect(isWeekday(parseLocalDate(`${year}-${day}`))).toBe(true);

    const mismatches = daysOf(year).filter((d) => {
      const mmdd = formatLocalDate(d).slice(5);
      const expected = worked.has(mmdd) || (isWeekday(d) && !off.has(mmdd));
      return national.isWorkingDay(d) !== expected;
    });
    expect(mismatches.map(formatLocalDate)).toEqual([]);
    expect(weekdaysOff(national, year)).toEqual([...off].sort());
  });

  it('records the published list as the reason', () => {
    expect(national.describeDay(parseLocalDate('2024-02-08'))).toEqual({ date: parseLocalDate('2024-02-08'), working: false, kind: 'published-day-off' });
    expect(national.describeDay(parseLocalDate('2024-05-04'))).toMatchObject({ working: true, kind: 'published-working-day' });
    // 15 Feb 2024 would be a compensatory day by the rules; the list makes it a working day.
    expect(national.describeDay(parseLocalDate('2024-02-15'))).toMatchObject({ working: true, kind: 'working-day' });
  });

  /*
   * The rules alone against the lists: outside the days the Prime Minister places (Tết) and the
   * swaps (a weekday off for a listed Saturday worked), they agree day for day.
   */
  it.each([
    // year, days only the list has (why), days only the rules have (why)
    [2024, ['02-08', '04-29'], ['02-15']], // Tết placed on 29–30 Chạp + mùng 3–5 instead of 30 Chạp–mùng 4 + 2 compensatory; 29 Apr ⇄ Sat 4 May
    [2025, ['01-27', '05-02'], ['02-03']], // Tết placed 28 Chạp–mùng 3 instead of 29 Chạp–mùng 4 (Sat) + compensatory Mon 3 Feb; 2 May ⇄ Sat 26 Apr
    [2026, ['01-02', '08-31'], []], // 2 Jan ⇄ Sat 10 Jan; 31 Aug ⇄ Sat 22 Aug; Hùng day Sun 26 Apr → Mon 27 Apr by the compensatory rule
  ])('%i: the rules match the list except the Prime Minister’s placements and the swaps', (year, onlyListed, onlyComputed) => {
    const listed = new Set(weekdaysOff(national, year));
    const computed = new Set(ruleWeekdaysOff(year));
    expect(weekdaysOff(rulesOnly, year)).toEqual([...computed]);
    expect([...listed].filter((d) => !computed.has(d))).toEqual(onlyListed);
    expect([...computed].filter((d) => !listed.has(d))).toEqual(onlyComputed);
  });

  it.each([2024, 2025, 2026, 2027, 2028])('%i: Tết gives five weekdays off by the rules', (year) => {
    const tet = computeRuleDaysOff(LABOUR_CODE_2019_RULES, year, MON_FRI).filter((d) => d.ruleId === 'tet' && isWeekday(d.date));
    expect(tet).toHaveLength(5);
  });
});

describe('2027, not yet published: computed from LABOUR_CODE_2019_RULES', () => {
  it('gives the days DOMAIN.md derives from the rules', () => {
    expect(national.listExceptions(2027).map((d) => `${formatLocalDate(d.date)} ${d.kind} ${d.ruleId}`)).toEqual([
      '2027-01-01 holiday new-year', // Friday
      '2027-02-05 holiday tet', // Fri, last day of Bính Ngọ
      '2027-02-06 holiday tet', // Sat, Tết Đinh Mùi
      '2027-02-07 holiday tet', // Sun
      '2027-02-08 holiday tet',
      '2027-02-09 holiday tet',
      '2027-02-10 compensatory-day-off tet', // for Sat 6 Feb
      '2027-02-11 compensatory-day-off tet', // for Sun 7 Feb
      '2027-04-16 holiday hung-kings', // Friday
      '2027-04-30 holiday reunification', // Friday
      '2027-05-01 holiday labour', // Saturday…
      '2027-05-03 compensatory-day-off labour', // …so Monday 3 May is off
      '2027-09-02 holiday national-day', // Thursday
      '2027-09-03 holiday national-day', // the adjacent day that joins the weekend
    ]);
    expect(weekdaysOff(national, 2027)).toEqual(['01-01', '02-05', '02-08', '02-09', '02-10', '02-11', '04-16', '04-30', '05-03', '09-02', '09-03']);
    expect(weekdayOf(parseLocalDate('2027-02-06'))).toBe(Weekday.Saturday);
  });

  it('chooses the 2 September adjacent day as practice did in 2021–2026', () => {
    const adjacent = (year: number) =>
      computeRuleDaysOff(LABOUR_CODE_2019_RULES, year, MON_FRI)
        .filter((d) => d.ruleId === 'national-day' && d.kind === 'holiday')
        .map((d) => formatLocalDate(d.date).slice(5));
    expect(adjacent(2021)).toEqual(['09-02', '09-03']); // Thu
    expect(adjacent(2022)).toEqual(['09-01', '09-02']); // Fri
    expect(adjacent(2023)).toEqual(['09-01', '09-02']); // Sat (+ Mon 4 Sep compensatory)
    expect(adjacent(2024)).toEqual(['09-02', '09-03']); // Mon
    expect(adjacent(2025)).toEqual(['09-01', '09-02']); // Tue
  });

  it('puts Hùng Kings day in the regular 3rd month when the 3rd month is leap (2031)', () => {
    const hung = computeRuleDaysOff(LABOUR_CODE_2019_RULES, 2031, MON_FRI).filter((d) => d.ruleId === 'hung-kings');
    expect(hung.map((d) => formatLocalDate(d.date))).toEqual(['2031-04-01']); // the leap month's 10th is 30 April
  });

  it('compensates across New Year and for holidays falling together on a weekend', () => {
    // 1 Jan 2028 is a Saturday: Monday 3 January is off.
    expect(national.describeDay(parseLocalDate('2028-01-03'))).toMatchObject({ working: false, kind: 'compensatory-day-off', ruleId: 'new-year' });
    // 30 Apr 2028 is a Sunday and 1 May a Monday holiday: Tuesday 2 May is off.
    expect(national.describeDay(parseLocalDate('2028-05-02'))).toMatchObject({ working: false, kind: 'compensatory-day-off', ruleId: 'reunification' });
  });
});

describe('holiday rule sets as data', () => {
  const expectSettingsError = (ruleSet: HolidayRuleSet) => {
    let code: unknown = 'accepted';
    try {
      assertHolidayRuleSet(ruleSet);
    } catch (error) {
      code = error instanceof CalendarError ? error.code : error;
    }
    expect(code).toBe(CalendarErrorCode.InvalidSettings);
  };

  it('accepts a new holiday as a new rule set version, from its first year only', () => {
    const withNovember24: HolidayRuleSet = {
      ...LABOUR_CODE_2019_RULES,
      id: 'vn-labour-code-2019@2-example',
      effectiveFromYear: 2028,
      holidays: [...LABOUR_CODE_2019_RULES.holidays, { id: 'culture-day', name: { vi: 'Ngày Văn hóa', en: 'Culture Day' }, anchor: { calendar: 'solar', month: 11, day: 24 } }],
    };
    const calendar = new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES, withNovember24] });
    expect(calendar.isWorkingDay(parseLocalDate('2027-11-24'))).toBe(true); // Wednesday, old rules
    expect(calendar.describeDay(parseLocalDate('2028-11-24'))).toMatchObject({ working: false, ruleId: 'culture-day' }); // Friday
  });

  it('refuses malformed rules', () => {
    const base = LABOUR_CODE_2019_RULES;
    const rule = base.holidays[0];
    expectSettingsError({ ...base, holidays: [rule, rule] });
    expectSettingsError({ ...base, holidays: [{ ...rule, anchor: { calendar: 'lunar', month: 12, day: 30 } }] });
    expectSettingsError({ ...base, holidays: [{ ...rule, anchor: { calendar: 'solar', month: 2, day: 30 } }] });
    expectSettingsError({ ...base, holidays: [{ ...rule, lengthDays: 0 }] });
    expectSettingsError({ ...base, holidays: [{ ...rule, adjacentDayByWeekday: { 1: 1 } as unknown as Record<Weekday, 1> }] });
  });

  it('has no rules before the Labour Code 2019 took effect', () => {
    let code: unknown;
    try {
      rulesOnly.isWorkingDay(parseLocalDate('2020-06-01'));
    } catch (error) {
      code = error instanceof CalendarError ? error.code : error;
    }
    expect(code).toBe(CalendarErrorCode.NoRulesForYear);
  });
});

import fc from 'fast-check';
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { LABOUR_CODE_2019_RULES } from './holiday-rules';
import { formatLocalDate, formatVietnamInstant, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, parseLocalDate, toLocalDate, vietnamInstant, Weekday } from './local-date';
import { PUBLISHED_DAYS_OFF } from './published-days-off';
import { TenantCalendarSettings, WorkingCalendar } from './working-calendar';

const calendarFor = (tenant?: TenantCalendarSettings) => new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES], published: PUBLISHED_DAYS_OFF, tenant });
const national = calendarFor();
const at = vietnamInstant;
const local = (instant: Date) => formatVietnamInstant(instant).slice(0, 16);

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof CalendarError ? error.code : error;
  }
  return 'no error';
};

describe('appointments in working days', () => {
  it.each([
    // received (local), working days, appointment (local)
    ['2025-03-13T10:00', 2, '2025-03-17T17:00'], // Thu → Fri (1), Mon (2): across a weekend
    ['2025-03-14T08:00', 1, '2025-03-17T17:00'], // Fri → Mon
    ['2025-03-13T18:30', 1, '2025-03-14T17:00'], // after office hours: the receipt day still does not count
    ['2025-03-13T06:00', 1, '2025-03-14T17:00'], // before office hours: idem
    ['2025-03-15T09:00', 1, '2025-03-17T17:00'], // received on a Saturday (day off): Monday is the 1st working day after
    ['2026-02-13T09:00', 2, '2026-02-24T17:00'], // Fri before Tết 2026: 16–20 Feb off, weekends off → Mon 23 (1), Tue 24 (2)
    ['2026-02-13T09:00', 3, '2026-02-25T17:00'], // … Wed 25 (3)
    ['2024-05-03T10:00', 1, '2024-05-04T17:00'], // Saturday 4 May 2024 is worked (swap)
    ['2026-01-09T10:00', 1, '2026-01-10T17:00'], // Saturday 10 Jan 2026 is worked (swap)
    ['2026-04-24T10:00', 1, '2026-04-28T17:00'], // Fri; Mon 27 Apr off (Hùng day on Sunday)
    ['2027-04-29T10:00', 2, '2027-05-05T17:00'], // 2027 by the rules: Fri 30 Apr, Sat 1 May → Mon 3 May off; Tue 4 (1), Wed 5 (2)
    ['2025-03-13T10:00', 0, '2025-03-13T17:00'], // N = 0: the end of the same working day
    ['2025-03-13T17:00', 0, '2025-03-13T17:00'], // … received exactly at closing time
    ['2025-03-13T17:01', 0, '2025-03-14T17:00'], // … received after closing: the next working day
    ['2025-03-15T09:00', 0, '2025-03-17T17:00'], // … received on a day off
  ])('received %s with %i working days → %s', (received, days, expected) => {
    expect(local(national.appointment(at(received), { unit: 'days', amount: days }))).toBe(expected);
    expect(local(national.addWorkingDays(at(received).getTime(), days))).toBe(expected);
  });

  it('Tết 2026 by hand: receipt Friday 13 February, 3 working days', () => {
    const appointment = national.appointment(at('2026-02-13T09:00'), { unit: 'days', amount: 3 });
    expect(appointment.toISOString()).toBe('2026-02-25T10:00:00.000Z'); // Wednesday 17:00 in Vietnam
    const between = ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'];
    expect(between.filter((d) => national.isWorkingDay(parseLocalDate(d)))).toEqual([]);
    expect(national.workingDaysBetween(parseLocalDate('2026-02-13'), parseLocalDate('2026-02-25'))).toBe(3);
  });
});

describe('appointments in working hours', () => {
  it.each([
    ['2025-03-17T10:00', 4, '2025-03-17T16:00'], // 1h30 before lunch, 2h30 after
    ['2025-03-17T16:00', 4, '2025-03-18T10:30'], // 1h today, 3h tomorrow
    ['2025-03-17T07:30', 4, '2025-03-17T11:30'], // runs out at the lunch break: 11:30, not 13:30
    ['2025-03-17T13:30', 3.5, '2025-03-17T17:00'], // runs out at closing: 17:00, not next morning
    ['2025-03-17T12:00', 2, '2025-03-17T15:30'], // received at lunch: the clock starts at 13:30
    ['2025-03-14T16:30', 1, '2025-03-17T08:00'], // Friday → Monday
    ['2026-02-13T15:00', 8, '2026-02-23T15:30'], // across Tết 2026
    ['2025-03-17T10:00', 0, '2025-03-17T10:00'], // 0 hours in office hours: the receipt itself
    ['2025-03-17T20:00', 0, '2025-03-18T07:30'], // 0 hours after hours: the next opening
    ['2025-03-17T10:00', 0.25, '2025-03-17T10:15'],
  ])('received %s with %f working hours → %s', (received, hours, expected) => {
    expect(local(national.appointment(at(received), { unit: 'hours', amount: hours }))).toBe(expected);
  });

  it('measures working time through office hours only', () => {
    expect(national.workingTimeBetween(at('2025-03-14T16:00'), at('2025-03-17T08:30'))).toBe(2 * MS_PER_HOUR);
    expect(national.workingTimeBetween(at('2025-03-17T08:30'), at('2025-03-14T16:00'))).toBe(-2 * MS_PER_HOUR);
    expect(national.workingTimeBetween(at('2025-03-17T00:00'), at('2025-03-18T00:00'))).toBe(7.5 * MS_PER_HOUR);
    expect(national.workingTimeBetween(at('2026-02-14T00:00'), at('2026-02-23T00:00'))).toBe(0);
  });

  it.each([
    ['2025-03-17T12:00', '2025-03-17T13:30'],
    ['2025-03-17T07:30', '2025-03-17T07:30'],
    ['2025-03-17T11:30', '2025-03-17T13:30'], // closing instant: the clock no longer runs
    ['2025-03-17T17:00', '2025-03-18T07:30'],
    ['2025-03-15T10:00', '2025-03-17T07:30'],
    ['2026-02-13T17:00', '2026-02-23T07:30'],
  ])('next working instant after %s is %s', (instant, expected) => {
    expect(local(national.nextWorkingInstant(at(instant)))).toBe(expected);
  });
});

describe('tenant settings', () => {
  it('applies tenant days off and working days over everything national', () => {
    const tenant = calendarFor({ extraDaysOff: ['2026-03-12'], extraWorkingDays: ['2026-03-14', '2026-09-02'] });
    expect(tenant.describeDay(parseLocalDate('2026-03-12'))).toMatchObject({ working: false, kind: 'tenant-day-off' });
    expect(tenant.describeDay(parseLocalDate('2026-03-14'))).toMatchObject({ working: true, kind: 'tenant-working-day' });
    expect(tenant.describeDay(parseLocalDate('2026-09-02'))).toMatchObject({ working: true, kind: 'tenant-working-day' });
    expect(local(tenant.appointment(at('2026-03-11T10:00'), { unit: 'days', amount: 1 }))).toBe('2026-03-13T17:00');
    expect(local(tenant.appointment(at('2026-03-13T10:00'), { unit: 'days', amount: 1 }))).toBe('2026-03-14T17:00');
  });

  it('uses the tenant office hours and weekly rest days', () => {
    const tenant = calendarFor({ officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }], weeklyRestDays: [Weekday.Sunday] });
    expect(local(tenant.appointment(at('2027-03-05T10:00'), { unit: 'days', amount: 1 }))).toBe('2027-03-06T17:30'); // Saturday worked
    expect(local(tenant.appointment(at('2027-03-05T16:30'), { unit: 'hours', amount: 2 }))).toBe('2027-03-06T09:00');
    // 1 May 2027 is a Saturday, a working day for this tenant: no compensatory Monday.
    expect(tenant.isWorkingDay(parseLocalDate('2027-05-03'))).toBe(true);
    expect(national.isWorkingDay(parseLocalDate('2027-05-03'))).toBe(false);
    expect(tenant.officeHours).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:30' }]);
    expect(tenant.weeklyRestDays).toEqual([Weekday.Sunday]);
  });

  it('defaults to 07:30–11:30, 13:30–17:00, Saturday and Sunday off', () => {
    expect(national.officeHours).toEqual([{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }]);
    expect(national.weeklyRestDays).toEqual([Weekday.Saturday, Weekday.Sunday]);
    expect(formatLocalDate(toLocalDate(national.endOfOfficeHours(parseLocalDate('2025-03-17'))))).toBe('2025-03-17');
  });

  it.each<[string, TenantCalendarSettings]>([
    ['empty office hours', { officeHours: [] }],
    ['a malformed time', { officeHours: [{ start: '7:30', end: '11:30' }] }],
    ['an interval ending before it starts', { officeHours: [{ start: '13:30', end: '11:30' }] }],
    ['overlapping intervals', { officeHours: [{ start: '07:30', end: '12:00' }, { start: '11:30', end: '17:00' }] }],
    ['a closing time of 24:00', { officeHours: [{ start: '07:30', end: '24:00' }] }],
    ['an invalid weekday', { weeklyRestDays: [0 as Weekday] }],
    ['a repeated weekday', { weeklyRestDays: [Weekday.Sunday, Weekday.Sunday] }],
    ['an invalid date', { extraDaysOff: ['2026-02-30'] }],
    ['a date both off and worked', { extraDaysOff: ['2026-03-12'], extraWorkingDays: ['2026-03-12'] }],
  ])('refuses %s', (_, tenant) => {
    expect(codeOf(() => calendarFor(tenant))).toBe(CalendarErrorCode.InvalidSettings);
  });

  it('refuses contradictory published lists and rule sets', () => {
    const list = PUBLISHED_DAYS_OFF[0];
    const make = (config: Partial<ConstructorParameters<typeof WorkingCalendar>[0]>) => () =>
      new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES], ...config });
    expect(codeOf(make({ published: [list, list] }))).toBe(CalendarErrorCode.InvalidSettings);
    expect(codeOf(make({ published: [{ ...list, daysOff: ['2025-01-01'] }] }))).toBe(CalendarErrorCode.InvalidSettings);
    expect(codeOf(make({ published: [{ ...list, workingDays: [list.daysOff[0]] }] }))).toBe(CalendarErrorCode.InvalidSettings);
    expect(codeOf(make({ ruleSets: [LABOUR_CODE_2019_RULES, LABOUR_CODE_2019_RULES] }))).toBe(CalendarErrorCode.InvalidSettings);
  });

  it('refuses amounts that are not a deadline', () => {
    expect(codeOf(() => national.addWorkingDays(at('2025-03-17T10:00'), -1))).toBe(CalendarErrorCode.InvalidAmount);
    expect(codeOf(() => national.addWorkingDays(at('2025-03-17T10:00'), 0.5))).toBe(CalendarErrorCode.InvalidAmount);
    expect(codeOf(() => national.addWorkingHours(at('2025-03-17T10:00'), Number.NaN))).toBe(CalendarErrorCode.InvalidAmount);
    expect(codeOf(() => national.appointment(at('2025-03-17T10:00'), { unit: 'weeks' as 'days', amount: 1 }))).toBe(CalendarErrorCode.InvalidAmount);
    expect(codeOf(() => national.appointment(new Date(Number.NaN), { unit: 'days', amount: 1 }))).toBe(CalendarErrorCode.InvalidInstant);
    expect(codeOf(() => national.isWorkingDay(parseLocalDate('2200-01-01')))).toBe(CalendarErrorCode.YearOutOfRange);
  });

  it('stops instead of looping when settings leave no working day', () => {
    const never = calendarFor({ weeklyRestDays: [1, 2, 3, 4, 5, 6, 7] });
    expect(codeOf(() => never.nextWorkingInstant(at('2030-01-01T10:00')))).toBe(CalendarErrorCode.NoWorkingTime);
  });
});

describe('working-time properties (fast-check)', () => {
  const FIRST_DAY = Date.UTC(2024, 0, 1) / MS_PER_DAY;
  const DAYS = Date.UTC(2030, 11, 31) / MS_PER_DAY - FIRST_DAY - 400; // room for the deadline after
  const dayIso = (index: number) => new Date((FIRST_DAY + index) * MS_PER_DAY).toISOString().slice(0, 10);
  const clock = (quarter: number) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;

  /** Default settings, or random office hours, rest days and tenant overrides. */
  const settingsArb: fc.Arbitrary<TenantCalendarSettings | undefined> = fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        officeHours: fc
          .uniqueArray(fc.integer({ min: 0, max: 95 }), { minLength: 2, maxLength: 6 })
          .map((quarters) => {
            const sorted = [...quarters].sort((a, b) => a - b).slice(0, quarters.length - (quarters.length % 2));
            return Array.from({ length: sorted.length / 2 }, (_, i) => ({ start: clock(sorted[2 * i]), end: clock(sorted[2 * i + 1]) }));
          }),
        weeklyRestDays: fc.subarray([1, 2, 3, 4, 5, 6, 7] as Weekday[], { maxLength: 3 }),
        extraDaysOff: fc.uniqueArray(fc.integer({ min: 0, max: DAYS }), { maxLength: 12 }).map((days) => days.filter((d) => d % 2 === 0).map(dayIso)),
        extraWorkingDays: fc.uniqueArray(fc.integer({ min: 0, max: DAYS }), { maxLength: 12 }).map((days) => days.filter((d) => d % 2 === 1).map(dayIso)),
      },
      { requiredKeys: [] },
    ),
  );

  const calendars = new Map<string, WorkingCalendar>();
  const cachedCalendar = (settings: TenantCalendarSettings | undefined) => {
    const key = JSON.stringify(settings ?? null);
    const calendar = calendars.get(key) ?? calendarFor(settings);
    calendars.set(key, calendar);
    return calendar;
  };

  /** Tenant settings and an instant in 2024–2029, often exactly on (or 1 ms around) an office-hours boundary. */
  const scenarioArb = settingsArb.chain((settings) => {
    const calendar = cachedCalendar(settings);
    const boundaries = calendar.officeHours.flatMap((i) => [i.start, i.end]).map((hhmm) => Number(hhmm.slice(0, 2)) * MS_PER_HOUR + Number(hhmm.slice(3)) * MS_PER_MINUTE);
    const midnightVn = (index: number) => (FIRST_DAY + index) * MS_PER_DAY - 7 * MS_PER_HOUR;
    const instant = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: MS_PER_DAY - 1 })).map(([d, ms]) => midnightVn(d) + ms),
      fc.tuple(fc.integer({ min: 0, max: DAYS }), fc.constantFrom(0, ...boundaries), fc.constantFrom(-1, 0, 1)).map(([d, ms, eps]) => midnightVn(d) + ms + eps),
    );
    return fc.record({ settings: fc.constant(settings), t: instant });
  });

  const runs = { numRuns: 300 };

  it('adding N working days, then counting working days between, gives N', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 60 }), ({ settings, t }, n) => {
        const calendar = cachedCalendar(settings);
        const deadline = calendar.addWorkingDays(t, n);
        expect(calendar.workingDaysBetween(toLocalDate(t), toLocalDate(deadline))).toBe(n);
        expect(deadline.getTime()).toBe(calendar.endOfOfficeHours(toLocalDate(deadline)).getTime());
      }),
      runs,
    );
  });

  it('a deadline always lands in working time, never before the receipt', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom<'days' | 'hours'>('days', 'hours'), fc.integer({ min: 0, max: 60 }), ({ settings, t }, unit, amount) => {
        const calendar = cachedCalendar(settings);
        const deadline = calendar.appointment(t, { unit, amount });
        expect(calendar.isWorkingInstant(deadline)).toBe(true);
        expect(deadline.getTime()).toBeGreaterThanOrEqual(t);
      }),
      runs,
    );
  });

  it('deadlines never move earlier as N grows, nor as the receipt moves later', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.constantFrom<'days' | 'hours'>('days', 'hours'),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 3 * MS_PER_DAY }),
        ({ settings, t }, unit, a, b, later) => {
        const calendar = cachedCalendar(settings);
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(calendar.appointment(t, { unit, amount: small }).getTime()).toBeLessThanOrEqual(calendar.appointment(t, { unit, amount: large }).getTime());
          expect(calendar.appointment(t, { unit, amount: small }).getTime()).toBeLessThanOrEqual(calendar.appointment(t + later, { unit, amount: small }).getTime());
        },
      ),
      runs,
    );
  });

  it('nextWorkingInstant is idempotent, in working time, and skips no working time', () => {
    fc.assert(
      fc.property(scenarioArb, ({ settings, t }) => {
        const calendar = cachedCalendar(settings);
        const next = calendar.nextWorkingInstant(t);
        expect(calendar.nextWorkingInstant(next).getTime()).toBe(next.getTime());
        expect(next.getTime()).toBeGreaterThanOrEqual(t);
        expect(calendar.isWorkingInstant(next)).toBe(true);
        expect(calendar.workingTimeBetween(t, next)).toBe(0);
        // working time does run right after it
        expect(calendar.workingTimeBetween(next, next.getTime() + 1)).toBe(1);
      }),
      runs,
    );
  });

  it('adding working time, then measuring it, gives it back; the result is the earliest such instant', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 120 * 60 }), fc.integer({ min: 0, max: 40 * MS_PER_HOUR }), ({ settings, t }, minutes, ms) => {
        const calendar = cachedCalendar(settings);
        const byHours = calendar.addWorkingHours(t, minutes / 60);
        expect(calendar.workingTimeBetween(t, byHours)).toBe(minutes * MS_PER_MINUTE);
        const byMs = calendar.addWorkingTime(t, ms);
        expect(calendar.workingTimeBetween(t, byMs)).toBe(ms);
        if (ms > 0) expect(calendar.workingTimeBetween(t, byMs.getTime() - 1)).toBe(ms - 1);
      }),
      runs,
    );
  });

  it('working time adds up over consecutive spans', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: -20 * MS_PER_DAY, max: 20 * MS_PER_DAY }), fc.integer({ min: -20 * MS_PER_DAY, max: 20 * MS_PER_DAY }), ({ settings, t }, d1, d2) => {
        const calendar = cachedCalendar(settings);
        const [b, c] = [t + d1, t + d2];
        expect(calendar.workingTimeBetween(t, b) + calendar.workingTimeBetween(b, c)).toBe(calendar.workingTimeBetween(t, c));
        expect(calendar.workingTimeBetween(b, t)).toBe(0 - calendar.workingTimeBetween(t, b));
      }),
      runs,
    );
  });
});

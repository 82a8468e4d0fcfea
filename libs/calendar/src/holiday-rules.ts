/**
 * Public holidays as data: a versioned rule set computes a year's days off when no published list
 * exists for it. Nothing here is hard-coded in the calendar: a new holiday (e.g. a future national
 * day) is a new rule in a new rule set version, not a code change.
 */
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { fromEpochDay, LocalDate, toEpochDay, Weekday, weekdayOfEpochDay } from './local-date';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, lunarToSolar } from './lunar';

/** Where a holiday sits in a year: a solar date, or a date of a regular (never leap) lunar month. */
export type HolidayAnchor =
  | { readonly calendar: 'solar'; readonly month: number; readonly day: number }
  | { readonly calendar: 'lunar'; readonly month: number; readonly day: number };

export interface HolidayRule {
  /** Stable id, e.g. 'tet', used in DayInfo. */
  readonly id: string;
  readonly name: { readonly vi: string; readonly en: string };
  /** The anchor in lunar year Y (or solar year Y) gives the holiday of solar year Y. */
  readonly anchor: HolidayAnchor;
  /** First day off relative to the anchor; default 0. Tết: -1, the last day of the old lunar year. */
  readonly offsetDays?: number;
  /** Consecutive days off from the first one; default 1. Tết: 5. */
  readonly lengthDays?: number;
  /**
   * One more day next to the anchor, before (-1) or after (+1), chosen by the anchor's weekday.
   * The law leaves the choice (1 or 3 September) to the Prime Minister each year; the table records
   * the choice made in practice, so an unpublished year gets the likeliest day.
   */
  readonly adjacentDayByWeekday?: Readonly<Record<Weekday, -1 | 1>>;
}

export interface HolidayRuleSet {
  /** Stable id and version, e.g. 'vn-labour-code-2019@1'. */
  readonly id: string;
  readonly legalBasis: string;
  /** First solar year the set governs; it stays in force until a set with a later year. */
  readonly effectiveFromYear: number;
  readonly holidays: readonly HolidayRule[];
  /**
   * 'next-working-day': a holiday on a weekly rest day gives the next working day off (Labour Code
   * 2019 art. 111(3)); 'none': it is simply lost.
   */
  readonly compensation: 'next-working-day' | 'none';
}

/** A day off produced by a rule set, on any day of the week. */
export interface RuleDayOff {
  readonly date: LocalDate;
  readonly ruleId: string;
  /** 'holiday': the holiday itself; 'compensatory': the working day given for one on a rest day. */
  readonly kind: 'holiday' | 'compensatory';
}

/**
 * Labour Code 2019 (Law 45/2019/QH14, in force 1 January 2021), art. 112(1) and art. 111(3).
 * Tết is five days: the last day of the old lunar year and the first four of the new one; the Prime
 * Minister may place them differently each year, which the yearly published list records.
 */
export const LABOUR_CODE_2019_RULES: HolidayRuleSet = {
  id: 'vn-labour-code-2019@1',
  legalBasis: 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 111 khoản 3, Điều 112 khoản 1',
  effectiveFromYear: 2021,
  compensation: 'next-working-day',
  holidays: [
    {
      id: 'new-year',
      name: { vi: 'Tết Dương lịch', en: "New Year's Day" },
      anchor: { calendar: 'solar', month: 1, day: 1 },
    },
    {
      id: 'tet',
      name: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
      anchor: { calendar: 'lunar', month: 1, day: 1 },
      offsetDays: -1,
      lengthDays: 5,
    },
    {
      id: 'hung-kings',
      name: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration Day' },
      anchor: { calendar: 'lunar', month: 3, day: 10 },
    },
    {
      id: 'reunification',
      name: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
      anchor: { calendar: 'solar', month: 4, day: 30 },
    },
    {
      id: 'labour',
      name: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
      anchor: { calendar: 'solar', month: 5, day: 1 },
    },
    {
      id: 'national-day',
      name: { vi: 'Quốc khánh', en: 'National Day' },
      anchor: { calendar: 'solar', month: 9, day: 2 },
      // 2021 Thu→3, 2022 Fri→1, 2023 Sat→1, 2024 Mon→3, 2025 Tue→1, 2026 Wed→1: the day that
      // joins the weekend. Monday and Sunday give the same days off either way (see docs/calendar.md).
      adjacentDayByWeekday: {
        [Weekday.Monday]: 1,
        [Weekday.Tuesday]: -1,
        [Weekday.Wednesday]: -1,
        [Weekday.Thursday]: 1,
        [Weekday.Friday]: -1,
        [Weekday.Saturday]: -1,
        [Weekday.Sunday]: 1,
      },
    },
  ],
};

/** Throws CalendarError(InvalidSettings) when a rule set is malformed. */
export function assertHolidayRuleSet(ruleSet: HolidayRuleSet): HolidayRuleSet {
  const fail = (reason: string, extra: Record<string, unknown> = {}): never => {
    throw new CalendarError(CalendarErrorCode.InvalidSettings, { ruleSet: ruleSet?.id, reason, ...extra }, `rule set ${ruleSet?.id}: ${reason}`);
  };
  if (!Number.isInteger(ruleSet.effectiveFromYear)) fail('effectiveFromYear must be an integer');
  if (ruleSet.compensation !== 'next-working-day' && ruleSet.compensation !== 'none') fail('unknown compensation');
  const ids = new Set<string>();
  for (const rule of ruleSet.holidays) {
    if (ids.has(rule.id)) fail('duplicate rule id', { ruleId: rule.id });
    ids.add(rule.id);
    const { calendar, month, day } = rule.anchor;
    if (calendar !== 'solar' && calendar !== 'lunar') fail('unknown anchor calendar', { ruleId: rule.id });
    const maxDay = calendar === 'lunar' ? 29 : new Date(Date.UTC(2024, month, 0)).getUTCDate();
    if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > maxDay) {
      // Lunar day 30 does not exist every month: express "the last day of a month" as an offset.
      fail('anchor is not a valid date', { ruleId: rule.id });
    }
    if (calendar === 'solar' && month === 2 && day === 29) fail('29 February is not a yearly anchor', { ruleId: rule.id });
    if (rule.offsetDays !== undefined && !Number.isInteger(rule.offsetDays)) fail('offsetDays must be an integer', { ruleId: rule.id });
    if (rule.lengthDays !== undefined && (!Number.isInteger(rule.lengthDays) || rule.lengthDays < 1 || rule.lengthDays > 31)) {
      fail('lengthDays must be an integer in 1..31', { ruleId: rule.id });
    }
    const adjacent = rule.adjacentDayByWeekday;
    if (adjacent !== undefined) {
      for (let weekday = Weekday.Monday; weekday <= Weekday.Sunday; weekday += 1) {
        if (adjacent[weekday as Weekday] !== -1 && adjacent[weekday as Weekday] !== 1) {
          fail('adjacentDayByWeekday needs -1 or 1 for every weekday', { ruleId: rule.id });
        }
      }
    }
  }
  return ruleSet;
}

/** Epoch days of the holiday days (not compensation) the rule gives in solar year `year`'s cycle. */
function holidayEpochDays(rule: HolidayRule, year: number): number[] {
  const anchorDate =
    rule.anchor.calendar === 'solar'
      ? { year, month: rule.anchor.month, day: rule.anchor.day }
      : lunarToSolar({ year, month: rule.anchor.month, day: rule.anchor.day, leap: false });
  const anchor = toEpochDay(anchorDate);
  const first = anchor + (rule.offsetDays ?? 0);
  const days = Array.from({ length: rule.lengthDays ?? 1 }, (_, i) => first + i);
  if (rule.adjacentDayByWeekday) days.push(anchor + rule.adjacentDayByWeekday[weekdayOfEpochDay(anchor)]);
  return days;
}

/**
 * The days off a rule set gives in solar year `year` for a week whose rest days are
 * `weeklyRestDays`: every holiday day (whatever its weekday) and, with compensation, for each holiday
 * on a rest day the next day that is neither a rest day, a holiday nor already a compensatory day.
 * Holidays of the neighbouring years are included so a compensation can cross New Year. Sorted by date.
 */
export function computeRuleDaysOff(ruleSet: HolidayRuleSet, year: number, weeklyRestDays: readonly Weekday[]): RuleDayOff[] {
  assertHolidayRuleSet(ruleSet);
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError(CalendarErrorCode.YearOutOfRange, { year, min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR });
  }
  const rest = new Set(weeklyRestDays);
  const isRest = (epochDay: number) => rest.has(weekdayOfEpochDay(epochDay));
  const holidays = new Map<number, string>();
  for (const cycle of [year - 1, year, year + 1]) {
    if (cycle < LUNAR_MIN_YEAR || cycle > LUNAR_MAX_YEAR) continue;
    for (const rule of ruleSet.holidays) {
      for (const epochDay of holidayEpochDays(rule, cycle)) {
        if (!holidays.has(epochDay)) holidays.set(epochDay, rule.id);
      }
    }
  }
  const result: { epochDay: number; ruleId: string; kind: RuleDayOff['kind'] }[] = [];
  const taken = new Set<number>();
  const ordered = [...holidays.entries()].sort(([a], [b]) => a - b);
  for (const [epochDay, ruleId] of ordered) {
    result.push({ epochDay, ruleId, kind: 'holiday' });
    if (ruleSet.compensation === 'next-working-day' && isRest(epochDay) && rest.size < 7) {
      let candidate = epochDay + 1;
      while (isRest(candidate) || holidays.has(candidate) || taken.has(candidate)) candidate += 1;
      taken.add(candidate);
      result.push({ epochDay: candidate, ruleId, kind: 'compensatory' });
    }
  }
  const first = toEpochDay({ year, month: 1, day: 1 });
  const last = toEpochDay({ year, month: 12, day: 31 });
  return result
    .filter((d) => d.epochDay >= first && d.epochDay <= last)
    .sort((a, b) => a.epochDay - b.epochDay)
    .map((d) => ({ date: fromEpochDay(d.epochDay), ruleId: d.ruleId, kind: d.kind }));
}

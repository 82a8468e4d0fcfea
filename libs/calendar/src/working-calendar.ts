/**
 * Working-time arithmetic for one tenant: which days are working days, and how deadlines run
 * through office hours. Pure and synchronous; build one per tenant settings version and reuse it
 * (it caches each year's days once computed). Edge rules: docs/calendar.md.
 */
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { assertHolidayRuleSet, computeRuleDaysOff, HolidayRuleSet, RuleDayOff } from './holiday-rules';
import {
  assertLocalDate,
  epochDayOfInstant,
  fromEpochDay,
  Instant,
  IsoDate,
  LocalDate,
  localMidnightMs,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  parseLocalDate,
  toEpochDay,
  toEpochMs,
  Weekday,
  weekdayOfEpochDay,
} from './local-date';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR } from './lunar';
import type { PublishedYearList } from './published-days-off';

/** One stretch of office hours, local wall-clock time 'HH:MM' (00:00–23:59, so it closes on its own date). */
export interface OfficeHoursInterval {
  readonly start: string;
  readonly end: string;
}

/** The common office hours of agencies (DOMAIN.md); a tenant may set its own. */
export const DEFAULT_OFFICE_HOURS: readonly OfficeHoursInterval[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

export const DEFAULT_WEEKLY_REST_DAYS: readonly Weekday[] = [Weekday.Saturday, Weekday.Sunday];

/** What a tenant (province) configures; every field is optional and defaults as documented. */
export interface TenantCalendarSettings {
  /** Same intervals on every working day, sorted, not overlapping. Default DEFAULT_OFFICE_HOURS. */
  readonly officeHours?: readonly OfficeHoursInterval[];
  /** Default Saturday and Sunday. */
  readonly weeklyRestDays?: readonly Weekday[];
  /** The tenant's own days off (e.g. a provincial event). Win over everything national. */
  readonly extraDaysOff?: readonly IsoDate[];
  /** The tenant's own working days (e.g. a desk open on a Saturday). Win over everything national. */
  readonly extraWorkingDays?: readonly IsoDate[];
}

export interface WorkingCalendarConfig {
  /** Holiday rule sets by effectiveFromYear, e.g. [LABOUR_CODE_2019_RULES]. */
  readonly ruleSets: readonly HolidayRuleSet[];
  /** Yearly published lists, e.g. PUBLISHED_DAYS_OFF; a year's list replaces the rules for that year. */
  readonly published?: readonly PublishedYearList[];
  readonly tenant?: TenantCalendarSettings;
}

/** Why a day is (not) a working day, in order of precedence: tenant, published list, rules, week. */
export type DayKind =
  | 'tenant-working-day'
  | 'tenant-day-off'
  | 'published-working-day'
  | 'published-day-off'
  | 'holiday'
  | 'compensatory-day-off'
  | 'weekly-rest-day'
  | 'working-day';

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday rule behind a 'holiday' or 'compensatory-day-off'. */
  readonly ruleId?: string;
}

/** A procedure's processing time: whole working days, or working hours through office hours. */
export interface ProcessingTime {
  readonly unit: 'days' | 'hours';
  readonly amount: number;
}

const WORKING_KINDS: ReadonlySet<DayKind> = new Set<DayKind>(['tenant-working-day', 'published-working-day', 'working-day']);

/** No search runs further than this without meeting working time (ten years). */
const MAX_SCAN_DAYS = 3660;

interface Interval {
  /** Milliseconds after local midnight. */
  readonly start: number;
  readonly end: number;
}

interface YearPlan {
  readonly firstEpochDay: number;
  readonly kinds: readonly DayKind[];
  readonly ruleIds: readonly (string | undefined)[];
}

function invalid(reason: string, details: Record<string, unknown> = {}): CalendarError {
  return new CalendarError(CalendarErrorCode.InvalidSettings, { reason, ...details }, `calendar settings: ${reason}`);
}

function parseClock(value: string): number {
  const match = typeof value === 'string' ? /^(\d{2}):(\d{2})$/.exec(value) : null;
  const [hours, minutes] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  // Not 24:00: a closing time must fall on the same local date, or an appointment would carry the next date.
  if (!match || minutes > 59 || hours > 23) {
    throw invalid('office hours must be HH:MM between 00:00 and 23:59', { value: String(value).slice(0, 10) });
  }
  return hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;
}

function parseIntervals(intervals: readonly OfficeHoursInterval[]): Interval[] {
  if (!Array.isArray(intervals) || intervals.length === 0) throw invalid('office hours need at least one interval');
  const parsed = intervals.map((i) => ({ start: parseClock(i.start), end: parseClock(i.end) }));
  parsed.forEach((interval, index) => {
    if (interval.start >= interval.end) throw invalid('an office hours interval must end after it starts', { index });
    if (index > 0 && interval.start < parsed[index - 1].end) throw invalid('office hours intervals must be sorted and not overlap', { index });
  });
  return parsed;
}

function parseDateSet(dates: readonly IsoDate[] | undefined, what: string): Set<number> {
  const set = new Set<number>();
  for (const iso of dates ?? []) {
    try {
      set.add(toEpochDay(parseLocalDate(iso)));
    } catch (error) {
      throw new CalendarError(CalendarErrorCode.InvalidSettings, { reason: `${what}: invalid date`, value: String(iso).slice(0, 40) }, `calendar settings: ${what}`, { cause: error });
    }
  }
  return set;
}

function assertDisjoint(a: Set<number>, b: Set<number>, what: string): void {
  for (const day of a) {
    if (b.has(day)) throw invalid(`${what}: a date is both a day off and a working day`, { date: fromEpochDay(day) });
  }
}

function yearOfEpochDay(epochDay: number): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

function assertAmount(amount: number, integer: boolean): void {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || (integer && !Number.isInteger(amount))) {
    throw new CalendarError(CalendarErrorCode.InvalidAmount, { amount, expected: integer ? 'a non-negative integer' : 'a non-negative number' });
  }
}

export class WorkingCalendar {
  private readonly intervals: readonly Interval[];
  /** Office time in one working day. */
  private readonly dailyMs: number;
  private readonly restDays: ReadonlySet<Weekday>;
  private readonly ruleSets: readonly HolidayRuleSet[];
  private readonly published = new Map<number, { readonly off: Set<number>; readonly work: Set<number> }>();
  private readonly tenantOff: Set<number>;
  private readonly tenantWork: Set<number>;
  private readonly plans = new Map<number, YearPlan>();

  constructor(config: WorkingCalendarConfig) {
    const tenant = config.tenant ?? {};
    this.intervals = parseIntervals(tenant.officeHours ?? DEFAULT_OFFICE_HOURS);
    this.dailyMs = this.intervals.reduce((sum, i) => sum + i.end - i.start, 0);

    const restDays = tenant.weeklyRestDays ?? DEFAULT_WEEKLY_REST_DAYS;
    if (!restDays.every((d) => Number.isInteger(d) && d >= Weekday.Monday && d <= Weekday.Sunday) || new Set(restDays).size !== restDays.length) {
      throw invalid('weekly rest days must be distinct ISO weekdays 1..7');
    }
    this.restDays = new Set(restDays);

    const years = new Set<number>();
    for (const ruleSet of config.ruleSets) {
      assertHolidayRuleSet(ruleSet);
      if (years.has(ruleSet.effectiveFromYear)) throw invalid('two rule sets take effect the same year', { year: ruleSet.effectiveFromYear });
      years.add(ruleSet.effectiveFromYear);
    }
    this.ruleSets = [...config.ruleSets].sort((a, b) => a.effectiveFromYear - b.effectiveFromYear);

    for (const list of config.published ?? []) {
      if (!Number.isInteger(list.year) || this.published.has(list.year)) throw invalid('published lists need distinct integer years', { year: list.year });
      const off = parseDateSet(list.daysOff, `published list ${list.year}`);
      const work = parseDateSet(list.workingDays, `published list ${list.year}`);
      for (const day of [...off, ...work]) {
        if (yearOfEpochDay(day) !== list.year) throw invalid('a published list names a date of another year', { year: list.year, date: fromEpochDay(day) });
      }
      assertDisjoint(off, work, `published list ${list.year}`);
      this.published.set(list.year, { off, work });
    }

    this.tenantOff = parseDateSet(tenant.extraDaysOff, 'tenant extra days off');
    this.tenantWork = parseDateSet(tenant.extraWorkingDays, 'tenant extra working days');
    assertDisjoint(this.tenantOff, this.tenantWork, 'tenant overrides');
  }

  /** The office hours in force, normalized to 'HH:MM'. */
  get officeHours(): readonly OfficeHoursInterval[] {
    const clock = (ms: number) => `${String(Math.floor(ms / MS_PER_HOUR)).padStart(2, '0')}:${String((ms % MS_PER_HOUR) / MS_PER_MINUTE).padStart(2, '0')}`;
    return this.intervals.map((i) => ({ start: clock(i.start), end: clock(i.end) }));
  }

  get weeklyRestDays(): readonly Weekday[] {
    return [...this.restDays].sort((a, b) => a - b);
  }

  // ---- days ----

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorkingEpochDay(toEpochDay(assertLocalDate(date)));
  }

  /** Whether `date` is a working day and why. */
  describeDay(date: LocalDate): DayInfo {
    const epochDay = toEpochDay(assertLocalDate(date));
    const plan = this.plan(date.year);
    const index = epochDay - plan.firstEpochDay;
    const kind = plan.kinds[index];
    const ruleId = plan.ruleIds[index];
    return { date: fromEpochDay(epochDay), working: WORKING_KINDS.has(kind), kind, ...(ruleId ? { ruleId } : {}) };
  }

  /** Every day of `year` that is not an ordinary working day or an ordinary weekly rest day. */
  listExceptions(year: number): DayInfo[] {
    const plan = this.plan(year);
    return plan.kinds.flatMap((kind, index) =>
      kind === 'working-day' || kind === 'weekly-rest-day' ? [] : [this.describeDay(fromEpochDay(plan.firstEpochDay + index))],
    );
  }

  /**
   * Working days in (from, to]: after `from`, up to and including `to`; negative when `to` is
   * before `from`. So workingDaysBetween(receipt day, appointment day) is the deadline's N.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const a = toEpochDay(assertLocalDate(from));
    const b = toEpochDay(assertLocalDate(to));
    const [low, high, sign] = a <= b ? [a, b, 1] : [b, a, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) if (this.isWorkingEpochDay(day)) count += 1;
    return count === 0 ? 0 : sign * count;
  }

  /** The instant office hours end on `date` (17:00 by default), whether or not it is a working day. */
  endOfOfficeHours(date: LocalDate): Date {
    return new Date(this.closeMs(toEpochDay(assertLocalDate(date))));
  }

  // ---- instants ----

  /** True on a working day within an office-hours interval, both ends included (17:00 is in). */
  isWorkingInstant(instant: Instant): boolean {
    return this.isWorkingMs(toEpochMs(instant));
  }

  /**
   * The earliest instant at or after `instant` from which working time runs: `instant` itself inside
   * office hours, else the next opening (11:30 → 13:30, 17:00 → next working day 07:30).
   */
  nextWorkingInstant(instant: Instant): Date {
    return new Date(this.nextWorkingMs(toEpochMs(instant)));
  }

  /**
   * The appointment of a deadline of `days` working days received at `instant`: the end of office
   * hours of the `days`-th working day after the receipt's local day (the receipt day never counts,
   * whatever the hour and whether or not it is a working day). For 0: the end of office hours of
   * the receipt day if it is a working day not yet closed, else of the next working day.
   */
  addWorkingDays(instant: Instant, days: number): Date {
    const ms = toEpochMs(instant);
    assertAmount(days, true);
    const receiptDay = epochDayOfInstant(ms);
    if (days === 0) {
      return new Date(this.scan(receiptDay, (day) => (this.isWorkingEpochDay(day) && this.closeMs(day) >= ms ? this.closeMs(day) : undefined)));
    }
    let counted = 0;
    return new Date(this.scan(receiptDay + 1, (day) => (this.isWorkingEpochDay(day) && ++counted === days ? this.closeMs(day) : undefined), days));
  }

  /** `hours` of working time after `instant`, counted through office hours only (see addWorkingTime). */
  addWorkingHours(instant: Instant, hours: number): Date {
    assertAmount(hours, false);
    return this.addWorkingTime(instant, Math.round(hours * MS_PER_HOUR));
  }

  /**
   * The earliest instant `u` at or after `instant` with workingTimeBetween(instant, u) === `ms` that
   * lies in office hours: when the amount runs out exactly at a closing time, the closing time
   * (11:30, not 13:30). For 0: `instant` if it is in office hours, else nextWorkingInstant.
   */
  addWorkingTime(instant: Instant, ms: number): Date {
    const start = toEpochMs(instant);
    assertAmount(ms, true);
    if (ms === 0) return new Date(this.isWorkingMs(start) ? start : this.nextWorkingMs(start));
    let remaining = ms;
    const result = this.scan(
      epochDayOfInstant(start),
      (day) => {
        if (!this.isWorkingEpochDay(day)) return undefined;
        const midnight = localMidnightMs(day);
        for (const interval of this.intervals) {
          const from = Math.max(midnight + interval.start, start);
          const to = midnight + interval.end;
          if (to <= from) continue;
          if (remaining <= to - from) return from + remaining;
          remaining -= to - from;
        }
        return undefined;
      },
      Math.ceil(ms / this.dailyMs),
    );
    return new Date(result);
  }

  /** Working milliseconds in [from, to): office hours on working days only; negative if `to` < `from`. */
  workingTimeBetween(from: Instant, to: Instant): number {
    const a = toEpochMs(from);
    const b = toEpochMs(to);
    if (b < a) return 0 - this.workingTimeBetween(b, a); // 0 - x: never -0
    let total = 0;
    for (let day = epochDayOfInstant(a), last = epochDayOfInstant(b); day <= last; day += 1) {
      if (!this.isWorkingEpochDay(day)) continue;
      const midnight = localMidnightMs(day);
      for (const interval of this.intervals) {
        total += Math.max(0, Math.min(midnight + interval.end, b) - Math.max(midnight + interval.start, a));
      }
    }
    return total;
  }

  /** The appointment (ngày hẹn trả) for a dossier received at `receivedAt`. */
  appointment(receivedAt: Instant, processingTime: ProcessingTime): Date {
    switch (processingTime?.unit) {
      case 'days':
        return this.addWorkingDays(receivedAt, processingTime.amount);
      case 'hours':
        return this.addWorkingHours(receivedAt, processingTime.amount);
      default:
        throw new CalendarError(CalendarErrorCode.InvalidAmount, { unit: String(processingTime?.unit) });
    }
  }

  // ---- internals ----

  private isWorkingEpochDay(epochDay: number): boolean {
    const plan = this.plan(yearOfEpochDay(epochDay));
    return WORKING_KINDS.has(plan.kinds[epochDay - plan.firstEpochDay]);
  }

  private closeMs(epochDay: number): number {
    return localMidnightMs(epochDay) + this.intervals[this.intervals.length - 1].end;
  }

  private isWorkingMs(ms: number): boolean {
    const day = epochDayOfInstant(ms);
    const midnight = localMidnightMs(day);
    return this.isWorkingEpochDay(day) && this.intervals.some((i) => midnight + i.start <= ms && ms <= midnight + i.end);
  }

  private nextWorkingMs(ms: number): number {
    return this.scan(epochDayOfInstant(ms), (day) => {
      if (!this.isWorkingEpochDay(day)) return undefined;
      const midnight = localMidnightMs(day);
      const open = this.intervals.find((i) => ms < midnight + i.end);
      return open ? Math.max(midnight + open.start, ms) : undefined;
    });
  }

  /** Calls `visit` on each day from `firstDay` on until it returns an instant. */
  private scan(firstDay: number, visit: (epochDay: number) => number | undefined, expectedDays = 0): number {
    const limit = firstDay + MAX_SCAN_DAYS + expectedDays * 7;
    for (let day = firstDay; day <= limit; day += 1) {
      const found = visit(day);
      if (found !== undefined) return found;
    }
    throw new CalendarError(CalendarErrorCode.NoWorkingTime, { from: fromEpochDay(firstDay), scannedDays: limit - firstDay + 1 });
  }

  private plan(year: number): YearPlan {
    const cached = this.plans.get(year);
    if (cached) return cached;
    if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
      throw new CalendarError(CalendarErrorCode.YearOutOfRange, { year, min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR });
    }
    const firstEpochDay = toEpochDay({ year, month: 1, day: 1 });
    const length = toEpochDay({ year: year + 1, month: 1, day: 1 }) - firstEpochDay;
    const published = this.published.get(year);
    const ruleDays = new Map<number, RuleDayOff>();
    if (!published) {
      const ruleSet = [...this.ruleSets].reverse().find((r) => r.effectiveFromYear <= year);
      if (!ruleSet) throw new CalendarError(CalendarErrorCode.NoRulesForYear, { year });
      for (const dayOff of computeRuleDaysOff(ruleSet, year, [...this.restDays])) ruleDays.set(toEpochDay(dayOff.date), dayOff);
    }
    const kinds: DayKind[] = [];
    const ruleIds: (string | undefined)[] = [];
    for (let index = 0; index < length; index += 1) {
      const day = firstEpochDay + index;
      const rest = this.restDays.has(weekdayOfEpochDay(day));
      const rule = ruleDays.get(day);
      let kind: DayKind;
      if (this.tenantWork.has(day)) kind = 'tenant-working-day';
      else if (this.tenantOff.has(day)) kind = 'tenant-day-off';
      else if (published?.off.has(day)) kind = 'published-day-off';
      else if (published?.work.has(day)) kind = 'published-working-day';
      else if (rule) kind = rule.kind === 'holiday' ? 'holiday' : 'compensatory-day-off';
      else kind = rest ? 'weekly-rest-day' : 'working-day';
      kinds.push(kind);
      ruleIds.push(kind === 'holiday' || kind === 'compensatory-day-off' ? rule?.ruleId : undefined);
    }
    const plan = { firstEpochDay, kinds, ruleIds };
    this.plans.set(year, plan);
    return plan;
  }
}

import {
  CalendarError,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_WEEKLY_REST_DAYS,
  IsoDate,
  nationalWorkingCalendar,
  OfficeHoursInterval,
  Weekday,
  WorkingCalendar,
} from '@motcua/calendar';
import { checkIsoDate, checkText, checkUnique, FieldErrors, isOneOf } from '../../shared/domain/validation';
import { CatalogueError, CatalogueErrorCode, throwIfInvalid } from '../../procedure/domain/catalogue.errors';

/**
 * A tenant's working calendar as data: office hours, weekly rest days and its own overrides
 * (extra days off, extra working days), on top of the national rules and the yearly published
 * lists of @motcua/calendar. `revision` grows with every change, so a built calendar can be
 * reused until the next one.
 */

export const OVERRIDE_KINDS = ['day_off', 'working_day'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

export interface CalendarOverride {
  date: IsoDate;
  kind: OverrideKind;
  reason: string;
}

export interface CalendarSettings {
  officeHours: OfficeHoursInterval[];
  weeklyRestDays: Weekday[];
  /** 0: the tenant never changed anything (the defaults). */
  revision: number;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = Object.freeze({
  officeHours: DEFAULT_OFFICE_HOURS.map((i) => ({ ...i })),
  weeklyRestDays: [...DEFAULT_WEEKLY_REST_DAYS],
  revision: 0,
}) as CalendarSettings;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks office hours and rest days (the whole calendar must still leave working time). Throws CALENDAR_INVALID. */
export function checkSettings(settings: { officeHours: OfficeHoursInterval[]; weeklyRestDays: number[] }): { officeHours: OfficeHoursInterval[]; weeklyRestDays: Weekday[] } {
  const errors = new FieldErrors();
  errors.check(settings.officeHours.length >= 1 && settings.officeHours.length <= 6, 'officeHours', '1–6 intervals');
  settings.officeHours.forEach((interval, index) => {
    const startOk = errors.check(CLOCK.test(interval.start), `officeHours[${index}].start`, 'HH:MM, 00:00–23:59');
    const endOk = errors.check(CLOCK.test(interval.end), `officeHours[${index}].end`, 'HH:MM, 00:00–23:59');
    if (startOk && endOk) errors.check(interval.start < interval.end, `officeHours[${index}].end`, 'after the start');
    const previous = settings.officeHours[index - 1];
    if (startOk && previous && CLOCK.test(previous.end)) errors.check(previous.end <= interval.start, `officeHours[${index}].start`, 'sorted, not overlapping the previous interval');
  });
  settings.weeklyRestDays.forEach((day, index) => errors.check(Number.isInteger(day) && day >= 1 && day <= 7, `weeklyRestDays[${index}]`, 'an ISO weekday, 1 (Monday) – 7 (Sunday)'));
  checkUnique(errors, settings.weeklyRestDays, String, (i) => `weeklyRestDays[${i}]`);
  errors.check(settings.weeklyRestDays.length < 7, 'weeklyRestDays', 'at least one working weekday');
  throwIfInvalid(CatalogueErrorCode.CalendarInvalid, 'The calendar settings are invalid', errors.errors);
  return { officeHours: settings.officeHours.map((i) => ({ start: i.start, end: i.end })), weeklyRestDays: [...settings.weeklyRestDays].sort((a, b) => a - b) as Weekday[] };
}

export function checkOverride(override: CalendarOverride): CalendarOverride {
  const errors = new FieldErrors();
  checkIsoDate(errors, override.date, 'date');
  errors.check(isOneOf(OVERRIDE_KINDS, override.kind), 'kind', 'day_off or working_day');
  checkText(errors, override.reason, 'reason', 300);
  throwIfInvalid(CatalogueErrorCode.CalendarInvalid, 'The calendar override is invalid', errors.errors);
  return { ...override, reason: override.reason.trim() };
}

/** The tenant's WorkingCalendar: the Labour Code 2019 rules, the published yearly lists, then the tenant's data. */
export function buildWorkingCalendar(settings: CalendarSettings, overrides: CalendarOverride[]): WorkingCalendar {
  try {
    return nationalWorkingCalendar({
      officeHours: settings.officeHours,
      weeklyRestDays: settings.weeklyRestDays,
      extraDaysOff: overrides.filter((o) => o.kind === 'day_off').map((o) => o.date),
      extraWorkingDays: overrides.filter((o) => o.kind === 'working_day').map((o) => o.date),
    });
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new CatalogueError(CatalogueErrorCode.CalendarInvalid, 'The stored calendar settings are refused by the calendar', { reason: error.code }, { cause: error });
    }
    throw error;
  }
}

/** Runs a calendar computation, turning the calendar's refusals (a year without rules, no working time) into CALENDAR_UNAVAILABLE. */
export function withCalendar<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new CatalogueError(CatalogueErrorCode.CalendarUnavailable, 'The working calendar cannot answer for this date', { reason: error.code }, { cause: error });
    }
    throw error;
  }
}

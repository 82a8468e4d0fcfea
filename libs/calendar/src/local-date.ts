import { CalendarError, CalendarErrorCode } from './calendar.errors';

/**
 * A calendar date in Vietnam, without time or zone: the unit of working days, days off and the
 * yymmdd of a dossier code. `month` is 1–12, `day` 1–31.
 */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The serialized form of a LocalDate, 'YYYY-MM-DD', used in rule data, published lists and tenant settings. */
export type IsoDate = string;

/** A point in time: a Date or epoch milliseconds (UTC). Results are always returned as Date. */
export type Instant = Date | number;

/** ISO weekday numbers. */
export enum Weekday {
  Monday = 1,
  Tuesday = 2,
  Wednesday = 3,
  Thursday = 4,
  Friday = 5,
  Saturday = 6,
  Sunday = 7,
}

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Asia/Ho_Chi_Minh is UTC+07:00 all year: Vietnam has had no daylight saving time and no offset
 * change since 1975, so a fixed offset is exact for every date this library supports (1975 onwards
 * for working time; the lunar calendar is computed for the 105°E meridian, i.e. UTC+7, too).
 * Nothing here reads the machine's time zone.
 */
export const VIETNAM_UTC_OFFSET_MS = 7 * 3_600_000;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** Only called with a year of 1000–9999 (Date.UTC maps years 0–99 to 1900–1999). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Years 1000–9999: four-digit ISO dates, and `Date.UTC` never reinterprets them as 19xx. */
export function isValidLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'object' || value === null) return false;
  const { year, month, day } = value as Record<string, unknown>;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    (year as number) >= 1000 &&
    (year as number) <= 9999 &&
    (month as number) >= 1 &&
    (month as number) <= 12 &&
    (day as number) >= 1 &&
    (day as number) <= daysInMonth(year as number, month as number)
  );
}

export function assertLocalDate(value: unknown): LocalDate {
  if (!isValidLocalDate(value)) throw new CalendarError(CalendarErrorCode.InvalidDate, { value: String(JSON.stringify(value)).slice(0, 80) });
  return value;
}

/** Builds a validated LocalDate. */
export function localDate(year: number, month: number, day: number): LocalDate {
  return assertLocalDate({ year, month, day });
}

/** Parses 'YYYY-MM-DD' (no time, no zone) into a LocalDate; throws CalendarError(InvalidDate). */
export function parseLocalDate(iso: IsoDate): LocalDate {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!match) throw new CalendarError(CalendarErrorCode.InvalidDate, { value: String(iso).slice(0, 40) });
  return localDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** 'YYYY-MM-DD'. */
export function formatLocalDate(date: LocalDate): IsoDate {
  assertLocalDate(date);
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return toEpochDay(a) - toEpochDay(b);
}

export function sameLocalDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** The date `days` calendar days after (or before, if negative) `date`. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(assertLocalDate(date)) + days);
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(assertLocalDate(date)));
}

/** The local date in Vietnam at `instant`. */
export function toLocalDate(instant: Instant): LocalDate {
  return fromEpochDay(epochDayOfInstant(toEpochMs(instant)));
}

/** The instant of local midnight (00:00 in Vietnam) starting `date`. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(toEpochDay(assertLocalDate(date)) * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS);
}

/**
 * The instant of a wall-clock time in Vietnam, 'YYYY-MM-DDTHH:MM[:SS[.mmm]]' (a space may replace
 * the T). There is no zone suffix on purpose: the string is Vietnamese local time by definition.
 */
export function vietnamInstant(localDateTime: string): Date {
  const match = typeof localDateTime === 'string' ? ISO_LOCAL_DATE_TIME.exec(localDateTime) : null;
  if (!match) throw new CalendarError(CalendarErrorCode.InvalidInstant, { value: String(localDateTime).slice(0, 40) });
  const date = localDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  if (hour > 23 || minute > 59 || second > 59) {
    throw new CalendarError(CalendarErrorCode.InvalidInstant, { value: localDateTime.slice(0, 40) });
  }
  return new Date(startOfLocalDay(date).getTime() + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis);
}

/** 'YYYY-MM-DDTHH:MM:SS.mmm+07:00': an instant as Vietnamese wall-clock time, for messages and logs. */
export function formatVietnamInstant(instant: Instant): string {
  const shifted = new Date(toEpochMs(instant) + VIETNAM_UTC_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 23)}+07:00`;
}

// ---- internal helpers shared by the lib (not exported from index.ts) ----

/** Days since 1970-01-01 of a local date (a pure calendar count: no zone involved). */
export function toEpochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY;
}

export function fromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function epochDayOfInstant(ms: number): number {
  return Math.floor((ms + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** The instant (epoch ms) of local midnight starting the epoch day. */
export function localMidnightMs(epochDay: number): number {
  return epochDay * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS;
}

export function toEpochMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : instant;
  if (typeof ms !== 'number' || !Number.isInteger(ms) || Math.abs(ms) > 8.64e15) {
    throw new CalendarError(CalendarErrorCode.InvalidInstant, { value: String(instant).slice(0, 40) });
  }
  return ms;
}

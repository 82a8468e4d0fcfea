/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7.
 *
 * Algorithm: Hồ Ngọc Đức, "Thuật toán tính âm lịch" (2004), built on Jean Meeus, Astronomical
 * Algorithms (Willmann-Bell, 1998). The structure (month 11, leap month, UTC+7 day boundary) is
 * Hồ Ngọc Đức's; the astronomy is Meeus's: the instant of the k-th new moon with all the periodic
 * and planetary terms of ch. 49 (Hồ Ngọc Đức's published code keeps only the main terms, which puts
 * a few new moons near midnight on the wrong day, e.g. in 2072 and 2077) and ΔT after Espenak &
 * Meeus; the sun's apparent longitude from ch. 25 (low accuracy). The rules of the calendar:
 *   1. a lunar month starts on the local day (UTC+7) of a new moon;
 *   2. month 11 is the month containing the December solstice (sun longitude 270°);
 *   3. when two consecutive month-11s are 13 months apart, the first month after month 11 that
 *      contains no major solar term (trung khí: a multiple of 30° of sun longitude) is a leap
 *      month and repeats the number of the month before it.
 * Because the day boundary is UTC+7 and not China's UTC+8, a new moon between 23:00 and 24:00
 * (UTC+7) starts the month a day earlier in Vietnam: Tết 2030 is 2 February here, 3 February in China.
 *
 * No table is embedded: every month is computed, and cached per year (pure, so the cache is safe).
 */
import { CalendarError, CalendarErrorCode } from './calendar.errors';
import { assertLocalDate, fromEpochDay, LocalDate, toEpochDay } from './local-date';

/** A date in the lunar calendar. `leap` marks the days of a leap (intercalary) month. */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly leap: boolean;
}

/** One month of a lunar year. */
export interface LunarMonth {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** The solar date of its first day (mùng 1). */
  readonly start: LocalDate;
  /** 29 (tháng thiếu) or 30 (tháng đủ). */
  readonly length: 29 | 30;
}

/**
 * Supported years (solar years for solarToLunar, lunar years for lunarToSolar). 1968 is when the
 * Vietnamese lunar calendar moved from UTC+8 to UTC+7; before it this module would compute a
 * calendar Vietnam did not use. Checked month by month against Hồ Ngọc Đức's precomputed tables
 * for 1968–2199: all equal except the 4th month of 2054, whose new moon falls 22 s after local
 * midnight, inside the uncertainty of ΔT that far ahead (the tables say 7 May, this says 8 May).
 */
export const LUNAR_MIN_YEAR = 1968;
export const LUNAR_MAX_YEAR = 2199;

const TIME_ZONE_HOURS = 7;
const DEG = Math.PI / 180;
/** Julian day number of 1970-01-01. */
const JDN_OF_EPOCH_DAY_0 = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon k = 0 (1900-01-01 ≈ 13:52 UT), Hồ Ngọc Đức's origin. */
const NEW_MOON_0 = 2415021.076998695;

/** Julian date (UT) of the k-th new moon after NEW_MOON_0 (Meeus ch. 49, all periodic and planetary terms). */
function newMoon(k: number): number {
  const n = k - 1237; // Meeus counts lunations from the new moon of 2000-01-06
  const T = n / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  const jde = 2451550.09766 + 29.530588861 * n + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = (2.5534 + 29.1053567 * n - 0.0000014 * T2 - 0.00000011 * T3) * DEG;
  const Mp = (201.5643 + 385.81693528 * n + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4) * DEG;
  const F = (160.7108 + 390.67050284 * n - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4) * DEG;
  const omega = (124.7746 - 1.56375588 * n + 0.0020672 * T2 + 0.00000215 * T3) * DEG;
  const sin = Math.sin;
  const periodic =
    -0.4072 * sin(Mp) +
    0.17241 * E * sin(M) +
    0.01608 * sin(2 * Mp) +
    0.01039 * sin(2 * F) +
    0.00739 * E * sin(Mp - M) -
    0.00514 * E * sin(Mp + M) +
    0.00208 * E * E * sin(2 * M) -
    0.00111 * sin(Mp - 2 * F) -
    0.00057 * sin(Mp + 2 * F) +
    0.00056 * E * sin(2 * Mp + M) -
    0.00042 * sin(3 * Mp) +
    0.00042 * E * sin(M + 2 * F) +
    0.00038 * E * sin(M - 2 * F) -
    0.00024 * E * sin(2 * Mp - M) -
    0.00017 * sin(omega) -
    0.00007 * sin(Mp + 2 * M) +
    0.00004 * sin(2 * Mp - 2 * F) +
    0.00004 * sin(3 * M) +
    0.00003 * sin(Mp + M - 2 * F) +
    0.00003 * sin(2 * Mp + 2 * F) -
    0.00003 * sin(Mp + M + 2 * F) +
    0.00003 * sin(Mp - M + 2 * F) -
    0.00002 * sin(Mp - M - 2 * F) -
    0.00002 * sin(3 * Mp + M) +
    0.00002 * sin(4 * Mp);
  const planetary = PLANETARY_TERMS.reduce(
    (sum, [amplitude, a0, a1, a2]) => sum + amplitude * sin((a0 + a1 * n + a2 * T2) * DEG),
    0,
  );
  const tdt = jde + periodic + planetary;
  return tdt - deltaTSeconds(tdt) / 86400;
}

/** Meeus ch. 49 additional corrections: [amplitude (days), A = a0 + a1·k + a2·T² (degrees)]. */
const PLANETARY_TERMS: readonly (readonly [number, number, number, number])[] = [
  [0.000325, 299.77, 0.107408, -0.009173],
  [0.000165, 251.88, 0.016321, 0],
  [0.000164, 251.83, 26.651886, 0],
  [0.000126, 349.42, 36.412478, 0],
  [0.00011, 84.66, 18.206239, 0],
  [0.000062, 141.74, 53.303771, 0],
  [0.00006, 207.14, 2.453732, 0],
  [0.000056, 154.84, 7.30686, 0],
  [0.000047, 34.52, 27.261239, 0],
  [0.000042, 207.19, 0.121824, 0],
  [0.00004, 291.34, 1.844379, 0],
  [0.000037, 161.72, 24.198154, 0],
  [0.000035, 239.56, 25.513099, 0],
  [0.000023, 331.55, 3.592518, 0],
];

/**
 * ΔT = TT − UT in seconds at Julian date `jd`: the polynomials of Espenak & Meeus (NASA, Five
 * Millennium Canon of Solar Eclipses, 2006). Beyond the observed past they are extrapolations:
 * an error of a minute matters only for a new moon within a minute of local midnight.
 */
function deltaTSeconds(jd: number): number {
  const y = 2000 + (jd - 2451544.5) / 365.2425;
  if (y < 1900) {
    const t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (y < 1920) {
    const t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    const t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    const t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    const t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    const t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    const t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  return y < 2150 ? -20 + 32 * u * u - 0.5628 * (2150 - y) : -20 + 32 * u * u;
}

/** The sun's apparent longitude in radians, [0, 2π), at Julian date `jd` (Meeus ch. 25, low accuracy). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let center = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  center += (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const omega = 125.04 - 1934.136 * T;
  const apparent = (L0 + center - 0.00569 - 0.00478 * Math.sin(omega * DEG)) * DEG; // nutation and aberration
  return apparent - 2 * Math.PI * Math.floor(apparent / (2 * Math.PI));
}

/** Which 30° sector (0–11) the sun is in at local (UTC+7) midnight starting Julian day number `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** Julian day number of the local (UTC+7) day of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

function julianDayNumber(date: LocalDate): number {
  return toEpochDay(date) + JDN_OF_EPOCH_DAY_0;
}

function fromJulianDayNumber(jdn: number): LocalDate {
  return fromEpochDay(jdn - JDN_OF_EPOCH_DAY_0);
}

const month11Cache = new Map<number, number>();

/** Julian day number of the first day of lunar month 11 (the month of the December solstice) of solar year `year`. */
function lunarMonth11(year: number): number {
  const cached = month11Cache.get(year);
  if (cached !== undefined) return cached;
  const k = Math.floor((julianDayNumber({ year, month: 12, day: 31 }) - 2415021) / SYNODIC_MONTH);
  let start = newMoonDay(k);
  if (sunSector(start) >= 9) start = newMoonDay(k - 1); // the sun was already past 270° at that new moon
  month11Cache.set(year, start);
  return start;
}

/** Index (1 = the month right after month 11) of the leap month in the 13-month span starting at `a11`. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== previous && i < 14);
  return i - 1;
}

interface MonthSpan {
  readonly year: number;
  readonly month: number;
  readonly leap: boolean;
  /** Julian day number of day 1. */
  readonly start: number;
  readonly length: 29 | 30;
}

const spanCache = new Map<number, readonly MonthSpan[]>();

/**
 * The months from month 11 of lunar year `year` up to (not including) month 11 of `year + 1`:
 * 11, 12 (of `year`), 1 … 10 (of `year + 1`), with one leap month among them when there are 13.
 */
function monthsFromMonth11(year: number): readonly MonthSpan[] {
  const cached = spanCache.get(year);
  if (cached) return cached;
  const a11 = lunarMonth11(year);
  const b11 = lunarMonth11(year + 1);
  const k = Math.floor((a11 - NEW_MOON_0) / SYNODIC_MONTH + 0.5);
  const count = b11 - a11 > 365 ? 13 : 12;
  const leapIndex = count === 13 ? leapMonthOffset(a11) : -1;
  const starts = Array.from({ length: count }, (_, i) => (i === 0 ? a11 : newMoonDay(k + i)));
  const spans = starts.map((start, i): MonthSpan => {
    const next = i + 1 < count ? starts[i + 1] : b11;
    const length = next - start;
    if (length !== 29 && length !== 30) {
      throw new Error(`lunar month of ${length} days after month 11 of ${year}: the algorithm left its range`);
    }
    const shifted = leapIndex >= 0 && i >= leapIndex ? 10 + i : 11 + i;
    const month = shifted > 12 ? shifted - 12 : shifted;
    return { year: month >= 11 && i < 4 ? year : year + 1, month, leap: i === leapIndex, start, length };
  });
  spanCache.set(year, spans);
  return spans;
}

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new CalendarError(CalendarErrorCode.YearOutOfRange, { year, min: LUNAR_MIN_YEAR, max: LUNAR_MAX_YEAR }, `${what} year ${year} out of range`);
  }
}

/** The lunar date of a solar (Gregorian) date, as reckoned in Vietnam. */
export function solarToLunar(date: LocalDate): LunarDate {
  assertLocalDate(date);
  assertYear(date.year, 'solar');
  const jdn = julianDayNumber(date);
  const spans = monthsFromMonth11(jdn >= lunarMonth11(date.year) ? date.year : date.year - 1);
  let index = spans.length - 1;
  while (spans[index].start > jdn) index -= 1;
  const span = spans[index];
  return { year: span.year, month: span.month, day: jdn - span.start + 1, leap: span.leap };
}

/**
 * The solar date of a lunar date. Throws CalendarError(InvalidLunarDate) when the date does not
 * exist: `leap: true` on a month that is not the year's leap month, or day 30 of a 29-day month.
 */
export function lunarToSolar(lunar: LunarDate): LocalDate {
  const { year, month, day, leap } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30 || typeof leap !== 'boolean') {
    throw new CalendarError(CalendarErrorCode.InvalidLunarDate, { year, month, day, leap });
  }
  assertYear(year, 'lunar');
  const span = monthsFromMonth11(month >= 11 ? year : year - 1).find((s) => s.year === year && s.month === month && s.leap === leap);
  if (!span || day > span.length) {
    throw new CalendarError(CalendarErrorCode.InvalidLunarDate, { year, month, day, leap, monthLength: span?.length });
  }
  return fromJulianDayNumber(span.start + day - 1);
}

/** The months of lunar year `year` in order (12, or 13 with the leap month after its namesake). */
export function lunarYearMonths(year: number): readonly LunarMonth[] {
  assertYear(year, 'lunar');
  const spans = [...monthsFromMonth11(year - 1), ...monthsFromMonth11(year)].filter((s) => s.year === year);
  return spans.map((s) => ({ year: s.year, month: s.month, leap: s.leap, start: fromJulianDayNumber(s.start), length: s.length }));
}

/** The number of the leap month of lunar year `year` (tháng nhuận), or null in a common year. */
export function lunarLeapMonth(year: number): number | null {
  return lunarYearMonths(year).find((m) => m.leap)?.month ?? null;
}

/** The solar date of Tết (1st day of the 1st lunar month) in solar year `year`. */
export function lunarNewYear(year: number): LocalDate {
  return lunarToSolar({ year, month: 1, day: 1, leap: false });
}

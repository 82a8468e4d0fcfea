export { CalendarError, CalendarErrorCode } from './calendar.errors';
export {
  addCalendarDays,
  compareLocalDates,
  formatLocalDate,
  formatVietnamInstant,
  isValidLocalDate,
  localDate,
  parseLocalDate,
  sameLocalDate,
  startOfLocalDay,
  toLocalDate,
  vietnamInstant,
  weekdayOf,
  VIETNAM_TIME_ZONE,
  VIETNAM_UTC_OFFSET_MS,
  Weekday,
} from './local-date';
export type { Instant, IsoDate, LocalDate } from './local-date';
export { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, lunarLeapMonth, lunarNewYear, lunarToSolar, lunarYearMonths, solarToLunar } from './lunar';
export type { LunarDate, LunarMonth } from './lunar';
export { assertHolidayRuleSet, computeRuleDaysOff, LABOUR_CODE_2019_RULES } from './holiday-rules';
export type { HolidayAnchor, HolidayRule, HolidayRuleSet, RuleDayOff } from './holiday-rules';
export { PUBLISHED_DAYS_OFF } from './published-days-off';
export type { PublishedYearList } from './published-days-off';
export { DEFAULT_OFFICE_HOURS, DEFAULT_WEEKLY_REST_DAYS, WorkingCalendar } from './working-calendar';
export type {
  DayInfo,
  DayKind,
  OfficeHoursInterval,
  ProcessingTime,
  TenantCalendarSettings,
  WorkingCalendarConfig,
} from './working-calendar';
export { nationalWorkingCalendar } from './national-calendar';

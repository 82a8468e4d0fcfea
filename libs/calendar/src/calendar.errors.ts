/** Why a calendar question could not be answered. Codes travel, messages are for developers. */
export enum CalendarErrorCode {
  /** A local date that does not exist or is not a 'YYYY-MM-DD' string. */
  InvalidDate = 'CALENDAR_INVALID_DATE',
  /** A Date that is invalid or an epoch value that is not a finite number of milliseconds. */
  InvalidInstant = 'CALENDAR_INVALID_INSTANT',
  /** A lunar date that does not exist (leap flag on a month that is not leap, day 30 of a 29-day month). */
  InvalidLunarDate = 'CALENDAR_INVALID_LUNAR_DATE',
  /** A negative, non-finite or (for working days) non-integer amount. */
  InvalidAmount = 'CALENDAR_INVALID_AMOUNT',
  /** Tenant settings, rule sets or published lists that contradict themselves. */
  InvalidSettings = 'CALENDAR_INVALID_SETTINGS',
  /** A year outside the range the lunar algorithm is supported for. */
  YearOutOfRange = 'CALENDAR_YEAR_OUT_OF_RANGE',
  /** No published list and no holiday rule set in force for the year. */
  NoRulesForYear = 'CALENDAR_NO_RULES_FOR_YEAR',
  /** Ten years without a working day: settings that declare every day off. */
  NoWorkingTime = 'CALENDAR_NO_WORKING_TIME',
}

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    readonly details: Readonly<Record<string, unknown>> = {},
    message: string = code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CalendarError';
  }
}

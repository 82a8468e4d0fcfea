import { WorkingCalendar } from '@motcua/calendar';

/** The working-time arithmetic the workflow needs, on the tenant's calendar. */
export interface WorkingClock {
  addWorkingTime(from: Date, ms: number): Date;
  workingTimeBetween(from: Date, to: Date): number;
  /** Working milliseconds of one full working day (the office hours). */
  readonly workingDayMs: number;
}

function minutesOf(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function workingClockOf(calendar: WorkingCalendar): WorkingClock {
  const workingDayMs = calendar.officeHours.reduce((sum, interval) => sum + (minutesOf(interval.end) - minutesOf(interval.start)) * 60_000, 0);
  return {
    addWorkingTime: (from, ms) => calendar.addWorkingTime(from, ms),
    workingTimeBetween: (from, to) => (to.getTime() <= from.getTime() ? 0 : calendar.workingTimeBetween(from, to)),
    workingDayMs,
  };
}

/**
 * The first instant, not before `notBefore`, from which at most `leadMs` of working time remains
 * before `due` (a binary search over the monotone working-time count, to the millisecond).
 */
export function workingTimeBefore(clock: WorkingClock, due: Date, leadMs: number, notBefore: Date): Date {
  if (clock.workingTimeBetween(notBefore, due) <= leadMs) return notBefore;
  let low = notBefore.getTime();
  let high = due.getTime();
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (clock.workingTimeBetween(new Date(middle), due) > leadMs) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/**
 * When a dossier becomes due soon: one working day before its deadline (Decree 118: the agency at
 * fault must apologise at least a day ahead), or half its time when it has a day or less.
 */
export function dueSoonInstant(clock: WorkingClock, start: Date, deadline: Date): Date {
  const total = clock.workingTimeBetween(start, deadline);
  const lead = Math.min(clock.workingDayMs, Math.floor(total / 2));
  return workingTimeBefore(clock, deadline, lead, start);
}

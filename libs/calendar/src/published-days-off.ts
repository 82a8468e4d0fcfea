/**
 * The yearly published lists: the days off the Prime Minister and the Ministry fix each year for
 * agencies on a Monday–Friday week (the Tết days, swaps of a weekday off against a Saturday worked).
 * For a year with a list, the list replaces the computed rules entirely: it must name every weekday
 * off. New years arrive as data (catalogue configuration), not as code.
 */
import type { IsoDate } from './local-date';

export interface PublishedYearList {
  readonly year: number;
  /** What the list was taken from, for audit. */
  readonly source: string;
  /** Weekdays off: holidays, Tết days, compensatory days and swapped days. */
  readonly daysOff: readonly IsoDate[];
  /** Weekly rest days worked instead (the Saturdays of the swaps). */
  readonly workingDays: readonly IsoDate[];
}

const SOURCE = 'Yearly notice on holidays for agencies on a Mon–Fri week, as transcribed in DOMAIN.md (verify against the notice)';

export const PUBLISHED_DAYS_OFF: readonly PublishedYearList[] = [
  {
    year: 2024,
    source: SOURCE,
    daysOff: [
      '2024-01-01',
      // Tết Giáp Thìn (New Year's Day Sat 10 Feb): 29 and 30 Chạp, then mùng 3–5 for the weekend.
      '2024-02-08',
      '2024-02-09',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-04-18', // Hùng Kings
      '2024-04-29', // swapped with Saturday 4 May
      '2024-04-30',
      '2024-05-01',
      '2024-09-02',
      '2024-09-03',
    ],
    workingDays: ['2024-05-04'],
  },
  {
    year: 2025,
    source: SOURCE,
    daysOff: [
      '2025-01-01',
      // Tết Ất Tỵ (New Year's Day Wed 29 Jan).
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07', // Hùng Kings
      '2025-04-30',
      '2025-05-01',
      '2025-05-02', // swapped with Saturday 26 April
      '2025-09-01',
      '2025-09-02',
    ],
    workingDays: ['2025-04-26'],
  },
  {
    year: 2026,
    source: SOURCE,
    daysOff: [
      '2026-01-01',
      '2026-01-02', // swapped with Saturday 10 January
      // Tết Bính Ngọ (New Year's Day Tue 17 Feb).
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27', // Hùng Kings fell on Sunday 26 April
      '2026-04-30',
      '2026-05-01',
      '2026-08-31', // swapped with Saturday 22 August
      '2026-09-01',
      '2026-09-02',
    ],
    workingDays: ['2026-01-10', '2026-08-22'],
  },
];

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { actorSchema, instantSchema } from '../procedure/version-summary';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * A tenant's working calendar changed: its office hours and rest days, or one of its own days.
 * Deadlines computed after `changedAt` use revision `revision`; services that cache a
 * calendar drop it on this event.
 */
export const CalendarChangedV1 = defineEvent(
  'calendar.changed',
  1,
  Topics.catalogue,
  z.strictObject({
    revision: z.int().min(1),
    change: z.enum(['settings', 'override-set', 'override-removed']),
    officeHours: z.array(z.strictObject({ start: clock, end: clock })).min(1),
    weeklyRestDays: z.array(z.int().min(1).max(7)).describe('ISO weekdays, 1 Monday … 7 Sunday'),
    overrideDate: z.iso.date().nullable().describe('The day set or removed; null for a settings change'),
    overrideKind: z.enum(['day_off', 'working_day']).nullable(),
    changedBy: actorSchema,
    changedAt: instantSchema,
  }),
);

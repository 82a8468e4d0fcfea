import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { instant, staff } from './processing-fields';

/** The clock runs again; the deadline and the appointment moved by the paused working time. */
export const DossierProcessingResumedV1 = defineEvent(
  'dossier.processing-resumed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    reason: z.enum(['supplement', 'payment']),
    pausedMs: z.number().int().min(0).describe('Working milliseconds paused'),
    deadlineAt: instant,
    appointmentAt: instant,
    resumedBy: staff,
    resumedAt: instant,
  }),
);

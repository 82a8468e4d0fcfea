import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** A workflow step ended and the dossier moved on (or back): time taken against time allowed, in working milliseconds. */
export const DossierStepCompletedV1 = defineEvent(
  'dossier.step-completed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    fromStep: z.number().int().min(0),
    toStep: z.number().int().min(0),
    outcome: z.enum(['completed', 'sent_back', 'approved']),
    agencyId: agencyCode,
    toAgencyId: agencyCode,
    completedBy: staff,
    completedAt: instant,
    takenMs: z.number().int().min(0),
    allowedMs: z.number().int().min(0),
  }),
);

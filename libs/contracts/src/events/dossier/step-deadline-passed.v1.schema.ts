import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant } from './processing-fields';

/** A workflow step ran past its share of the time. */
export const DossierStepDeadlinePassedV1 = defineEvent(
  'dossier.step-deadline-passed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    step: z.number().int().min(0),
    agencyId: agencyCode,
    stepDueAt: instant,
    markedAt: instant,
  }),
);

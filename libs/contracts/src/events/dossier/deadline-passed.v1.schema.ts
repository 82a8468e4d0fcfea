import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant } from './processing-fields';

/** The dossier is overdue: not decided by its deadline. */
export const DossierDeadlinePassedV1 = defineEvent(
  'dossier.deadline-passed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode.describe('The agency holding the dossier, at fault'),
    deadlineAt: instant,
    apologised: z.boolean(),
    markedAt: instant,
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant } from './processing-fields';

/** One working day (or less) is left before the deadline: the agency holding the dossier must apologise with a new appointment if it will be late. */
export const DossierDeadlineApproachedV1 = defineEvent(
  'dossier.deadline-approached',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode.describe('The agency holding the dossier (at fault if late)'),
    deadlineAt: instant,
    markedAt: instant,
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant } from './processing-fields';

/** Processing stopped because the applicant withdrew the dossier before a decision. */
export const DossierProcessingStoppedV1 = defineEvent(
  'dossier.processing-stopped',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    stoppedAt: instant,
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** Processing waits for the applicant (a supplement) or for a financial obligation: the dossier's clock stops. */
export const DossierProcessingPausedV1 = defineEvent(
  'dossier.processing-paused',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    reason: z.enum(['supplement', 'payment']),
    agencyId: agencyCode,
    itemCount: z.number().int().min(0).describe('How many items were asked for (their text stays in processing)'),
    pausedBy: staff,
    pausedAt: instant,
  }),
);

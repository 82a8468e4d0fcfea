import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** The result went back to the applicant by the chosen channel; postal returns are for the postal service. */
export const DossierResultReturnedV1 = defineEvent(
  'dossier.result-returned',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    channel: z.enum(['online', 'desk', 'postal']),
    agencyId: agencyCode,
    deskId: z.string().min(1),
    resultId: z.uuid(),
    returnedBy: staff,
    returnedAt: instant,
    onTheSpot: z.boolean(),
  }),
);

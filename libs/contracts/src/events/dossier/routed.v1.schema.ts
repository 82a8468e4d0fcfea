import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** The received dossier goes to its competent agency (location-independent intake: the receiving desk may be elsewhere). */
export const DossierRoutedV1 = defineEvent(
  'dossier.routed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    receivingAgencyId: agencyCode,
    receivingDeskId: z.string().min(1),
    competentAgencyId: agencyCode,
    locationIndependent: z.boolean().describe('The desk is not one of the competent agency'),
    routedAt: z.iso.datetime({ offset: true }),
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** The applicant withdrew the dossier before a result (Decree 118 art. 21). */
export const DossierWithdrawnV1 = defineEvent(
  'dossier.withdrawn',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    previousStatus: z.string().min(1),
    withdrawnAt: z.iso.datetime({ offset: true }),
  }),
);

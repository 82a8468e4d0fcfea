import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** The applicant completed the dossier after a supplement request (the same dossier). */
export const DossierResubmittedV1 = defineEvent(
  'dossier.resubmitted',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    resubmittedAt: z.iso.datetime({ offset: true }),
  }),
);

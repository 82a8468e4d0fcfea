import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** A dossier was submitted (online, at a desk or by post). No personal data: the applicant is a per-tenant pseudonym. */
export const DossierSubmittedV1 = defineEvent(
  'dossier.submitted',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    procedureId: z.uuid(),
    procedureCode: z.string().min(1),
    agencyId: z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/).describe('Identifier code of the competent agency'),
    channel: z.enum(['online', 'desk', 'postal']),
    applicantPseudonym: z.string().regex(/^[0-9a-f]{64}$/),
    submittedAt: z.iso.datetime({ offset: true }),
  }),
);

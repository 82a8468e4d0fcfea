import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** A desk refused the dossier, with reasons. */
export const DossierRefusedV1 = defineEvent(
  'dossier.refused',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    deskId: z.string().min(1),
    reasons: z.array(z.string().min(1).max(500)).min(1),
    refusedBy: z.string().min(1),
    refusedAt: z.iso.datetime({ offset: true }),
  }),
);

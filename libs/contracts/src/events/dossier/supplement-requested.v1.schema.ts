import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

const agencyCode = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/);

/** A desk officer asked for a supplement: every missing or wrong item at once (only one request per dossier). */
export const DossierSupplementRequestedV1 = defineEvent(
  'dossier.supplement-requested',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    agencyId: agencyCode,
    deskId: z.string().min(1),
    items: z.array(z.strictObject({ componentCode: z.string(), reason: z.string().min(1).max(500) })).min(1),
    requestedBy: z.string().min(1),
    requestedAt: z.iso.datetime({ offset: true }),
  }),
);

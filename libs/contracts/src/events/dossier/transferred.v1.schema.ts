import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** Inter-agency flow (liên thông): the dossier left one agency or level for another (the process control slip). */
export const DossierTransferredV1 = defineEvent(
  'dossier.transferred',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    fromStep: z.number().int().min(0),
    fromAgencyId: agencyCode,
    toAgencyId: agencyCode,
    sentBy: staff,
    sentAt: instant,
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** The fees of a received dossier, assessed by the catalogue (channel discounts included), for payment. Integer VND. */
export const DossierFeesAssessedV1 = defineEvent(
  'dossier.fees-assessed',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    procedureVersionId: z.uuid(),
    channel: z.enum(['online', 'desk', 'postal']),
    lines: z.array(
      z.strictObject({
        item: z.string().min(1),
        kind: z.enum(['fee', 'charge']),
        type: z.enum(['base', 'exemption', 'discount']),
        rule: z.string(),
        amount: z.number().int(),
      }),
    ),
    total: z.number().int().min(0),
    assessedAt: z.iso.datetime({ offset: true }),
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { agencyCode, instant, staff } from './processing-fields';

/** The dossier is processed (Đã xử lý xong): approved, or refused with reasons kept in processing. */
export const DossierDecidedV1 = defineEvent(
  'dossier.decided',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    decision: z.enum(['approved', 'refused']),
    agencyId: agencyCode,
    decidedBy: staff,
    decidedAt: instant,
    deadlineAt: instant,
    onTime: z.boolean().describe('Decided by the deadline, asked for a supplement at most once'),
    onTheSpot: z.boolean(),
    resultId: z.uuid(),
  }),
);

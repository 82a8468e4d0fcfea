import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/**
 * A document of the applicant's wallet satisfied a component of a dossier (counted by the
 * digitization indices). Keyed by the dossier, on its topic. No personal data: ids and codes only.
 */
export const DocumentReusedV1 = defineEvent(
  'document.reused',
  1,
  Topics.dossier,
  z.strictObject({
    reuseId: z.uuid(),
    documentId: z.uuid(),
    dossierId: z.uuid(),
    componentCode: z.string().min(1).max(50),
    documentType: z.string().max(100).describe('Document type code; empty when unknown'),
    reusedAt: z.iso.datetime({ offset: true }).describe('RFC 3339 instant'),
  }),
);

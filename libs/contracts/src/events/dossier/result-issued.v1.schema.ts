import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/**
 * A dossier's result document was issued: rendered, hashed and signed with the tenant's key.
 * No personal data: the document is named by ids and its hash.
 */
export const DossierResultIssuedV1 = defineEvent(
  'dossier.result-issued',
  1,
  Topics.dossier,
  z.strictObject({
    dossierId: z.uuid(),
    resultId: z.uuid(),
    decision: z.enum(['approved', 'refused']),
    documentType: z.string().min(1).max(100),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.uuid(),
    issuedAt: z.iso.datetime({ offset: true }),
    agencyId: z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/).describe('Identifier code of the issuing agency'),
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/**
 * A version of an administrative procedure (TTHC) was published in a tenant's catalogue.
 * Intake caches procedures and drops its cached copy on this event.
 */
export const ProcedurePublishedV1 = defineEvent(
  'procedure.published',
  1,
  Topics.catalogue,
  z.strictObject({
    procedureId: z.uuid(),
    code: z.string().min(1).max(64).describe('National procedure code, e.g. "1.001193"'),
    name: z.string().min(1).max(500).describe('Vietnamese name of the procedure'),
    processingDays: z.int().min(0).max(3650).describe('Processing time in working days'),
    version: z.int().min(1).describe('Version of the procedure; a new publication increments it'),
    agencyId: z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/).describe('Identifier code of the competent agency, e.g. "000.00.17.H33"'),
    components: z
      .array(
        z.strictObject({
          code: z.string().min(1).max(64).describe('Component code, stable within the procedure, e.g. "TK01"'),
          mandatory: z.boolean(),
        }),
      )
      .describe('Components (papers) a dossier of this procedure is made of'),
  }),
);

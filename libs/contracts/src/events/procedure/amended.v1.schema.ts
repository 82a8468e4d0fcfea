import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { instantSchema, procedureVersionSummary } from './version-summary';

/**
 * A new version of a procedure was published. From its `effectiveFrom` it replaces the
 * previous version, which ends then; dossiers received before keep their version.
 */
export const ProcedureAmendedV1 = defineEvent(
  'procedure.amended',
  1,
  Topics.catalogue,
  z.strictObject({
    ...procedureVersionSummary,
    supersedesVersionId: z.uuid().nullable().describe('The version this one ends; null when the procedure had been withdrawn and is published again'),
    supersededUntil: instantSchema.nullable().describe('End of the superseded version (this version’s start); null with supersedesVersionId'),
  }),
);

import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { actorSchema, decisionSchema, instantSchema } from './version-summary';

/** A procedure was withdrawn: its current version ends at `effectiveTo` and nothing is in force after it. */
export const ProcedureWithdrawnV1 = defineEvent(
  'procedure.withdrawn',
  1,
  Topics.catalogue,
  z.strictObject({
    procedureId: z.uuid(),
    versionId: z.uuid().describe('The version that ends'),
    code: z.string().min(1).max(64),
    version: z.int().min(1),
    effectiveTo: instantSchema.describe('End of the version (excluded)'),
    decision: decisionSchema,
    withdrawnBy: actorSchema,
    withdrawnAt: instantSchema,
  }),
);

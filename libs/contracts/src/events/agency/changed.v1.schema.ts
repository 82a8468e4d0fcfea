import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { actorSchema, agencyIdSchema, instantSchema } from '../procedure/version-summary';

/** An agency of a tenant was registered or changed (its whole new state). */
export const AgencyChangedV1 = defineEvent(
  'agency.changed',
  1,
  Topics.catalogue,
  z.strictObject({
    agencyId: agencyIdSchema,
    name: z.string().min(1).max(300),
    kind: z.enum(['people_committee', 'department', 'service_centre', 'other']),
    unitCode: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/),
    parentId: agencyIdSchema.nullable(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
    created: z.boolean(),
    changedBy: actorSchema,
    changedAt: instantSchema,
  }),
);

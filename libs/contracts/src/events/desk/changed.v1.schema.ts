import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { actorSchema, agencyIdSchema, instantSchema, procedureLevelSchema } from '../procedure/version-summary';

/** A one-stop desk was registered or changed: what it may receive (its whole new state). */
export const DeskChangedV1 = defineEvent(
  'desk.changed',
  1,
  Topics.catalogue,
  z.strictObject({
    deskId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/),
    name: z.string().min(1).max(300),
    agencyId: agencyIdSchema,
    unitCodes: z.array(z.string().regex(/^(\d{2}|\d{3}|\d{5})$/)),
    procedureCodes: z.array(z.string().min(1).max(64)),
    levels: z.array(procedureLevelSchema),
    active: z.boolean(),
    created: z.boolean(),
    changedBy: actorSchema,
    changedAt: instantSchema,
  }),
);

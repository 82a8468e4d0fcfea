import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';
import { actorSchema, instantSchema } from '../procedure/version-summary';

/** An administrative unit of a tenant was registered or changed (its whole new state). */
export const AdministrativeUnitChangedV1 = defineEvent(
  'administrative-unit.changed',
  1,
  Topics.catalogue,
  z.strictObject({
    code: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/).describe('Official code: province 2 digits, district 3, commune 5'),
    name: z.string().min(1).max(200),
    level: z.enum(['province', 'district', 'commune']),
    parentCode: z.string().regex(/^(\d{2}|\d{3})$/).nullable(),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable().describe('Exclusive; null: still valid'),
    created: z.boolean().describe('First registration (false: a change)'),
    changedBy: actorSchema,
    changedAt: instantSchema,
  }),
);

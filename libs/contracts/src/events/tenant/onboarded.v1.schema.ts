import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/** A province joined the platform as a tenant; every service may now accept its requests. */
export const TenantOnboardedV1 = defineEvent(
  'tenant.onboarded',
  1,
  Topics.tenant,
  z.strictObject({
    tenantId: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,39}$/)
      .describe('Stable tenant slug, e.g. "hung-yen"'),
    officialCode: z
      .string()
      .regex(/^\d{2}$/)
      .describe('Two-digit official provincial code, e.g. "33"'),
    name: z.string().min(1).max(200).describe('Official Vietnamese name of the province'),
    onboardedAt: z.iso.datetime({ offset: true }).describe('RFC 3339 instant'),
  }),
);

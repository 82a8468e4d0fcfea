import { z } from 'zod';
import { TrustedIssuer, validateTrustedIssuers } from '@motcua/auth';
import { baseServiceEnv, loadConfig } from '@motcua/platform';
import { isTenantId } from '@motcua/tenancy';

const hostPort = z.string().regex(/^[\w.-]+:\d+$/, 'host:port');

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, context): z.infer<T> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      context.addIssue({ code: 'custom', message: 'not valid JSON' });
      return z.NEVER;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
      return z.NEVER;
    }
    return result.data;
  });

const trustedIssuer = z.object({
  issuer: z.string().min(1),
  audience: z.string().min(1),
  jwksUri: z.string().min(1),
  audienceKind: z.enum(['citizen', 'staff', 'national']),
  tenantId: z.string().refine(isTenantId, 'a tenant id').optional(),
});

const schema = baseServiceEnv.extend({
  TENANTS_GRPC_URL: hostPort,
  CATALOGUE_GRPC_URL: hostPort,
  INTAKE_GRPC_URL: hostPort,
  PROCESSING_GRPC_URL: hostPort,
  EVALUATION_GRPC_URL: hostPort,
  GRPC_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
  /** JSON array of trusted token issuers: [{issuer, audience, jwksUri, audienceKind, tenantId?}]. */
  AUTH_ISSUERS: json(z.array(trustedIssuer).min(1)).superRefine((issuers, context) => {
    try {
      validateTrustedIssuers(issuers as TrustedIssuer[]);
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  }),
  /** JSON object: a province's host name → its tenant id. */
  TENANT_HOSTS: json(z.record(z.string(), z.string().refine(isTenantId, 'a tenant id'))).default({}),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The only reader of the environment in the gateway. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('gateway', schema, env);
}

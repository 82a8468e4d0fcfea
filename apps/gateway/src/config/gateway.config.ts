import { z } from 'zod';
import { TrustedIssuer, validateTrustedIssuers } from '@motcua/auth';
import { baseServiceEnv, kafkaEnv, loadConfig } from '@motcua/platform';
import { isTenantId } from '@motcua/tenancy';
import { isOrigin } from '../http/cors';

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

const positiveMs = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
/** Requests per window; 0 turns the limit off. */
const requestLimit = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/**
 * Fastify's `trustProxy`: unset/`false` uses the peer address; `true` trusts every proxy; a
 * number trusts that many hops; otherwise a comma-separated list of proxy addresses or CIDRs.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string[] => {
    const text = value.trim();
    if (text === '' || text === 'false') return false;
    if (text === 'true') return true;
    if (/^\d+$/.test(text)) return Number(text);
    return text.split(',').map((entry) => entry.trim()).filter(Boolean);
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
  /**
   * Largest document upload in bytes: set it to intake's DOCUMENT_MAX_BYTES (same name, same
   * default 10 MiB). It sizes the upload route's body limit (base64 in JSON) and the gRPC
   * message limit towards intake; BODY_LIMIT_BYTES stays the limit of every other route.
   */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  /** Audit entries go to Kafka (the gateway has no database). */
  ...kafkaEnv.pick({ KAFKA_BROKERS: true, KAFKA_IDEMPOTENT_PRODUCER: true }).shape,
  /** Shared state of the gateway replicas (rate limits, idempotency); unset: in memory, one replica only. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.:-]{0,64}$/).default('motcua:gateway:'),
  RATE_LIMIT_CLIENT_MAX: requestLimit(600),
  RATE_LIMIT_CLIENT_WINDOW_MS: positiveMs(60_000),
  RATE_LIMIT_TENANT_MAX: requestLimit(30_000),
  RATE_LIMIT_TENANT_WINDOW_MS: positiveMs(60_000),
  /** How long a stored answer to an Idempotency-Key is replayed. */
  IDEMPOTENCY_TTL_MS: positiveMs(86_400_000),
  /** How long an execution holds its key: longer than any request takes, short enough to recover from a crash. */
  IDEMPOTENCY_LOCK_TTL_MS: positiveMs(30_000),
  /** How long a concurrent retry waits for the first execution's answer before 409. */
  IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(0).default(2_000),
  TRUST_PROXY: trustProxy,
  /** JSON object: a tenant id (or "*": every tenant) → browser origins allowed to call the API for it. */
  CORS_ORIGINS: json(z.record(z.string().refine((key) => key === '*' || isTenantId(key), 'a tenant id or "*"'), z.array(z.string().refine(isOrigin, 'an origin: scheme://host[:port], lower case')))).default({}),
  /** How often the gateway probes its services' gRPC health; 0: only readiness and failed calls probe. */
  DEPENDENCY_PROBE_INTERVAL_MS: z.coerce.number().int().min(0).default(2_000),
  DEPENDENCY_PROBE_TIMEOUT_MS: z.coerce.number().int().min(50).default(1_000),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** The only reader of the environment in the gateway. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('gateway', schema, env);
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isTenantId } from '@motcua/tenancy';

/** Key of CORS_ORIGINS whose origins every tenant (and the national routes) allows. */
export const ANY_TENANT = '*';

export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'If-None-Match',
  'X-Request-Id',
  'X-Tenant-Id',
  'traceparent',
] as const;
/** Response headers a browser script may read besides the CORS-safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['ETag', 'Link', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotency-Key'] as const;
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** `scheme://host[:port]`, lower case: the form an `Origin` header takes. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

export function isOrigin(value: string): boolean {
  return ORIGIN.test(value);
}

/**
 * Which browser origins may call the API for which province (CORS_ORIGINS). A tenant's web
 * apps are allowed for that tenant only; origins under `*` for every tenant.
 */
export class CorsPolicy {
  private readonly byTenant: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly anywhere: ReadonlySet<string>;

  constructor(
    origins: Readonly<Record<string, readonly string[]>>,
    private readonly tenantHosts: Readonly<Record<string, string>> = {},
  ) {
    const byTenant = new Map<string, ReadonlySet<string>>();
    for (const [tenant, list] of Object.entries(origins)) {
      if (tenant !== ANY_TENANT && !isTenantId(tenant)) throw new Error(`CORS origins for "${tenant}": not a tenant id or "${ANY_TENANT}"`);
      const bad = list.filter((origin) => !isOrigin(origin));
      if (bad.length > 0) throw new Error(`CORS origins for "${tenant}": not origins: ${bad.join(', ')}`);
      byTenant.set(tenant, new Set(list));
    }
    this.anywhere = byTenant.get(ANY_TENANT) ?? new Set();
    byTenant.delete(ANY_TENANT);
    this.byTenant = byTenant;
  }

  /** Whether `origin` may read answers about `tenantId` (undefined: a request naming no province). */
  allows(origin: string, tenantId: string | undefined): boolean {
    if (this.anywhere.has(origin)) return true;
    return tenantId !== undefined && (this.byTenant.get(tenantId)?.has(origin) ?? false);
  }

  /** Whether any tenant allows `origin` (a preflight names no province: the header's value is not sent). */
  allowsForSomeTenant(origin: string): boolean {
    return this.anywhere.has(origin) || [...this.byTenant.values()].some((origins) => origins.has(origin));
  }

  /**
   * The province a request names before the token is read: `X-Tenant-Id`, else the host's.
   * A request naming it only through its token gets the `*` origins: browsers send the header.
   */
  tenantOf(request: Pick<FastifyRequest, 'headers'>): string | undefined {
    const header = request.headers['x-tenant-id'];
    const value = Array.isArray(header) ? header[0] : header;
    if (value !== undefined && isTenantId(value)) return value;
    const host = request.headers.host?.split(':')[0]?.toLowerCase();
    return host ? this.tenantHosts[host] : undefined;
  }
}

function isPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && typeof request.headers.origin === 'string' && request.headers['access-control-request-method'] !== undefined;
}

function answerPreflight(policy: CorsPolicy, request: FastifyRequest, reply: FastifyReply, origin: string): FastifyReply {
  void reply.header('Vary', 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers');
  const tenant = policy.tenantOf(request);
  const allowed = tenant === undefined ? policy.allowsForSomeTenant(origin) : policy.allows(origin, tenant);
  if (allowed) {
    void reply.headers({
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': CORS_ALLOWED_METHODS.join(', '),
      'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
      'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
    });
  }
  return reply.code(204).send();
}

/**
 * CORS per tenant: preflights are answered here (204; without CORS headers when the origin
 * is not allowed, which the browser treats as a refusal). Other requests from an allowed
 * origin get `Access-Control-Allow-Origin` at once, so their errors are readable too; a
 * request from an origin the request's province does not allow gets no CORS header.
 */
export function applyCors(fastify: FastifyInstance, policy: CorsPolicy): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return;
    if (isPreflight(request)) return answerPreflight(policy, request, reply, origin);
    void reply.header('Vary', 'Origin');
    if (policy.allows(origin, policy.tenantOf(request))) {
      void reply.headers({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', ') });
    }
  });
}

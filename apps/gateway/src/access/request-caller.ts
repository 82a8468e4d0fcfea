import type { FastifyRequest } from 'fastify';

/**
 * Who a verified API request comes from, as the request context interceptor established it:
 * what the gateway's own request guards (rate limits, idempotency, audit) key on. Read it
 * from here, never from headers: only a verified token puts a caller here.
 */
export interface RequestCaller {
  /** The token's `sub` (opaque). */
  subject: string;
  /** The token's issuer: two issuers may use the same subject. */
  issuer: string;
  roles: readonly string[];
  /** The province the request was resolved to; unset on national routes. */
  tenantId?: string;
  traceId: string;
}

const callers = new WeakMap<FastifyRequest, RequestCaller>();

export function setRequestCaller(request: FastifyRequest, caller: RequestCaller): void {
  callers.set(request, caller);
}

/** The verified caller of an API request; undefined before verification and on other routes. */
export function requestCaller(request: FastifyRequest): RequestCaller | undefined {
  return callers.get(request);
}

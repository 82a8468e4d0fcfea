import type { FastifyInstance } from 'fastify';

/** The CSP of JSON answers: nothing may load, nothing may frame them. */
export const JSON_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries (helmet's defaults, trimmed to what an API answers). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': JSON_CONTENT_SECURITY_POLICY,
});

/**
 * Sets the security headers when a request arrives, so errors, 404s and preflights carry
 * them too; a handler may replace one (the docs page has its own CSP). An answer to a
 * request with credentials is never stored by a browser or a proxy.
 */
export function setSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.headers(SECURITY_HEADERS);
    if (request.headers.authorization !== undefined) void reply.header('Cache-Control', 'no-store');
  });
}

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** What an incoming `X-Request-Id` must look like to be echoed: no spaces or control characters. */
const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The correlation id of a request: the caller's own when well-formed, else a fresh UUID. */
export function correlationId(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && WELL_FORMED.test(value) ? value : randomUUID();
}

/** The correlation id given to this request (fastify's own id before the hook ran). */
export function requestIdOf(request: FastifyRequest): string {
  return request.id;
}

/**
 * Every response carries `X-Request-Id`, and the id becomes the request's id: Nest's
 * middleware layer copies it to the raw request, where pino-http reads it, so it is the
 * `reqId` of the request's log lines. This hook runs before that layer.
 */
export function assignRequestIds(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const id = correlationId(request.headers['x-request-id']);
    request.id = id;
    void reply.header(REQUEST_ID_HEADER, id);
  });
}

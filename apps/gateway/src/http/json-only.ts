import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem, HttpProblemCode } from './http-problem';

/** Media types of request bodies the API reads. */
export const ACCEPTED_BODY_TYPES: readonly string[] = ['application/json'];

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/**
 * A body in anything but JSON is refused with 415 before it is read. Fastify and Nest would
 * otherwise parse text and form bodies (a form post needs no CORS preflight).
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (!hasBody(request)) return;
    const type = mediaTypeOf(request.headers['content-type']);
    if (type === undefined || !ACCEPTED_BODY_TYPES.includes(type)) {
      throw new HttpProblem(HttpProblemCode.UnsupportedMediaType, `Request bodies must be ${ACCEPTED_BODY_TYPES.join(' or ')}`);
    }
  });
}

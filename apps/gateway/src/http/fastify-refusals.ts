import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblemCode } from './http-problem';

/**
 * Fastify's own refusals reach the exception filter through Nest, which keeps only their
 * message and status. The `onError` hook runs first and remembers the error's code here, so
 * the filter can give each refusal its stable problem type.
 */
const refusals = new WeakMap<FastifyRequest, string>();

const REFUSAL_CODES: Readonly<Record<string, HttpProblemCode>> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: HttpProblemCode.BodyMalformed,
  FST_ERR_CTP_INVALID_JSON_BODY: HttpProblemCode.BodyMalformed,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: HttpProblemCode.BodyMalformed,
  FST_ERR_CTP_BODY_TOO_LARGE: HttpProblemCode.BodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: HttpProblemCode.UnsupportedMediaType,
  FST_ERR_BAD_URL: HttpProblemCode.UrlMalformed,
};

export function rememberFastifyRefusals(fastify: FastifyInstance): void {
  fastify.addHook('onError', async (request, _reply, error: FastifyError) => {
    if (typeof error.code === 'string' && error.code in REFUSAL_CODES) refusals.set(request, error.code);
  });
}

/** The problem code of the fastify refusal this request met, if any. */
export function fastifyRefusalOf(request: FastifyRequest): HttpProblemCode | undefined {
  const code = refusals.get(request);
  return code === undefined ? undefined : REFUSAL_CODES[code];
}

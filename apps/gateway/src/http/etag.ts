import { createHash } from 'node:crypto';
import { applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { Observable } from 'rxjs';
import { HttpProblem, HttpProblemCode } from './http-problem';

export const ETAG_METADATA = 'motcua:gateway:etag';

/** The strong entity tag of a representation: a hash of its exact bytes. */
export function entityTag(representation: string | Buffer): string {
  return `"${createHash('sha256').update(representation).digest('base64url')}"`;
}

/** The entity tag of a JSON answer as the gateway serializes it (for update routes' preconditions). */
export function entityTagOfJson(body: unknown): string {
  return entityTag(JSON.stringify(body));
}

/** The entity tags of an `If-Match` / `If-None-Match` list; `*` stays `*`. */
export function parseEntityTags(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => tag.replace(/^W\//, '');

/** Whether `If-None-Match` names the current tag (weak comparison, RFC 9110 §13.1.2): answer 304. */
export function matchesIfNoneMatch(header: string | undefined, current: string): boolean {
  if (header === undefined) return false;
  return parseEntityTags(header).some((tag) => tag === '*' || opaque(tag) === opaque(current));
}

const UPDATE_METHODS = new Set(['PUT', 'PATCH']);

/**
 * The `If-Match` precondition of an update (RFC 9110 §13.1.1, strong comparison). `current`
 * is the entity tag of the resource as a GET would answer it now (`entityTagOfJson`), or
 * undefined when it does not exist. PUT and PATCH must carry `If-Match` (428 otherwise);
 * a tag that is not current, or `*` for a missing resource, fails with 412.
 */
export function assertIfMatch(request: { method: string; headers: IncomingHttpHeaders }, current: string | undefined): void {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    if (UPDATE_METHODS.has(request.method.toUpperCase())) {
      throw new HttpProblem(HttpProblemCode.PreconditionRequired, 'Updates need If-Match with the ETag of the representation read');
    }
    return;
  }
  const tags = parseEntityTags(header);
  const satisfied = current !== undefined && tags.some((tag) => tag === '*' || (!tag.startsWith('W/') && tag === current));
  if (!satisfied) throw new HttpProblem(HttpProblemCode.PreconditionFailed, 'If-Match names no current representation');
}

const tagged = new WeakSet<FastifyRequest>();

/** Marks the request so the onSend hook tags its answer. */
@Injectable()
export class EntityTagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    tagged.add(context.switchToHttp().getRequest<FastifyRequest>());
    return next.handle();
  }
}

/**
 * A single-resource GET: its 200 answers carry a strong `ETag` (hash of the body) and
 * `If-None-Match` with that tag gets 304 without a body.
 */
export const ETagged = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ETAG_METADATA, true), UseInterceptors(EntityTagInterceptor));

/** Tags the bodies of ETagged routes once serialized, and answers 304 to a matching `If-None-Match`. */
export function tagEntities(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!tagged.has(request) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const tag = entityTag(payload);
    void reply.header('ETag', tag);
    if (!matchesIfNoneMatch(request.headers['if-none-match'], tag)) return payload;
    void reply.code(304).removeHeader('Content-Type').removeHeader('Content-Length');
    return null;
  });
}

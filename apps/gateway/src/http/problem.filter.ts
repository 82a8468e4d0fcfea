import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import { status as GrpcStatus } from '@grpc/grpc-js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '@motcua/domain-kernel';
import type { Logger } from '@motcua/observability';
import { SERVICE_LOGGER } from '@motcua/platform';
import {
  categoryToGrpcStatus,
  grpcStatusToHttp,
  isGrpcServiceError,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  problemType,
  readRpcError,
  toProblemDetails,
} from '@motcua/rpc';
import { fastifyRefusalOf } from './fastify-refusals';
import { HttpProblem, HttpProblemCode, httpProblemStatus } from './http-problem';
import { GATEWAY_PROBLEM_TEXTS_VI, httpTitleVi } from './problem.messages.vi';
import { requestIdOf } from './request-id';

/** Seconds a client should wait before retrying a route whose service is down. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

export interface ProblemAnswer {
  problem: ProblemDetails;
  headers: Readonly<Record<string, string>>;
}

function describe(code: string) {
  return GATEWAY_PROBLEM_TEXTS_VI[code];
}

function fromCode(code: string, status: number, instance: string, fallbackDetail: string): ProblemDetails {
  const texts = describe(code);
  const title = texts?.title ?? httpTitleVi(status);
  return { type: problemType(code), title, status, detail: texts?.detail ?? fallbackDetail, instance, code };
}

function httpProblem(code: HttpProblemCode, instance: string, headers: Readonly<Record<string, string>> = {}): ProblemAnswer {
  return { problem: fromCode(code, httpProblemStatus(code), instance, code), headers };
}

/**
 * The RFC 9457 answer to anything thrown while serving `instance` (the request path):
 * HTTP-layer problems, domain errors, failed gRPC calls, Nest's and fastify's refusals.
 * `refusal` is the fastify refusal the request met (see fastify-refusals.ts).
 */
export function problemOf(error: unknown, instance: string, refusal?: HttpProblemCode): ProblemAnswer {
  if (error instanceof HttpProblem) {
    const answer = httpProblem(error.code, instance, error.headers);
    if (error.errors?.length) answer.problem.errors = error.errors;
    return answer;
  }
  if (isDomainError(error)) {
    const status = grpcStatusToHttp(categoryToGrpcStatus(error.category), error.category);
    const problem = fromCode(error.code, status, instance, error.message);
    if (error.details.errors?.length) problem.errors = error.details.errors;
    return { problem, headers: {} };
  }
  if (isGrpcServiceError(error)) {
    const info = readRpcError(error);
    // A service that does not answer at all (no domain code): the route degrades, not the gateway.
    if (info.status === GrpcStatus.UNAVAILABLE && info.code === GrpcStatus[GrpcStatus.UNAVAILABLE]) {
      return httpProblem(HttpProblemCode.DependencyUnavailable, instance, { 'Retry-After': String(DEPENDENCY_RETRY_AFTER_SECONDS) });
    }
    return { problem: toProblemDetails(error, instance, { describe }), headers: {} };
  }
  if (refusal) return httpProblem(refusal, instance);
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return httpProblem(HttpProblemCode.RouteNotFound, instance);
    if (status === 413) return httpProblem(HttpProblemCode.BodyTooLarge, instance);
    if (status === 415) return httpProblem(HttpProblemCode.UnsupportedMediaType, instance);
    const code = status === 400 ? 'BAD_REQUEST' : status === 405 ? 'METHOD_NOT_ALLOWED' : `HTTP_${status}`;
    return { problem: fromCode(code, status, instance, httpTitleVi(status)), headers: {} };
  }
  return { problem: toProblemDetails(error, instance, { describe }), headers: {} };
}

/** Every error leaves the gateway as RFC 9457 problem+json, with a stable `type` per code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const instance = request.url.split('?')[0];
    const { problem, headers } = problemOf(error, instance, fastifyRefusalOf(request));
    const fields = { code: problem.code, instance, requestId: requestIdOf(request) };
    if (problem.status >= 500 && problem.code !== HttpProblemCode.DependencyUnavailable) {
      this.logger.error({ ...fields, err: error }, 'request failed');
    } else if (problem.status >= 500) {
      this.logger.warn({ ...fields, ...(error instanceof HttpProblem ? error.details : {}) }, 'dependency unavailable');
    }
    void reply.status(problem.status).headers(headers).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}

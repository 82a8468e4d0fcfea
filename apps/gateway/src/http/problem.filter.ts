import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError } from '@motcua/domain-kernel';
import type { Logger } from '@motcua/observability';
import { SERVICE_LOGGER } from '@motcua/platform';
import { categoryToGrpcStatus, grpcStatusToHttp, isGrpcServiceError, PROBLEM_CONTENT_TYPE, ProblemDetails, problemType, toProblemDetails } from '@motcua/rpc';

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** Every error leaves the gateway as RFC 9457 problem+json, with a stable `type` per code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const instance = request.url.split('?')[0];
    const problem = this.toProblem(error, instance);
    if (problem.status >= 500) this.logger.error({ err: error, code: problem.code, instance }, 'request failed');
    void reply.status(problem.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(error: unknown, instance: string): ProblemDetails {
    if (isDomainError(error)) {
      const status = grpcStatusToHttp(categoryToGrpcStatus(error.category), error.category);
      const problem: ProblemDetails = { type: problemType(error.code), title: error.message, status, detail: error.message, instance, code: error.code };
      if (error.details.errors?.length) problem.errors = error.details.errors;
      return problem;
    }
    if (isGrpcServiceError(error)) return toProblemDetails(error, instance);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'HTTP_ERROR');
      return { type: problemType(code), title: error.message, status, detail: error.message, instance, code };
    }
    const withStatus = error as { statusCode?: number; code?: string; message?: string };
    if (typeof withStatus.statusCode === 'number' && withStatus.statusCode >= 400 && withStatus.statusCode < 500) {
      // Fastify's own refusals (body too large, bad JSON, wrong content type).
      const code = HTTP_CODES[withStatus.statusCode] ?? 'BAD_REQUEST';
      const detail = withStatus.message ?? code;
      return { type: problemType(code), title: detail, status: withStatus.statusCode, detail, instance, code };
    }
    return toProblemDetails(error, instance);
  }
}

import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { requestCaller } from '../access/request-caller';
import { ROUTE_ACCESS } from '../access/route-access.decorator';
import { rateLimitHeaders, RateLimiter } from './rate-limiter';

/** The limited identity of a verified caller: issuer and subject, hashed (bounded, no separators to escape). */
export function clientKey(issuer: string, subject: string): string {
  return createHash('sha256').update(`${issuer}\n${subject}`).digest('base64url').slice(0, 32);
}

/**
 * Every API request counts against its client's limit (the verified caller; the IP when there
 * is none) and its tenant's, shared by all gateway replicas. Over either: 429 problem+json
 * with `Retry-After`; every answer carries the `RateLimit-*` headers. Runs after the request
 * context interceptor (the caller is known) and before anything costly.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    if (!this.reflector.getAllAndOverride(ROUTE_ACCESS, [context.getHandler(), context.getClass()])) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller = requestCaller(request);
    const verdict = await this.limiter.check({
      client: caller ? clientKey(caller.issuer, caller.subject) : `ip:${request.ip}`,
      tenantId: caller?.tenantId,
    });
    if (!verdict) return next.handle();
    void reply.headers(rateLimitHeaders(verdict));
    if (!verdict.admitted) {
      throw new GatewayError(GatewayErrorCode.RateLimited, 'Quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau số giây trong Retry-After.', {
        limit: verdict.binding.name,
      });
    }
    return next.handle();
  }
}

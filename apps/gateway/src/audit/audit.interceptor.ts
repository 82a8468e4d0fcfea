import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { requestCaller } from '../access/request-caller';
import { IDEMPOTENCY_REPLAYED_HEADER } from '../idempotency/idempotency-key';
import { AUDITED_METHODS, auditEntryOf, AuditPlan, CLIENT_CLOSED_REQUEST } from './audit-entry';
import { AUDIT_TENANT_FROM_ANSWER } from './audit-tenant.decorator';
import { AuditTrail } from './audit-trail';

interface AuditState {
  plan: AuditPlan;
  answer?: unknown;
  recorded: boolean;
}

const states = new WeakMap<FastifyRequest, AuditState>();

/**
 * Every authenticated write through the gateway is recorded: the plan is made here (who,
 * roles, tenant, method, route, from where), the answer's id is read as it is sent (onSend),
 * and the entry goes to the audit trail once the response is closed, with the status sent
 * (499 when the client left first).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = requestCaller(request);
    if (!caller || !AUDITED_METHODS.has(request.method)) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const userAgent = request.headers['user-agent'];
    const state: AuditState = {
      plan: {
        tenantId: caller.tenantId,
        tenantFromAnswer: this.reflector.get<string | undefined>(AUDIT_TENANT_FROM_ANSWER, context.getHandler()),
        actorSubject: caller.subject,
        actorRoles: caller.roles,
        method: request.method,
        route: request.routeOptions.url ?? '/unknown',
        traceId: caller.traceId,
        clientIp: request.ip,
        userAgent: typeof userAgent === 'string' ? userAgent : undefined,
      },
      recorded: false,
    };
    states.set(request, state);
    reply.raw.once('close', () => this.record(state, reply));
    return next.handle();
  }

  /** onSend: the id a successful answer names (replays included: they pass here after the replay hook). */
  onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): void {
    const state = states.get(request);
    if (!state || reply.statusCode < 200 || reply.statusCode >= 300) return;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (text === undefined || !/json/i.test(contentType)) return;
    try {
      state.answer = JSON.parse(text);
    } catch {
      // Handled: an answer that is not JSON names no resource; the entry is recorded without one.
      state.answer = undefined;
    }
  }

  private record(state: AuditState, reply: FastifyReply): void {
    if (state.recorded) return;
    state.recorded = true;
    const status = reply.raw.writableFinished ? reply.raw.statusCode : CLIENT_CLOSED_REQUEST;
    const entry = auditEntryOf(state.plan, {
      status,
      answer: state.answer,
      replayed: reply.getHeader(IDEMPOTENCY_REPLAYED_HEADER) === 'true',
      occurredAt: new Date(),
    });
    if (entry) this.trail.record(entry.tenantId, entry.data);
  }
}

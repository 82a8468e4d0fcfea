import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable, of } from 'rxjs';
import type { Logger } from '@motcua/observability';
import { SERVICE_LOGGER } from '@motcua/platform';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { requestCaller } from '../access/request-caller';
import { IDEMPOTENCY_POLICY, IdempotencyPolicy } from './idempotency.decorator';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_REPLAYED_HEADER, idempotencyStoreKey, readIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyClaim, IdempotencyService, IdempotencyStart, IN_PROGRESS_RETRY_AFTER_SECONDS, StoredAnswer } from './idempotency.service';

/** What happens to a request's key, from the interceptor to the answer (the onSend hook). */
type IdempotencyState =
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'claimed'; claim: IdempotencyClaim; traceId: string; phase: 'executing' | 'failed' | 'settled'; clientGone: boolean };

const states = new WeakMap<FastifyRequest, IdempotencyState>();

/** The headers that belong to an answer and are replayed with it. */
const ANSWER_HEADERS = ['content-type', 'location', 'etag'] as const;
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

function answerHeaders(reply: FastifyReply, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ANSWER_HEADERS) {
    const value = reply.getHeader(name);
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  if (contentType !== undefined) headers['content-type'] ??= contentType;
  return headers;
}

/**
 * Idempotency-Key on POST: the first request with a key runs, its answer is stored (under
 * tenant, caller, route and key, with the request's fingerprint) and every retry gets that
 * answer with `Idempotency-Replayed: true`. The success answer is stored here, before it is
 * sent and even when the client is gone (the creation happened); a refusal (4xx) is stored by
 * the onSend hook as it was sent; 5xx answers, and refusals nobody received, free the key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = requestCaller(request);
    if (request.method !== 'POST' || !caller) return next.handle();
    const policy = this.reflector.getAllAndOverride<IdempotencyPolicy | undefined>(IDEMPOTENCY_POLICY, [context.getHandler(), context.getClass()]);
    const key = readIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
    if (key === undefined) {
      if (policy === 'required') {
        throw new GatewayError(GatewayErrorCode.IdempotencyKeyRequired, 'Yêu cầu này phải kèm tiêu đề Idempotency-Key (ví dụ một UUID mới cho mỗi lần tạo).', {
          errors: [{ field: IDEMPOTENCY_KEY_HEADER, message: 'required on this route' }],
        });
      }
      return next.handle();
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const storeKey = idempotencyStoreKey({
      tenant: caller.tenantId ?? 'national',
      issuer: caller.issuer,
      subject: caller.subject,
      route: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      key,
    });
    let start: IdempotencyStart;
    try {
      start = await this.idempotency.start(storeKey, requestFingerprint(request.url, request.body));
    } catch (error) {
      if (error instanceof GatewayError && error.code === GatewayErrorCode.IdempotencyInProgress) {
        void reply.header('Retry-After', String(IN_PROGRESS_RETRY_AFTER_SECONDS));
      }
      throw error;
    }
    if (start.kind === 'replay') {
      states.set(request, { kind: 'replay', answer: start.answer });
      // The stored answer replaces this body in the onSend hook.
      return of(null);
    }
    const state: IdempotencyState = { kind: 'claimed', claim: start.claim, traceId: caller.traceId, phase: 'executing', clientGone: reply.raw.destroyed };
    states.set(request, state);
    reply.raw.once('close', () => {
      state.clientGone = true;
      // A refusal that was never sent: nobody saw it, so nobody may be bound by it.
      if (state.phase === 'failed') void this.release(state);
    });
    const successStatus = reply.statusCode;
    return from(this.execute(next, state, reply, successStatus));
  }

  /** Runs the handler to its end whatever the client does: a creation that happened must be stored. */
  private async execute(next: CallHandler, state: IdempotencyState & { kind: 'claimed' }, reply: FastifyReply, status: number): Promise<unknown> {
    let value: unknown;
    try {
      value = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      if (state.clientGone) await this.release(state);
      else state.phase = 'failed';
      throw error;
    }
    await this.store(state, { status, headers: answerHeaders(reply, JSON_CONTENT_TYPE), body: JSON.stringify(value ?? null) });
    return value;
  }

  /** onSend: a replay gets its stored answer; a refusal that came from running the request is stored (4xx) or frees the key (5xx). */
  async onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const state = states.get(request);
    if (!state) return payload;
    if (state.kind === 'replay') {
      void reply.code(state.answer.status).headers(state.answer.headers).header(IDEMPOTENCY_REPLAYED_HEADER, 'true');
      return state.answer.body;
    }
    if (state.phase !== 'failed') return payload;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (reply.statusCode < 500 && text !== undefined) await this.store(state, { status: reply.statusCode, headers: answerHeaders(reply), body: text });
    else await this.release(state);
    return payload;
  }

  private async store(state: IdempotencyState & { kind: 'claimed' }, answer: StoredAnswer): Promise<void> {
    state.phase = 'settled';
    try {
      if (!(await this.idempotency.complete(state.claim, answer))) {
        this.logger.warn({ traceId: state.traceId, status: answer.status }, 'idempotency claim expired before the answer was stored');
      }
    } catch (error) {
      // Handled: the answer still goes out. The claim frees itself after IDEMPOTENCY_LOCK_TTL_MS;
      // until then retries get 409, after it a retry runs again.
      this.logger.error({ err: error, traceId: state.traceId, status: answer.status }, 'could not store the answer of an idempotent request');
    }
  }

  private async release(state: IdempotencyState & { kind: 'claimed' }): Promise<void> {
    if (state.phase === 'settled') return;
    state.phase = 'settled';
    try {
      await this.idempotency.release(state.claim);
    } catch (error) {
      // Handled: the claim frees itself after IDEMPOTENCY_LOCK_TTL_MS; retries get 409 until then.
      this.logger.error({ err: error, traceId: state.traceId }, 'could not release an idempotency claim');
    }
  }
}

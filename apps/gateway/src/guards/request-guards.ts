import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import { createKafkaClient, errorFields, KafkaEventPublisher } from '@motcua/messaging';
import type { Logger } from '@motcua/observability';
import { ServiceMetrics } from '@motcua/observability';
import { SERVICE_LOGGER } from '@motcua/platform';
import { AuditTrail } from '../audit/audit-trail';
import { AuditInterceptor } from '../audit/audit.interceptor';
import type { GatewayConfig } from '../config/gateway.config';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { RateLimitInterceptor } from '../rate-limit/rate-limit.interceptor';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { GATEWAY_STORE, GatewayStore } from '../store/gateway-store';
import { MemoryGatewayStore } from '../store/memory-gateway-store';
import { RedisGatewayStore } from '../store/redis-gateway-store';

const AUDIT_PUBLISHER = Symbol('AUDIT_PUBLISHER');
/** How long shutdown waits for audit entries still on their way to Kafka. */
const AUDIT_DRAIN_MS = 5_000;

/** Redis when `REDIS_URL` is set (replicas share limits and keys), else this process's memory. */
export function createGatewayStore(config: GatewayConfig, logger: Pick<Logger, 'warn'>): GatewayStore {
  if (!config.REDIS_URL) return new MemoryGatewayStore();
  return new RedisGatewayStore({
    url: config.REDIS_URL,
    keyPrefix: config.REDIS_KEY_PREFIX,
    onError: (error) => logger.warn({ ...errorFields(error) }, 'redis connection problem'),
  });
}

/**
 * Hooks the request guards into fastify (the answer, as it is sent, for idempotency and
 * audit; in that order, so the audit sees a replayed answer), and starts and stops what they
 * hold: the Kafka producer of the audit trail and the shared store.
 */
@Injectable()
export class RequestGuardLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly idempotency: IdempotencyInterceptor,
    private readonly audit: AuditInterceptor,
    private readonly trail: AuditTrail,
    @Inject(AUDIT_PUBLISHER) private readonly publisher: KafkaEventPublisher,
    @Inject(GATEWAY_STORE) private readonly store: GatewayStore,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', async (request, reply, payload) => {
      const sent = await this.idempotency.onSend(request, reply, payload);
      this.audit.onSend(request, reply, sent);
      return sent;
    });
  }

  onApplicationBootstrap(): void {
    // Connecting early only saves the first entry a round trip: publish() connects when needed.
    this.publisher.connect().catch((error: unknown) => {
      this.logger.warn({ ...errorFields(error) }, 'audit producer not connected yet; it connects on the first entry');
    });
  }

  /** After the HTTP server closed: the last answers' entries go out, then the producer and the store close. */
  async onApplicationShutdown(): Promise<void> {
    await this.trail.drain(AUDIT_DRAIN_MS);
    if (this.trail.waiting > 0) this.logger.error({ entries: this.trail.waiting }, 'audit entries lost at shutdown: not published to Kafka');
    await this.publisher.disconnect();
    await this.store.close();
  }
}

/**
 * The gateway's own guards of every API request, in the order they run after the request
 * context interceptor (who, which province): audit plan, rate limits, idempotency. Put these
 * providers right after RequestContextInterceptor: global interceptors run in that order.
 */
export function requestGuardProviders(config: GatewayConfig): Provider[] {
  return [
    {
      provide: GATEWAY_STORE,
      inject: [SERVICE_LOGGER],
      // Not a readiness check: without Redis the gateway still answers (limits fail open, keyed POSTs get 503).
      useFactory: (logger: Logger) => createGatewayStore(config, logger),
    },
    {
      provide: RateLimiter,
      inject: [GATEWAY_STORE, SERVICE_LOGGER],
      useFactory: (store: GatewayStore, logger: Logger) =>
        new RateLimiter(
          store,
          {
            client: { name: 'client', limit: config.RATE_LIMIT_CLIENT_MAX, windowMs: config.RATE_LIMIT_CLIENT_WINDOW_MS },
            tenant: { name: 'tenant', limit: config.RATE_LIMIT_TENANT_MAX, windowMs: config.RATE_LIMIT_TENANT_WINDOW_MS },
          },
          logger,
        ),
    },
    {
      provide: IdempotencyService,
      inject: [GATEWAY_STORE],
      useFactory: (store: GatewayStore) =>
        new IdempotencyService(store, { ttlMs: config.IDEMPOTENCY_TTL_MS, lockTtlMs: config.IDEMPOTENCY_LOCK_TTL_MS, waitMs: config.IDEMPOTENCY_WAIT_MS }),
    },
    {
      provide: AUDIT_PUBLISHER,
      inject: [SERVICE_LOGGER],
      useFactory: (logger: Logger) => {
        const kafka = { brokers: config.KAFKA_BROKERS, clientId: 'motcua-gateway', idempotentProducer: config.KAFKA_IDEMPOTENT_PRODUCER };
        return new KafkaEventPublisher(createKafkaClient(kafka, logger), kafka);
      },
    },
    {
      provide: AuditTrail,
      inject: [AUDIT_PUBLISHER, SERVICE_LOGGER, ServiceMetrics],
      useFactory: (publisher: KafkaEventPublisher, logger: Logger, metrics: ServiceMetrics) => {
        const entries = new Counter({
          name: 'motcua_gateway_audit_entries_total',
          help: 'Audit entries published to Kafka or lost',
          labelNames: ['outcome'],
          registers: [metrics.registry],
        });
        return new AuditTrail(publisher, logger, { onOutcome: (outcome, count) => entries.inc({ outcome }, count) });
      },
    },
    AuditInterceptor,
    RateLimitInterceptor,
    IdempotencyInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
    { provide: APP_INTERCEPTOR, useExisting: RateLimitInterceptor },
    { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
    RequestGuardLifecycle,
  ];
}

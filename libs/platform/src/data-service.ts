import { DynamicModule } from '@nestjs/common';
import { z } from 'zod';
import type { GrpcServiceRef } from '@motcua/contracts';
import { databaseEnv, grpcServiceEnv, kafkaEnv } from './config';
import { DatabaseModule, DatabaseOptions } from './database.module';
import { MessagingModule } from './messaging.module';
import { PlatformModule } from './platform.module';
import { RunningService, startService } from './bootstrap';

/** The environment of a service that owns data: gRPC, its PostgreSQL schema, Kafka. */
export const dataServiceEnv = grpcServiceEnv.extend(databaseEnv.shape).extend(kafkaEnv.shape);
export type DataServiceConfig = z.infer<typeof dataServiceEnv>;

/** The modules every data service imports: logs/metrics/health, its database, its Kafka side. */
export function dataServiceImports(service: string, config: DataServiceConfig, entities: DatabaseOptions['entities']): DynamicModule[] {
  return [
    PlatformModule.forService({ service, logLevel: config.LOG_LEVEL }),
    DatabaseModule.forService({ service, url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities }),
    MessagingModule.forService({
      service,
      brokers: config.KAFKA_BROKERS,
      idempotentProducer: config.KAFKA_IDEMPOTENT_PRODUCER,
      relayUrl: config.OUTBOX_RELAY_DATABASE_URL,
      maxWaitTimeInMs: config.KAFKA_MAX_WAIT_MS,
      sessionTimeoutMs: config.KAFKA_SESSION_TIMEOUT_MS,
      heartbeatIntervalMs: config.KAFKA_HEARTBEAT_MS,
    }),
  ];
}

/** `grpcMaxMessageBytes`: the largest gRPC message the service takes (default @motcua/rpc's). */
export function startDataService(
  module: DynamicModule,
  config: DataServiceConfig,
  services: readonly GrpcServiceRef[],
  options: { grpcMaxMessageBytes?: number } = {},
): Promise<RunningService> {
  return startService({
    module,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT },
    grpc: services.length > 0 ? { url: config.GRPC_URL, services, maxMessageBytes: options.grpcMaxMessageBytes } : undefined,
  });
}

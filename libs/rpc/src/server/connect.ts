import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { GrpcOptions } from '@nestjs/microservices';
import { GrpcExceptionFilter } from './grpc-exception.filter';
import { GrpcHealth } from './grpc-health';
import { grpcMicroserviceOptions, type GrpcMicroserviceConfig } from './grpc-options';
import { TenantContextInterceptor } from './tenant-context.interceptor';

/**
 * Installs GrpcExceptionFilter and TenantContextInterceptor on a gRPC microservice. Call it
 * before the microservice initialises (`listen()` / `init()`): Nest binds global enhancers
 * to the handlers then.
 */
export function useGrpcServerEnhancers(microservice: INestMicroservice): void {
  microservice.useGlobalFilters(new GrpcExceptionFilter());
  microservice.useGlobalInterceptors(new TenantContextInterceptor(microservice.get(Reflector)));
}

/**
 * Attaches the gRPC server to a Nest application (hybrid: the app may also serve HTTP,
 * e.g. metrics) with the error filter and the tenant interceptor bound to the gRPC side
 * only. Start it with `app.startAllMicroservices()`; on shutdown call
 * `health.setAll('NOT_SERVING')` before `app.close()`.
 */
export function connectGrpcMicroservice(
  app: INestApplication,
  config: GrpcMicroserviceConfig,
): { microservice: INestMicroservice; health: GrpcHealth } {
  const health = config.health ?? new GrpcHealth();
  // Deferred: by default Nest registers the handlers inside connectMicroservice, before any
  // global enhancer could be installed on the microservice's own (not inherited) config.
  const microservice = app.connectMicroservice<GrpcOptions>(grpcMicroserviceOptions({ ...config, health }), {
    inheritAppConfig: false,
    deferInitialization: true,
  });
  // The app's init hooks run once, from app.init(); listen() must not run them again.
  (microservice as INestMicroservice & { setIsInitHookCalled(value: boolean): void }).setIsInitHookCalled(true);
  useGrpcServerEnhancers(microservice);
  return { microservice, health };
}

import { DynamicModule, Module } from '@nestjs/common';
import { Readiness } from '@motcua/observability';
import type { GatewayConfig } from '../config/gateway.config';
import { GatewayDependency } from './dependencies';
import { DependencyHealth } from './dependency-health';
import { DependencyInterceptor } from './dependency.interceptor';

/** The gateway's view of its services: readiness per service and per-route degradation (`DependsOn`). */
@Module({})
export class GatewayHealthModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    const urls: Record<GatewayDependency, string> = {
      tenants: config.TENANTS_GRPC_URL,
      catalogue: config.CATALOGUE_GRPC_URL,
      intake: config.INTAKE_GRPC_URL,
      processing: config.PROCESSING_GRPC_URL,
      evaluation: config.EVALUATION_GRPC_URL,
    };
    return {
      module: GatewayHealthModule,
      providers: [
        {
          provide: DependencyHealth,
          inject: [Readiness],
          useFactory: (readiness: Readiness) => {
            const health = new DependencyHealth(urls, { intervalMs: config.DEPENDENCY_PROBE_INTERVAL_MS, timeoutMs: config.DEPENDENCY_PROBE_TIMEOUT_MS });
            health.registerReadiness(readiness);
            return health;
          },
        },
        DependencyInterceptor,
      ],
      exports: [DependencyHealth, DependencyInterceptor],
    };
  }
}

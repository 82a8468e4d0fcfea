import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { createLogger, Readiness, ServiceMetrics } from '@motcua/observability';
import { HealthController } from './health.controller';
import { SERVICE_LOGGER, SERVICE_NAME } from './tokens';

export interface PlatformOptions {
  service: string;
  logLevel?: string;
}

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** What every service shares: structured logs, metrics, readiness and the health endpoints. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const logger = createLogger(options.service, options.logLevel);
    const shared = [
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: SERVICE_LOGGER, useValue: logger },
      { provide: ServiceMetrics, useValue: new ServiceMetrics(options.service) },
      { provide: Readiness, useValue: new Readiness() },
    ];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            quietReqLogger: true,
            autoLogging: { ignore: (request) => QUIET_PATHS.includes(request.url?.split('?')[0] ?? '') },
          },
        }),
      ],
      controllers: [HealthController],
      providers: shared,
      exports: shared.map((provider) => provider.provide),
    };
  }
}

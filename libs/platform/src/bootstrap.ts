import { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as NestPinoLogger } from 'nestjs-pino';
import type { Logger } from '@motcua/observability';
import { Readiness, ServiceMetrics } from '@motcua/observability';
import { connectGrpcMicroservice, GrpcHealth, GrpcMicroserviceConfig } from '@motcua/rpc';
import { RpcMetricsInterceptor } from './rpc-metrics.interceptor';
import { SERVICE_LOGGER } from './tokens';

export interface ServiceStartOptions {
  module: Type<unknown> | DynamicModule;
  shutdownGraceMs: number;
  http: {
    host: string;
    port: number;
    bodyLimitBytes?: number;
    /** Fastify's `trustProxy`: which proxies' X-Forwarded-For to believe for `request.ip`. Default: none. */
    trustProxy?: boolean | number | string[];
  };
  grpc?: GrpcMicroserviceConfig;
  /** Adjusts the HTTP application before it listens (the gateway's pipes, filters, ...). */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

export interface RunningService {
  app: INestApplication;
  httpUrl: string;
  shutdownGraceMs: number;
  /** Unready at once, then drains consumers, in-flight requests and connections. */
  stop(): Promise<void>;
}

export async function startService(options: ServiceStartOptions): Promise<RunningService> {
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module,
    new FastifyAdapter({ bodyLimit: options.http.bodyLimitBytes ?? 1_048_576, trustProxy: options.http.trustProxy ?? false }),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(NestPinoLogger));
  if (options.configure) await options.configure(app);
  let grpcHealth: GrpcHealth | undefined;
  if (options.grpc) {
    const grpc = connectGrpcMicroservice(app, options.grpc);
    grpc.microservice.useGlobalInterceptors(new RpcMetricsInterceptor(app.get(ServiceMetrics)));
    grpcHealth = grpc.health;
    await app.startAllMicroservices();
  }
  await app.listen(options.http.port, options.http.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.http.port;
  const readiness = app.get(Readiness);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      readiness.markShuttingDown();
      grpcHealth?.setAll('NOT_SERVING');
      await app.close();
    })();
    return stopping;
  };
  return { app, httpUrl: `http://${options.http.host}:${port}`, shutdownGraceMs: options.shutdownGraceMs, stop };
}

/**
 * Runs a service as a process: a configuration or start failure exits 1 with its message;
 * SIGTERM/SIGINT stop it gracefully, or exit 1 after the grace period.
 */
export async function runServiceProcess(service: string, start: () => Promise<RunningService>): Promise<void> {
  let running: RunningService;
  try {
    running = await start();
  } catch (error) {
    process.stderr.write(`${service} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = running.app.get<Logger>(SERVICE_LOGGER);
  logger.info({ httpUrl: running.httpUrl }, `${service} started`);
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, `${service} stopping`);
    setTimeout(() => {
      logger.error({ graceMs: running.shutdownGraceMs }, `${service} did not stop in time`);
      process.exit(1);
    }, running.shutdownGraceMs).unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, `${service} failed to stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

import 'reflect-metadata';
import { runServiceProcess, RunningService, startService } from '@motcua/platform';
import { GatewayModule } from './app.module';
import { GatewayConfig, loadGatewayConfig } from './config/gateway.config';
import { configureGatewayHttp } from './http/configure-http';

export function startGateway(config: GatewayConfig): Promise<RunningService> {
  return startService({
    module: GatewayModule.forConfig(config),
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT, bodyLimitBytes: config.BODY_LIMIT_BYTES, trustProxy: config.TRUST_PROXY },
    configure: (app) => configureGatewayHttp(app, config),
  });
}

if (require.main === module) void runServiceProcess('gateway', async () => startGateway(loadGatewayConfig()));

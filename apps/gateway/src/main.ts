import 'reflect-metadata';
import { runServiceProcess, RunningService, startService } from '@motcua/platform';
import { GatewayModule } from './app.module';
import { GatewayConfig, loadGatewayConfig } from './config/gateway.config';

export function startGateway(config: GatewayConfig): Promise<RunningService> {
  return startService({
    module: GatewayModule.forConfig(config),
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    http: { host: config.HTTP_HOST, port: config.HTTP_PORT, bodyLimitBytes: config.BODY_LIMIT_BYTES },
  });
}

if (require.main === module) void runServiceProcess('gateway', async () => startGateway(loadGatewayConfig()));

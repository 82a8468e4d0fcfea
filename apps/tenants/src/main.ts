import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { TenantsModule } from './app.module';
import { loadTenantsConfig, TenantsConfig } from './config/tenants.config';

export function startTenants(config: TenantsConfig): Promise<RunningService> {
  return startDataService(TenantsModule.forConfig(config), config, [GrpcServices.tenants]);
}

if (require.main === module) void runServiceProcess('tenants', async () => startTenants(loadTenantsConfig()));

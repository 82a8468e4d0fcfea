import 'reflect-metadata';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { PostalModule } from './app.module';
import { PostalConfig, loadPostalConfig } from './config/postal.config';

export function startPostal(config: PostalConfig): Promise<RunningService> {
  return startDataService(PostalModule.forConfig(config), config, []);
}

if (require.main === module) void runServiceProcess('postal', async () => startPostal(loadPostalConfig()));

import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { CatalogueModule } from './app.module';
import { CatalogueConfig, loadCatalogueConfig } from './config/catalogue.config';

export function startCatalogue(config: CatalogueConfig): Promise<RunningService> {
  return startDataService(CatalogueModule.forConfig(config), config, [GrpcServices.catalogue]);
}

if (require.main === module) void runServiceProcess('catalogue', async () => startCatalogue(loadCatalogueConfig()));

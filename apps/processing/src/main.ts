import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { ProcessingModule } from './app.module';
import { loadProcessingConfig, ProcessingConfig } from './config/processing.config';

export function startProcessing(config: ProcessingConfig): Promise<RunningService> {
  return startDataService(ProcessingModule.forConfig(config), config, [GrpcServices.processing, GrpcServices.processingResults]);
}

if (require.main === module) void runServiceProcess('processing', async () => startProcessing(loadProcessingConfig()));

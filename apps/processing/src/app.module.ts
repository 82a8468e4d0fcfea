import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { ProcessingConfig } from './config/processing.config';
import { ProcessingController } from './task/api/processing.controller';
import { ListDossierTasksHandler } from './task/application/list-dossier-tasks/list-dossier-tasks.handler';
import { OpenFirstTaskHandler } from './task/application/open-first-task/open-first-task.handler';
import { DossierSubmittedConsumer } from './task/events/dossier-submitted.consumer';
import { TaskEntity } from './task/persistence/task.entity';
import { TaskRepository } from './task/persistence/task.repository';

export const PROCESSING_ENTITIES = [TaskEntity];

@Module({})
export class ProcessingModule {
  static forConfig(config: ProcessingConfig): DynamicModule {
    return {
      module: ProcessingModule,
      imports: dataServiceImports('processing', config, PROCESSING_ENTITIES),
      controllers: [ProcessingController],
      providers: [TaskRepository, OpenFirstTaskHandler, ListDossierTasksHandler, DossierSubmittedConsumer],
    };
  }
}

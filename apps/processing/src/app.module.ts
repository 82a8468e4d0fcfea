import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { GetApologySlipHandler } from './apology/application/get-apology-slip/get-apology-slip.handler';
import { ProcessingConfig } from './config/processing.config';
import { ResultController, ResultIssuer, resultProviders } from './result/result.providers';
import { GrpcProcessingCatalogue } from './workflow/adapters/catalogue.grpc';
import { ProcessingController } from './workflow/api/processing.controller';
import { ActOnWorkflowHandler } from './workflow/application/act-on-workflow/act-on-workflow.handler';
import { ProcessingCatalogue } from './workflow/application/catalogue.port';
import { FireTimerHandler } from './workflow/application/fire-timer/fire-timer.handler';
import { TimerScheduler } from './workflow/application/fire-timer/timer-scheduler';
import { OpenWorkflowHandler } from './workflow/application/open-workflow/open-workflow.handler';
import { ProcessingClock } from './workflow/application/processing-clock';
import { ReadWorkflowHandler } from './workflow/application/read-workflow/read-workflow.handler';
import { ResultIssuing } from './workflow/application/result-issuing.port';
import { StopWorkflowHandler } from './workflow/application/stop-workflow/stop-workflow.handler';
import { DossierEventsConsumer } from './workflow/events/dossier-events.consumer';
import { TaskEntity } from './workflow/persistence/task.entity';
import { TimerEntity, WorkflowActionEntity, WorkflowEntity } from './workflow/persistence/workflow.entity';
import { WorkflowRepository } from './workflow/persistence/workflow.repository';

export const PROCESSING_ENTITIES = [TaskEntity, WorkflowEntity, WorkflowActionEntity, TimerEntity];

@Module({})
export class ProcessingModule {
  static forConfig(config: ProcessingConfig): DynamicModule {
    return {
      module: ProcessingModule,
      imports: dataServiceImports('processing', config, PROCESSING_ENTITIES),
      controllers: [ProcessingController, ResultController],
      providers: [
        ProcessingClock,
        WorkflowRepository,
        { provide: ProcessingCatalogue, useFactory: () => new GrpcProcessingCatalogue(config.CATALOGUE_GRPC_URL, config.CATALOGUE_DEADLINE_MS) },
        ...resultProviders(config),
        { provide: ResultIssuing, useExisting: ResultIssuer },
        OpenWorkflowHandler,
        StopWorkflowHandler,
        ActOnWorkflowHandler,
        ReadWorkflowHandler,
        GetApologySlipHandler,
        FireTimerHandler,
        {
          provide: TimerScheduler,
          inject: [FireTimerHandler, ProcessingClock],
          useFactory: (fire: FireTimerHandler, clock: ProcessingClock) =>
            new TimerScheduler(
              { discoveryUrl: config.OUTBOX_RELAY_DATABASE_URL, pollMs: config.SCHEDULER_POLL_MS, batchSize: config.SCHEDULER_BATCH_SIZE, enabled: config.SCHEDULER_ENABLED },
              fire,
              clock,
            ),
        },
        DossierEventsConsumer,
      ],
    };
  }
}

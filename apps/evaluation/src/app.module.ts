import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { EvaluationConfig } from './config/evaluation.config';
import { EvaluationController } from './counter/api/evaluation.controller';
import { CountSubmittedHandler } from './counter/application/count-submitted/count-submitted.handler';
import { GetCountersHandler } from './counter/application/get-counters/get-counters.handler';
import { DossierSubmittedConsumer } from './counter/events/dossier-submitted.consumer';
import { DossierCountersRepository } from './counter/persistence/dossier-counters.repository';

@Module({})
export class EvaluationModule {
  static forConfig(config: EvaluationConfig): DynamicModule {
    return {
      module: EvaluationModule,
      imports: dataServiceImports('evaluation', config, []),
      controllers: [EvaluationController],
      providers: [DossierCountersRepository, CountSubmittedHandler, GetCountersHandler, DossierSubmittedConsumer],
    };
  }
}

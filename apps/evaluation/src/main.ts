import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { EvaluationModule } from './app.module';
import { EvaluationConfig, loadEvaluationConfig } from './config/evaluation.config';

export function startEvaluation(config: EvaluationConfig): Promise<RunningService> {
  return startDataService(EvaluationModule.forConfig(config), config, [GrpcServices.evaluation]);
}

if (require.main === module) void runServiceProcess('evaluation', async () => startEvaluation(loadEvaluationConfig()));

import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { IntakeModule } from './app.module';
import { IntakeConfig, loadIntakeConfig } from './config/intake.config';

export function startIntake(config: IntakeConfig): Promise<RunningService> {
  return startDataService(IntakeModule.forConfig(config), config, [GrpcServices.intake, GrpcServices.intakeDocuments]);
}

if (require.main === module) void runServiceProcess('intake', async () => startIntake(loadIntakeConfig()));

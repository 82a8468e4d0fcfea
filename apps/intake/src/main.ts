import 'reflect-metadata';
import { GrpcServices } from '@motcua/contracts';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { grpcMessageLimitFor } from '@motcua/rpc';
import { IntakeModule } from './app.module';
import { IntakeConfig, loadIntakeConfig } from './config/intake.config';

export function startIntake(config: IntakeConfig): Promise<RunningService> {
  // Uploads travel in one message: the service takes as much as its upload limit allows.
  return startDataService(IntakeModule.forConfig(config), config, [GrpcServices.intake, GrpcServices.intakeDocuments], {
    grpcMaxMessageBytes: grpcMessageLimitFor(config.DOCUMENT_MAX_BYTES),
  });
}

if (require.main === module) void runServiceProcess('intake', async () => startIntake(loadIntakeConfig()));

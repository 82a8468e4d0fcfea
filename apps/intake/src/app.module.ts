import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { IntakeConfig } from './config/intake.config';
import { GrpcProcedureCatalogue } from './dossier/adapters/procedure-catalogue.grpc';
import { IntakeController } from './dossier/api/intake.controller';
import { GetDossierHandler } from './dossier/application/get-dossier/get-dossier.handler';
import { MarkInProcessingHandler } from './dossier/application/mark-in-processing/mark-in-processing.handler';
import { ProcedureCatalogue } from './dossier/application/procedure-catalogue.port';
import { PSEUDONYM_KEY, SubmitDossierHandler } from './dossier/application/submit-dossier/submit-dossier.handler';
import { DossierEventsConsumer } from './dossier/events/dossier-events.consumer';
import { ApplicantEntity, DossierEntity } from './dossier/persistence/dossier.entity';
import { DossierRepository } from './dossier/persistence/dossier.repository';

export const INTAKE_ENTITIES = [DossierEntity, ApplicantEntity];

@Module({})
export class IntakeModule {
  static forConfig(config: IntakeConfig): DynamicModule {
    return {
      module: IntakeModule,
      imports: dataServiceImports('intake', config, INTAKE_ENTITIES),
      controllers: [IntakeController],
      providers: [
        DossierRepository,
        SubmitDossierHandler,
        GetDossierHandler,
        MarkInProcessingHandler,
        DossierEventsConsumer,
        { provide: PSEUDONYM_KEY, useValue: config.PSEUDONYM_KEY },
        { provide: ProcedureCatalogue, useFactory: () => new GrpcProcedureCatalogue(config.CATALOGUE_GRPC_URL, config.CATALOGUE_DEADLINE_MS) },
      ],
    };
  }
}

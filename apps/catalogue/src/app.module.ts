import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { CatalogueConfig } from './config/catalogue.config';
import { CatalogueController } from './procedure/api/catalogue.controller';
import { CreateProcedureHandler } from './procedure/application/create-procedure/create-procedure.handler';
import { GetProcedureHandler } from './procedure/application/get-procedure/get-procedure.handler';
import { ProcedureEntity } from './procedure/persistence/procedure.entity';
import { ProcedureRepository } from './procedure/persistence/procedure.repository';

export const CATALOGUE_ENTITIES = [ProcedureEntity];

@Module({})
export class CatalogueModule {
  static forConfig(config: CatalogueConfig): DynamicModule {
    return {
      module: CatalogueModule,
      imports: dataServiceImports('catalogue', config, CATALOGUE_ENTITIES),
      controllers: [CatalogueController],
      providers: [ProcedureRepository, CreateProcedureHandler, GetProcedureHandler],
    };
  }
}

import { Controller } from '@nestjs/common';
import { CatalogueV1 } from '@motcua/contracts';
import { CreateProcedureCommand } from '../application/create-procedure/create-procedure.command';
import { CreateProcedureHandler } from '../application/create-procedure/create-procedure.handler';
import { GetProcedureHandler } from '../application/get-procedure/get-procedure.handler';
import { Procedure } from '../domain/procedure';

@Controller()
@CatalogueV1.CatalogueServiceControllerMethods()
export class CatalogueController implements CatalogueV1.CatalogueServiceController {
  constructor(
    private readonly createHandler: CreateProcedureHandler,
    private readonly getHandler: GetProcedureHandler,
  ) {}

  async createProcedure(request: CatalogueV1.CreateProcedureRequest): Promise<CatalogueV1.Procedure> {
    return toProto(await this.createHandler.execute(CreateProcedureCommand.create(request)));
  }

  async getProcedure(request: CatalogueV1.GetProcedureRequest): Promise<CatalogueV1.Procedure> {
    return toProto(await this.getHandler.execute(request));
  }
}

function toProto(procedure: Procedure): CatalogueV1.Procedure {
  return { ...procedure, components: procedure.components.map((c) => ({ ...c })), createdAt: procedure.createdAt.toISOString() };
}

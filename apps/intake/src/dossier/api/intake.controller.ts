import { Controller } from '@nestjs/common';
import { IntakeV1 } from '@motcua/contracts';
import { GetDossierHandler } from '../application/get-dossier/get-dossier.handler';
import { SubmitDossierCommand } from '../application/submit-dossier/submit-dossier.command';
import { SubmitDossierHandler } from '../application/submit-dossier/submit-dossier.handler';
import { Dossier } from '../domain/dossier';

@Controller()
@IntakeV1.IntakeServiceControllerMethods()
export class IntakeController implements IntakeV1.IntakeServiceController {
  constructor(
    private readonly submitHandler: SubmitDossierHandler,
    private readonly getHandler: GetDossierHandler,
  ) {}

  async submitDossier(request: IntakeV1.SubmitDossierRequest): Promise<IntakeV1.Dossier> {
    return toProto(await this.submitHandler.execute(SubmitDossierCommand.create(request, new Date())));
  }

  async getDossier(request: IntakeV1.GetDossierRequest): Promise<IntakeV1.Dossier> {
    return toProto(await this.getHandler.execute(request.id ?? ''));
  }
}

function toProto(dossier: Dossier): IntakeV1.Dossier {
  return {
    id: dossier.id,
    procedureId: dossier.procedureId,
    procedureCode: dossier.procedureCode,
    agencyId: dossier.agencyId,
    status: dossier.status,
    channel: dossier.channel,
    submittedAt: dossier.submittedAt.toISOString(),
    updatedAt: dossier.updatedAt.toISOString(),
    components: dossier.components.map((c) => ({ ...c })),
  };
}

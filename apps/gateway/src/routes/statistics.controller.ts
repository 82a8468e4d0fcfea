import { Controller, Get } from '@nestjs/common';
import { EvaluationV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';

@Controller('v1/statistics')
@RouteAccess({ tenant: 'required' })
export class StatisticsController {
  constructor(private readonly clients: ServiceClients) {}

  @Get('dossiers')
  dossiers(): Promise<EvaluationV1.DossierCounters> {
    return this.clients.evaluation.getDossierCounters({});
  }
}

import { Controller, Get } from '@nestjs/common';
import { EvaluationV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { DossierCountersSchema } from './contracts.schema';

@Controller('v1/statistics')
@RouteAccess({ tenant: 'required' })
@DependsOn('evaluation')
export class StatisticsController {
  constructor(private readonly clients: ServiceClients) {}

  @Get('dossiers')
  @ETagged()
  @ApiOperation({
    summary: "The province's dossier counters (tenant admin, leaders, national analysts)",
    responses: { 200: { description: 'The counters.', schema: DossierCountersSchema } },
  })
  dossiers(): Promise<EvaluationV1.DossierCounters> {
    return this.clients.evaluation.getDossierCounters({});
  }
}

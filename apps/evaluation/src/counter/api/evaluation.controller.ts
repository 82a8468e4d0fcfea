import { Controller } from '@nestjs/common';
import { EvaluationV1 } from '@motcua/contracts';
import { currentTenant } from '@motcua/tenancy';
import { GetCountersHandler } from '../application/get-counters/get-counters.handler';

@Controller()
@EvaluationV1.EvaluationServiceControllerMethods()
export class EvaluationController implements EvaluationV1.EvaluationServiceController {
  constructor(private readonly getCounters: GetCountersHandler) {}

  async getDossierCounters(): Promise<EvaluationV1.DossierCounters> {
    const counters = await this.getCounters.execute();
    return { tenantId: currentTenant().tenantId, submitted: String(counters.submitted), updatedAt: counters.updatedAt?.toISOString() ?? '' };
  }
}

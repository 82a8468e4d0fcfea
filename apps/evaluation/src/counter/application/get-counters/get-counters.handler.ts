import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { DossierCounters } from '../../domain/dossier-counters';
import { DossierCountersRepository } from '../../persistence/dossier-counters.repository';

/** Aggregates only: who may read statistics of the tenant. */
@Injectable()
export class GetCountersHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly counters: DossierCountersRepository,
  ) {}

  async execute(): Promise<DossierCounters> {
    authorizeCaller('statistics.read');
    return this.runner.run((manager) => this.counters.get(manager));
  }
}

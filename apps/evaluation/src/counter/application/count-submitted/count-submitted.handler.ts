import { Injectable } from '@nestjs/common';
import { Inbox } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { DossierCountersRepository } from '../../persistence/dossier-counters.repository';

export const COUNT_SUBMITTED_CONSUMER = 'count-submitted';

/** Each submitted dossier counts once, however often its event is delivered. */
@Injectable()
export class CountSubmittedHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly counters: DossierCountersRepository,
    private readonly inbox: Inbox,
  ) {}

  async execute(eventId: string, submittedAt: Date): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, COUNT_SUBMITTED_CONSUMER, eventId))) return;
      await this.counters.addSubmitted(manager, 1, submittedAt);
    });
  }
}

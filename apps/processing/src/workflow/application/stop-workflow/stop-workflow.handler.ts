import { Injectable } from '@nestjs/common';
import { Inbox, OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { record, stopChange, SYSTEM } from '../../domain/workflow-commands';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { ProcessingClock } from '../processing-clock';
import { eventsOf } from '../workflow-events';

export const STOP_WORKFLOW_CONSUMER = 'stop-workflow';

/** The applicant withdrew (Decree 118 art. 21): an open workflow stops; once per event. */
@Injectable()
export class StopWorkflowHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly inbox: Inbox,
    private readonly outbox: OutboxWriter,
    private readonly clock: ProcessingClock,
  ) {}

  /** `withdrawnAt`: when the applicant withdrew; the stop is recorded when processing hears of it. */
  async execute(eventId: string, dossierId: string, withdrawnAt: Date, reason: string): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, STOP_WORKFLOW_CONSUMER, eventId))) return;
      const before = await this.workflows.find(manager, dossierId, { lock: 'wait' });
      const change = before ? stopChange(before, `${reason} (${withdrawnAt.toISOString()})`) : null;
      if (!before || !change) return;
      const now = this.clock.now();
      const at = now > before.updatedAt ? now : before.updatedAt;
      const { workflow, action } = record(before, SYSTEM, at, change);
      await this.workflows.save(manager, before, workflow, [action]);
      for (const event of eventsOf(before, workflow, action)) await this.outbox.append(manager, event);
    });
  }
}

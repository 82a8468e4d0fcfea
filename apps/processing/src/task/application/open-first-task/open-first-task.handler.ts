import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DossierProcessingStartedV1 } from '@motcua/contracts';
import { Inbox, OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { openFirstTask } from '../../domain/task';
import { TaskRepository } from '../../persistence/task.repository';

export const OPEN_FIRST_TASK_CONSUMER = 'open-first-task';

/** A dossier arrived: its first task opens and `dossier.processing-started` follows, once per event. */
@Injectable()
export class OpenFirstTaskHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly inbox: Inbox,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(eventId: string, dossier: { dossierId: string; agencyId: string }): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, OPEN_FIRST_TASK_CONSUMER, eventId))) return;
      const task = openFirstTask(randomUUID(), dossier.dossierId, dossier.agencyId, new Date());
      await this.tasks.insert(manager, task);
      await this.outbox.append(manager, {
        type: DossierProcessingStartedV1.type,
        subject: task.dossierId,
        data: { dossierId: task.dossierId, taskId: task.id, step: task.step, startedAt: task.createdAt.toISOString() },
      });
    });
  }
}

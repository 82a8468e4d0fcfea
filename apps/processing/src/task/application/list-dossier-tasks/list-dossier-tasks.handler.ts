import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { Task } from '../../domain/task';
import { TaskRepository } from '../../persistence/task.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tasks of a dossier, for staff of the agencies that hold them. */
@Injectable()
export class ListDossierTasksHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly tasks: TaskRepository,
  ) {}

  async execute(dossierId: string): Promise<Task[]> {
    const tasks = UUID.test(dossierId) ? await this.runner.run((manager) => this.tasks.listForDossier(manager, dossierId)) : [];
    for (const task of tasks) authorizeCaller('dossier.read', { agencyId: task.agencyId });
    return tasks;
  }
}

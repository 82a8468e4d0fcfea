import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { Task } from '../domain/task';
import { TaskEntity } from './task.entity';

@Injectable()
export class TaskRepository {
  async insert(manager: EntityManager, task: Task): Promise<void> {
    await manager.insert(TaskEntity, { ...task, tenantId: currentTenant().tenantId });
  }

  async listForDossier(manager: EntityManager, dossierId: string): Promise<Task[]> {
    const entities = await manager.find(TaskEntity, {
      where: { tenantId: currentTenant().tenantId, dossierId },
      order: { createdAt: 'ASC' },
    });
    return entities.map((entity) => ({
      id: entity.id,
      dossierId: entity.dossierId,
      agencyId: entity.agencyId,
      step: entity.step,
      status: entity.status as Task['status'],
      createdAt: entity.createdAt,
    }));
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { ProcessingError, ProcessingErrorCode } from '../domain/processing.errors';
import { currentAgency, Workflow, WorkflowAction } from '../domain/workflow';
import { TimerKind } from '../domain/workflow-commands';
import { TaskEntity } from './task.entity';
import { TimerEntity, WorkflowActionEntity, WorkflowEntity } from './workflow.entity';
import { reviveInstants } from './workflow-json';

const UNIQUE_VIOLATION = '23505';

export interface TaskRow {
  id: string;
  dossierId: string;
  stepIndex: number;
  step: string;
  role: string;
  agencyId: string;
  assignee: string | null;
  status: string;
  createdAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
}

function toTaskRow(entity: TaskEntity): TaskRow {
  const { tenantId: _tenantId, ...row } = entity;
  void _tenantId;
  return row;
}

/** The timers a workflow needs now: only while its clock runs, one per mark not yet made. */
export function timersOf(workflow: Workflow): { kind: TimerKind; fireAt: Date }[] {
  if (workflow.status !== 'in_progress') return [];
  const timers: { kind: TimerKind; fireAt: Date }[] = [];
  if (workflow.dueSoonMarkedAt === null && workflow.apology === null) timers.push({ kind: 'due_soon', fireAt: workflow.dueSoonAt });
  // Overdue is strictly after the deadline instant.
  if (workflow.overdueMarkedAt === null) timers.push({ kind: 'overdue', fireAt: new Date(workflow.deadlineAt.getTime() + 1) });
  if (workflow.stepOverdueMarkedAt === null) timers.push({ kind: 'step_overdue', fireAt: new Date(workflow.stepDueAt.getTime() + 1) });
  return timers;
}

/**
 * Workflows, their history, worklist tasks and timers; always through the tenant transaction's
 * manager. Saving is optimistic: the history's primary key (dossier, seq) and the version check
 * let exactly one of two concurrent actions on a dossier win.
 */
@Injectable()
export class WorkflowRepository {
  /**
   * The workflow; `lock: 'wait'` holds its row for the transaction, `'skip'` answers null when
   * another transaction holds it. Every writer locks the workflow row first, so writers of one
   * dossier (officers, the scheduler) queue instead of deadlocking on the history and the timers.
   */
  async find(manager: EntityManager, dossierId: string, options: { lock?: 'wait' | 'skip' } = {}): Promise<Workflow | null> {
    const lock = options.lock ? { mode: 'pessimistic_write' as const, ...(options.lock === 'skip' ? { onLocked: 'skip_locked' as const } : {}) } : undefined;
    const entity = await manager.findOne(WorkflowEntity, { where: { tenantId: currentTenant().tenantId, dossierId }, lock });
    return entity ? reviveInstants<Workflow>(entity.state) : null;
  }

  async history(manager: EntityManager, dossierId: string): Promise<WorkflowAction[]> {
    const rows = await manager.find(WorkflowActionEntity, { where: { tenantId: currentTenant().tenantId, dossierId }, order: { seq: 'ASC' } });
    return rows.map((row) => ({
      seq: row.seq,
      actor: row.actor,
      actorRoles: row.actorRoles,
      actorAgencyId: row.actorAgencyId,
      at: row.at,
      change: reviveInstants(row.change),
    }));
  }

  /**
   * Stores the actions and the state they lead to; refuses if another action got there first.
   * Returns the id of the task opened for the new current step, if one was.
   */
  async save(manager: EntityManager, before: Workflow | null, after: Workflow, actions: WorkflowAction[]): Promise<string | null> {
    const { tenantId } = currentTenant();
    try {
      await manager.insert(
        WorkflowActionEntity,
        actions.map((action) => {
          const change = action.change as unknown as Record<string, unknown>;
          return {
            tenantId,
            dossierId: after.dossierId,
            seq: action.seq,
            action: action.change.kind,
            actor: action.actor,
            actorRoles: action.actorRoles,
            actorAgencyId: action.actorAgencyId,
            fromStep: typeof change['from'] === 'number' ? (change['from'] as number) : null,
            toStep: typeof change['to'] === 'number' ? (change['to'] as number) : null,
            takenMs: typeof change['takenMs'] === 'number' ? String(change['takenMs']) : null,
            allowedMs: typeof change['allowedMs'] === 'number' ? String(change['allowedMs']) : null,
            at: action.at,
            change: action.change,
          };
        }),
      );
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw conflict(after.dossierId);
      throw error;
    }
    const row = {
      tenantId,
      dossierId: after.dossierId,
      status: after.status,
      competentAgencyId: after.competentAgencyId,
      currentAgencyId: currentAgency(after),
      receivedAt: after.receivedAt,
      deadlineAt: after.deadlineAt,
      decidedAt: after.decidedAt,
      pausedSince: after.pause?.since ?? null,
      supplementRequests: after.supplementRequests,
      version: after.version,
      state: after,
      updatedAt: after.updatedAt,
    };
    if (before === null) {
      await manager.insert(WorkflowEntity, row);
    } else {
      const result = await manager.update(WorkflowEntity, { tenantId, dossierId: after.dossierId, version: before.version }, row);
      if (result.affected !== 1) throw conflict(after.dossierId);
    }
    const openedTaskId = await this.syncTask(manager, before, after, actions[actions.length - 1]);
    await this.syncTimers(manager, after);
    return openedTaskId;
  }

  /** The open task follows the workflow's current step and assignee. */
  private async syncTask(manager: EntityManager, before: Workflow | null, after: Workflow, last: WorkflowAction): Promise<string | null> {
    const tenantId = currentTenant().tenantId;
    const finished = after.status === 'returned' || after.status === 'stopped';
    const moved = before === null || before.currentStep !== after.currentStep || before.stepStartedAt.getTime() !== after.stepStartedAt.getTime();
    if (before !== null && (finished || moved)) {
      await manager.update(
        TaskEntity,
        { tenantId, dossierId: after.dossierId, status: 'open' },
        { status: after.status === 'stopped' ? 'cancelled' : 'done', closedAt: last.at, closedBy: last.actor },
      );
    }
    if (finished) return null;
    if (moved) {
      const step = after.steps[after.currentStep];
      const id = randomUUID();
      await manager.insert(TaskEntity, {
        tenantId,
        id,
        dossierId: after.dossierId,
        agencyId: step.agencyId,
        step: step.name,
        stepIndex: after.currentStep,
        role: step.role === 'clerk' ? 'specialist' : step.role,
        assignee: after.assignee,
        status: 'open',
        createdAt: after.stepStartedAt,
        dueAt: after.stepDueAt,
        closedAt: null,
        closedBy: null,
      });
      return id;
    }
    if (before.assignee !== after.assignee || before.stepDueAt.getTime() !== after.stepDueAt.getTime()) {
      await manager.update(TaskEntity, { tenantId, dossierId: after.dossierId, status: 'open' }, { assignee: after.assignee, dueAt: after.stepDueAt });
    }
    return null;
  }

  private async syncTimers(manager: EntityManager, workflow: Workflow): Promise<void> {
    const tenantId = currentTenant().tenantId;
    await manager.delete(TimerEntity, { tenantId, dossierId: workflow.dossierId });
    const timers = timersOf(workflow);
    if (timers.length > 0) await manager.insert(TimerEntity, timers.map((timer) => ({ tenantId, dossierId: workflow.dossierId, ...timer })));
  }

  /** Locks a due timer for firing; false when another scheduler holds it or it is gone. */
  async lockDueTimer(manager: EntityManager, dossierId: string, kind: TimerKind, at: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM processing.timers WHERE tenant_id = $1 AND dossier_id = $2 AND kind = $3 AND fire_at <= $4 FOR UPDATE SKIP LOCKED`,
      [currentTenant().tenantId, dossierId, kind, at],
    );
    return rows.length === 1;
  }

  async deferTimer(manager: EntityManager, dossierId: string, kind: TimerKind, until: Date): Promise<void> {
    await manager.update(TimerEntity, { tenantId: currentTenant().tenantId, dossierId, kind }, { fireAt: until });
  }

  async dropTimer(manager: EntityManager, dossierId: string, kind: TimerKind): Promise<void> {
    await manager.delete(TimerEntity, { tenantId: currentTenant().tenantId, dossierId, kind });
  }

  async tasksOfDossier(manager: EntityManager, dossierId: string): Promise<TaskRow[]> {
    const rows = await manager.find(TaskEntity, { where: { tenantId: currentTenant().tenantId, dossierId }, order: { createdAt: 'ASC', stepIndex: 'ASC' } });
    return rows.map(toTaskRow);
  }

  /** Open tasks, most urgent (overdue) first, keyset-paginated on (due_at, id). */
  async openTasks(
    manager: EntityManager,
    filter: { assignee: string } | { agencyId: string; roles: string[]; unassignedOnly: boolean },
    limit: number,
    after: { dueAt: Date; id: string } | null,
  ): Promise<TaskRow[]> {
    const tenantId = currentTenant().tenantId;
    const params: unknown[] = [tenantId];
    const where = ['t.tenant_id = $1', `t.status = 'open'`];
    if ('assignee' in filter) {
      params.push(filter.assignee);
      where.push(`t.assignee = $${params.length}`);
    } else {
      // One role (most staff): an equality, which `tasks_open_by_agency_role` serves in page order.
      params.push(filter.agencyId, filter.roles.length === 1 ? filter.roles[0] : filter.roles);
      where.push(`t.agency_id = $${params.length - 1}`, filter.roles.length === 1 ? `t.role = $${params.length}` : `t.role = ANY($${params.length})`);
      if (filter.unassignedOnly) where.push('t.assignee IS NULL');
    }
    if (after) {
      params.push(after.dueAt, after.id);
      where.push(`(t.due_at, t.id) > ($${params.length - 1}, $${params.length})`);
    }
    params.push(limit);
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT t.id, t.dossier_id, t.step_index, t.step, t.role, t.agency_id, t.assignee, t.status, t.created_at, t.due_at, t.closed_at, t.closed_by
         FROM processing.tasks t WHERE ${where.join(' AND ')} ORDER BY t.due_at, t.id LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({
      id: row['id'] as string,
      dossierId: row['dossier_id'] as string,
      stepIndex: row['step_index'] as number,
      step: row['step'] as string,
      role: row['role'] as string,
      agencyId: row['agency_id'] as string,
      assignee: row['assignee'] as string | null,
      status: row['status'] as string,
      createdAt: row['created_at'] as Date,
      dueAt: row['due_at'] as Date,
      closedAt: row['closed_at'] as Date | null,
      closedBy: row['closed_by'] as string | null,
    }));
  }

  /** The workflows counted for a period [from, to): received before its end and not decided before its start; optionally of one agency. */
  async forFigures(manager: EntityManager, from: Date, to: Date, agencyId: string): Promise<Pick<Workflow, 'status' | 'decidedAt' | 'deadlineAt' | 'supplementRequests' | 'pause'>[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT status, decided_at, deadline_at, supplement_requests, paused_since
         FROM processing.workflows
        WHERE tenant_id = $1 AND received_at < $3 AND (decided_at IS NULL OR decided_at >= $2) AND ($4 = '' OR competent_agency_id = $4)`,
      [currentTenant().tenantId, from, to, agencyId],
    );
    return rows.map((row) => ({
      status: row['status'] as Workflow['status'],
      decidedAt: row['decided_at'] as Date | null,
      deadlineAt: row['deadline_at'] as Date,
      supplementRequests: row['supplement_requests'] as number,
      pause: row['paused_since'] ? { reason: 'supplement' as const, since: row['paused_since'] as Date } : null,
    }));
  }
}

function conflict(dossierId: string): ProcessingError {
  return new ProcessingError(ProcessingErrorCode.VersionConflict, 'Another action on this dossier was recorded first; reload and try again', { dossierId });
}

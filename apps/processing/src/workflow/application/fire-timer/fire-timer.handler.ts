import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { record, SYSTEM, TimerKind, timerChange } from '../../domain/workflow-commands';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { ProcessingClock } from '../processing-clock';
import { eventsOf } from '../workflow-events';

export type TimerOutcome = 'fired' | 'stale' | 'taken';

/**
 * Fires one due timer in its tenant's transaction: the timer row is locked (SKIP LOCKED, so a
 * second scheduler instance passes it by), the mark is recorded with its event, and the timer is
 * gone in the same commit — so each timer fires once, across replicas and restarts.
 */
@Injectable()
export class FireTimerHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: ProcessingClock,
  ) {}

  async execute(dossierId: string, kind: TimerKind): Promise<TimerOutcome> {
    const at = this.clock.now();
    return this.runner.run(async (manager) => {
      // The workflow row first (as officers' actions do), then the timer: no deadlock with them.
      const before = await this.workflows.find(manager, dossierId, { lock: 'skip' });
      if (!before) return 'taken';
      if (!(await this.workflows.lockDueTimer(manager, dossierId, kind, at))) return 'taken';
      const change = timerChange(before, kind, at);
      if (!change) {
        await this.workflows.dropTimer(manager, dossierId, kind);
        return 'stale';
      }
      const { workflow, action } = record(before, SYSTEM, at, change);
      await this.workflows.save(manager, before, workflow, [action]);
      for (const event of eventsOf(before, workflow, action)) await this.outbox.append(manager, event);
      return 'fired';
    });
  }

  /** A timer whose firing failed waits `delayMs` before it is tried again, so it cannot hold the head of the queue. */
  async defer(dossierId: string, kind: TimerKind, delayMs: number): Promise<void> {
    const until = new Date(this.clock.now().getTime() + delayMs);
    await this.runner.run((manager) => this.workflows.deferTimer(manager, dossierId, kind, until));
  }
}

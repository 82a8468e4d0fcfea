import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { vietnamInstant } from '@motcua/calendar';
import { OutboxWriter } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { PROCESSING_ENTITIES } from '../../../app.module';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { History, openInput } from '../../testing/workflow-fixtures';
import { ProcessingClock } from '../processing-clock';
import { FireTimerHandler } from './fire-timer.handler';
import { TimerScheduler } from './timer-scheduler';

jest.setTimeout(60_000);


class FixedClock extends ProcessingClock {
  constructor(public at: Date) {
    super();
  }

  override now(): Date {
    return this.at;
  }
}

describe('the timer scheduler (two instances, a restart, a failed firing)', () => {
  let database: TestDatabase;
  let owner: Client;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  const repository = new WorkflowRepository();
  const outbox = new OutboxWriter('processing');
  const schedulers: TimerScheduler[] = [];

  function scheduler(at: Date, fireOutbox: OutboxWriter = outbox, failedRetryMs = 0): { scheduler: TimerScheduler; clock: FixedClock } {
    const fixed = new FixedClock(at);
    const fire = new FireTimerHandler(runner, repository, fireOutbox, fixed);
    const instance = new TimerScheduler(
      { discoveryUrl: database.urlAs(serviceDatabaseNames('processing').relayRole), pollMs: 1000, batchSize: 500, enabled: false, failedRetryMs },
      fire,
      fixed,
    );
    schedulers.push(instance);
    return { scheduler: instance, clock: fixed };
  }

  /** A dossier received on Friday 13 Feb 2026 at 10:00, due Wednesday 25 Feb at 17:00. */
  async function receive(tenantId: string): Promise<string> {
    const input = openInput();
    await new History(input).store(runner, repository, tenantId);
    return input.dossierId;
  }

  const marksOf = async (dossierId: string) =>
    (await owner.query(`SELECT action FROM processing.workflow_actions WHERE dossier_id = $1 AND actor = 'system' AND seq > 1 ORDER BY action`, [dossierId])).rows.map(
      (row: { action: string }) => row.action,
    );
  const eventsOf = async (dossierId: string) =>
    (await owner.query(`SELECT type FROM processing.outbox WHERE data->>'dossierId' = $1 ORDER BY type`, [dossierId])).rows.map((row: { type: string }) => row.type);

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: 'processing', url: database.urlAs(serviceDatabaseNames('processing').appRole), entities: PROCESSING_ENTITIES, poolSize: 8 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
  });

  afterAll(async () => {
    for (const instance of schedulers) await instance.onApplicationShutdown();
    await dataSource?.destroy();
    await owner?.end();
  });

  it('fires each timer exactly once with two instances racing over two tenants', async () => {
    const dossiers = [...(await Promise.all(Array.from({ length: 6 }, () => receive('hung-yen')))), ...(await Promise.all(Array.from({ length: 4 }, () => receive('thai-nguyen'))))];
    const late = vietnamInstant('2026-03-02T09:00');
    const a = scheduler(late).scheduler;
    const b = scheduler(late).scheduler;
    const fired = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(fired.reduce((sum, n) => sum + n, 0)).toBe(dossiers.length * 3);
    for (const dossierId of dossiers) {
      expect(await marksOf(dossierId)).toEqual(['due_soon', 'overdue', 'step_overdue']);
      expect(await eventsOf(dossierId)).toEqual(['dossier.deadline-approached', 'dossier.deadline-passed', 'dossier.step-deadline-passed']);
    }
    expect((await owner.query(`SELECT count(*)::int AS n FROM processing.timers`)).rows[0].n).toBe(0);
    expect(await Promise.all([a.tick(), b.tick()])).toEqual([0, 0]);
  });

  it('fires nothing early, and after a restart fires what came due while it was down, once', async () => {
    const dossierId = await receive('hung-yen');
    const before = scheduler(vietnamInstant('2026-02-20T09:00'));
    expect(await before.scheduler.tick()).toBe(0);
    // Due soon (Tuesday 24 Feb, 17:00) and its handling step late, but the dossier not yet overdue.
    before.clock.at = vietnamInstant('2026-02-25T08:00');
    expect(await before.scheduler.tick()).toBe(2);
    expect(await marksOf(dossierId)).toEqual(['due_soon', 'step_overdue']);
    await before.scheduler.onApplicationShutdown();

    // A new instance after the restart, days later: the deadline and the step passed meanwhile.
    const after = scheduler(vietnamInstant('2026-03-02T09:00'));
    expect(await after.scheduler.tick()).toBe(1);
    expect(await marksOf(dossierId)).toEqual(['due_soon', 'overdue', 'step_overdue']);
    expect(await after.scheduler.tick()).toBe(0);
  });

  it('defers a timer whose firing failed, then fires it once', async () => {
    const dossierId = await receive('hung-yen');
    const failingOutbox = new OutboxWriter('processing');
    const append = jest.spyOn(failingOutbox, 'append').mockRejectedValueOnce(new Error('broker of the outbox away'));
    // Tuesday 24 Feb 09:00: only the handling step is late (due 08:45).
    const failing = scheduler(vietnamInstant('2026-02-24T09:00'), failingOutbox, 60_000);
    expect(await failing.scheduler.tick()).toBe(0);
    expect(append).toHaveBeenCalledTimes(1);
    expect(await marksOf(dossierId)).toEqual([]);
    // Deferred a minute: not tried again meanwhile, so it cannot hold the head of the queue.
    expect(await failing.scheduler.tick()).toBe(0);
    failing.clock.at = vietnamInstant('2026-02-24T09:01');
    expect(await failing.scheduler.tick()).toBe(1);
    expect(await marksOf(dossierId)).toEqual(['step_overdue']);
    failing.clock.at = vietnamInstant('2026-03-02T09:00');
    expect(await failing.scheduler.tick()).toBe(2);
    expect(await marksOf(dossierId)).toEqual(['due_soon', 'overdue', 'step_overdue']);
    expect(await eventsOf(dossierId)).toEqual(['dossier.deadline-approached', 'dossier.deadline-passed', 'dossier.step-deadline-passed']);
  });
});

import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { Actor, runInTenant } from '@motcua/tenancy';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { PROCESSING_ENTITIES } from '../../../app.module';
import { Actor as WorkflowActor, approveChange, completeChange, pauseChange, resumeChange, stopChange } from '../../domain/workflow-commands';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { at, COMMUNE, History, openInput, testClock } from '../../testing/workflow-fixtures';
import { ProcessingClock } from '../processing-clock';
import { ReadWorkflowHandler } from './read-workflow.handler';

jest.setTimeout(60_000);

const specialist: WorkflowActor = { subject: 'spec-1', roles: ['specialist'], agencyId: COMMUNE, deskIds: [] };
const leader: WorkflowActor = { subject: 'lead-1', roles: ['leader'], agencyId: COMMUNE, deskIds: [] };
const OTHER = '000.01.10.H33';

class FixedClock extends ProcessingClock {
  override now(): Date {
    return at('2026-03-02T09:00');
  }
}

/** Decides a commune dossier: the specialist completes at `handled`, the leader approves at `decided`. */
function decidedAt(handled: string, decided: string, input = openInput()): History {
  const history = new History(input);
  const ofAgency = (actor: WorkflowActor) => ({ ...actor, agencyId: input.competentAgencyId });
  history.apply(ofAgency(specialist), at(handled), completeChange(history.workflow, ofAgency(specialist), '', testClock, at(handled)));
  history.apply(ofAgency(leader), at(decided), approveChange(history.workflow, ofAgency(leader), '', '0190f3a2-7c4e-7b1a-8d2e-000000000001', testClock, at(decided)));
  return history;
}

describe('on-time and overdue figures of a seeded set, computed by hand', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  let reader: ReadWorkflowHandler;
  const repository = new WorkflowRepository();
  const leaderOf = (agencyId: string): Actor => ({ subject: 'lead-x', roles: ['leader'], agencyId });
  const admin: Actor = { subject: 'admin', roles: ['tenant_admin'] };
  const figures = (actor: Actor, input: { from: string; to: string; agencyId: string }, tenantId = 'hung-yen') =>
    runInTenant({ tenantId, traceId: randomBytes(16).toString('hex'), actor }, () => reader.figures(input));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({ service: 'processing', url: database.urlAs(serviceDatabaseNames('processing').appRole), entities: PROCESSING_ENTITIES, poolSize: 4 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    reader = new ReadWorkflowHandler(runner, repository, new FixedClock());

    // Every dossier below: received Fri 13 Feb 2026 10:00, deadline Wed 25 Feb 17:00; "now" is Mon 2 Mar 09:00.
    const set: History[] = [];
    // 1. decided Tue 24 Feb: on time.
    set.push(decidedAt('2026-02-23T09:00', '2026-02-24T10:00'));
    // 2. decided exactly at the deadline: on time.
    set.push(decidedAt('2026-02-23T09:00', '2026-02-25T17:00'));
    // 3. decided Thu 26 Feb: late.
    set.push(decidedAt('2026-02-25T09:00', '2026-02-26T08:00'));
    // 4. paused Mon 23 Feb 09:00 – Wed 25 Feb 10:00 (16 working hours), decided Fri 27 Feb 10:00: the
    //    deadline moved to Mon 2 Mar 08:30, so on time.
    const paused = new History(openInput());
    paused.apply(specialist, at('2026-02-23T09:00'), pauseChange(paused.workflow, specialist, 'supplement', ['Thiếu tờ khai']));
    paused.apply(specialist, at('2026-02-25T10:00'), resumeChange(paused.workflow, '', testClock, at('2026-02-25T10:00')));
    paused.apply(specialist, at('2026-02-26T09:00'), completeChange(paused.workflow, specialist, '', testClock, at('2026-02-26T09:00')));
    paused.apply(leader, at('2026-02-27T10:00'), approveChange(paused.workflow, leader, '', '0190f3a2-7c4e-7b1a-8d2e-000000000002', testClock, at('2026-02-27T10:00')));
    set.push(paused);
    // 5. still in progress, past its deadline: late.
    set.push(new History(openInput()));
    // 6. still in progress, received later with a deadline after now: on time.
    set.push(new History(openInput({ receivedAt: at('2026-02-27T09:00'), appointmentAt: at('2026-03-04T17:00') })));
    // 7. paused before its deadline and still waiting: its clock stopped in time, on time.
    const waiting = new History(openInput());
    waiting.apply(specialist, at('2026-02-24T09:00'), pauseChange(waiting.workflow, specialist, 'supplement', ['Thiếu bản sao']));
    set.push(waiting);
    // 8. withdrawn (stopped): not counted.
    const stopped = new History(openInput());
    stopped.apply(specialist, at('2026-02-23T08:00'), stopChange(stopped.workflow, 'withdrawn') as NonNullable<ReturnType<typeof stopChange>>);
    set.push(stopped);
    // 9. another agency's dossier, decided late: counted for the province, not for the commune.
    set.push(decidedAt('2026-02-26T09:00', '2026-02-26T10:00', openInput({ competentAgencyId: OTHER, receivingAgencyId: OTHER })));
    // 10. received in January, due 29 Jan, never decided: still processed in February, and late.
    set.push(new History(openInput({ receivedAt: at('2026-01-26T10:00'), appointmentAt: at('2026-01-29T17:00') })));
    for (const history of set) await history.store(runner, repository, 'hung-yen');
    // 11. another province's dossier: never counted here.
    await decidedAt('2026-02-26T09:00', '2026-02-26T10:00').store(runner, repository, 'thai-nguyen');
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('counts the commune in February: 5 on time (3 finished, 2 in progress), 3 late (1 finished, 2 in progress) of 8', async () => {
    const result = await figures(leaderOf(COMMUNE), { from: '2026-02-01', to: '2026-03-01', agencyId: COMMUNE });
    expect(result).toMatchObject({ counted: 8, finishedOnTime: 3, finishedLate: 1, inProgressOnTime: 2, inProgressLate: 2, onTimeRate: 62.5, overdueRate: 37.5 });
    // A leader asking for no agency gets the own agency's figures, not the province's.
    expect(await figures(leaderOf(COMMUNE), { from: '2026-02-01', to: '2026-03-01', agencyId: '' })).toMatchObject({ counted: 8 });
  });

  it('measures a past period as it stood at its end: decided later is still in progress then', async () => {
    // Dossier 1 was decided on 24 Feb: in the period ending 24 Feb at 00:00 it was in progress and
    // not yet late; dossier 5 (never decided) too; dossier 10 was already late.
    const result = await figures(admin, { from: '2026-02-01', to: '2026-02-24', agencyId: COMMUNE });
    expect(result.finishedOnTime + result.finishedLate).toBe(0);
    expect(result).toMatchObject({ counted: 7, inProgressLate: 1 });
  });

  it('counts the whole province for its admin, and nothing of another province', async () => {
    const result = await figures(admin, { from: '2026-02-01', to: '2026-03-01', agencyId: '' });
    expect(result).toMatchObject({ counted: 9, finishedOnTime: 3, finishedLate: 2, inProgressOnTime: 2, inProgressLate: 2, onTimeRate: 55.56, overdueRate: 44.44 });
    const january = await figures(admin, { from: '2026-01-01', to: '2026-02-01', agencyId: '' });
    expect(january).toMatchObject({ counted: 1, inProgressLate: 1 });
  });

  it('refuses a leader of another agency and bad periods', async () => {
    await expect(figures(leaderOf(OTHER), { from: '2026-02-01', to: '2026-03-01', agencyId: COMMUNE })).rejects.toThrow();
    await expect(figures(admin, { from: '2026-03-01', to: '2026-02-01', agencyId: '' })).rejects.toThrow(/to/);
  });
});

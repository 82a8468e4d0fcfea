import { randomBytes, randomUUID } from 'node:crypto';
import { nationalWorkingCalendar, vietnamInstant } from '@motcua/calendar';
import { TenantTransactionRunner } from '@motcua/persistence';
import { runInTenant } from '@motcua/tenancy';
import { ProcessStepDefinition } from '../domain/process-plan';
import { replay, Workflow, WorkflowAction, WorkflowChange } from '../domain/workflow';
import { Actor, openChange, OpenInput, record, SYSTEM } from '../domain/workflow-commands';
import { workingClockOf } from '../domain/working-clock';
import { WorkflowRepository } from '../persistence/workflow.repository';

/** The national calendar with the default office hours (tests). */
export const testClock = workingClockOf(nationalWorkingCalendar());
export const COMMUNE = '000.24.11.H33';
export const at = (local: string): Date => vietnamInstant(local);

export const COMMUNE_PROCESS: ProcessStepDefinition[] = [
  { name: 'Tiếp nhận', role: 'desk_officer', agencyId: '', share: 0.1, handsOver: false },
  { name: 'Thẩm định', role: 'specialist', agencyId: '', share: 0.5, handsOver: false },
  { name: 'Ký', role: 'leader', agencyId: '', share: 0.3, handsOver: false },
  { name: 'Trả kết quả', role: 'desk_officer', agencyId: '', share: 0.1, handsOver: false },
];

/** A commune dossier received on Friday 13 Feb 2026 at 10:00, due Wednesday 25 Feb at 17:00 (3 working days across Tết). */
export function openInput(overrides: Partial<OpenInput> = {}): OpenInput {
  return {
    dossierId: randomUUID(),
    code: `${COMMUNE}-260213-${String(randomBytes(2).readUInt16BE(0) % 10_000).padStart(4, '0')}`,
    procedureId: randomUUID(),
    procedureVersionId: randomUUID(),
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    channel: 'desk',
    competentAgencyId: COMMUNE,
    receivingAgencyId: COMMUNE,
    receivingDeskId: 'H33-X12250-BPMC',
    applicantPseudonym: 'a'.repeat(64),
    onTheSpot: false,
    receivedAt: at('2026-02-13T10:00'),
    receivedBy: 'desk-1',
    appointmentAt: at('2026-02-25T17:00'),
    internalProcess: COMMUNE_PROCESS,
    ...overrides,
  };
}

/** A workflow's history built in memory: each step applied as the real handlers record it. */
export class History {
  workflow: Workflow;
  readonly actions: WorkflowAction[] = [];

  constructor(input: OpenInput) {
    const first = record(null, SYSTEM, input.receivedAt, openChange(input, testClock));
    this.workflow = first.workflow;
    this.actions.push(first.action);
  }

  apply(actor: Actor, when: Date, change: WorkflowChange): Workflow {
    const next = record(this.workflow, actor, when, change);
    this.workflow = next.workflow;
    this.actions.push(next.action);
    return this.workflow;
  }

  /** Stores the whole history as one save per action, as the service does. */
  async store(runner: TenantTransactionRunner, repository: WorkflowRepository, tenantId: string): Promise<void> {
    await runInTenant({ tenantId, traceId: randomBytes(16).toString('hex') }, async () => {
      let before: Workflow | null = null;
      for (const action of this.actions) {
        const after = replay(this.actions.filter((earlier) => earlier.seq <= action.seq)) as Workflow;
        await runner.run((manager) => repository.save(manager, before, after, [action]));
        before = after;
      }
    });
  }
}

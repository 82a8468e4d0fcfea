import { Controller } from '@nestjs/common';
import { ProcessingV1 } from '@motcua/contracts';
import { GetApologySlipHandler } from '../../apology/application/get-apology-slip/get-apology-slip.handler';
import { ActOnWorkflowHandler } from '../application/act-on-workflow/act-on-workflow.handler';
import { WORKFLOW_COMMAND_KINDS, WorkflowCommand } from '../application/act-on-workflow/workflow-command';
import { ProcessingClock } from '../application/processing-clock';
import { ReadWorkflowHandler } from '../application/read-workflow/read-workflow.handler';
import { ProcessingError, ProcessingErrorCode } from '../domain/processing.errors';
import { Channel, Workflow, WorkflowStatus } from '../domain/workflow';
import { TaskRow } from '../persistence/workflow.repository';

/** National portal status (TrangThaiHoSo) of each workflow status. */
const NATIONAL_STATUS: Record<WorkflowStatus, number> = { in_progress: 4, paused: 5, decided: 9, returned: 10, stopped: 8 };
const CHANNELS: readonly Channel[] = ['online', 'desk', 'postal'];

function invalid(field: string, message: string): never {
  throw new ProcessingError(ProcessingErrorCode.InvalidAction, `The action is invalid: ${field} ${message}`, { errors: [{ field, message }] });
}

export function commandOf(request: ProcessingV1.ActOnWorkflowRequest): WorkflowCommand {
  const kind = request.action as WorkflowCommand['kind'];
  if (!WORKFLOW_COMMAND_KINDS.includes(kind)) invalid('action', `one of ${WORKFLOW_COMMAND_KINDS.join(', ')}`);
  const note = request.note ?? '';
  switch (kind) {
    case 'claim':
      return { kind };
    case 'assign':
      return { kind, assignee: request.assignee ?? '' };
    case 'complete':
    case 'resume':
    case 'approve':
    case 'resolve_on_the_spot':
      return { kind, note };
    case 'send_back':
      return { kind, toStep: request.toStep ?? 0, reason: request.reason ?? '' };
    case 'request_supplement':
    case 'request_payment':
      return { kind, items: request.items ?? [] };
    case 'refuse':
      return { kind, reasons: request.reasons ?? [] };
    case 'return_result': {
      const channel = (request.channel || 'desk') as Channel;
      if (!CHANNELS.includes(channel)) invalid('channel', 'desk, online or postal');
      return { kind, channel, note };
    }
    case 'apologise': {
      const at = request.newAppointmentAt ?? '';
      if (Number.isNaN(Date.parse(at)) || !/T.*(Z|[+-]\d{2}:\d{2})$/.test(at)) invalid('newAppointmentAt', 'an RFC 3339 instant');
      return { kind, reason: request.reason ?? '', newAppointmentAt: at };
    }
  }
}

const iso = (date: Date | null | undefined): string => date?.toISOString() ?? '';

export function workflowToProto(workflow: Workflow, now: Date): ProcessingV1.Workflow {
  return {
    dossierId: workflow.dossierId,
    code: workflow.code,
    procedureCode: workflow.procedureCode,
    procedureName: workflow.procedureName,
    status: workflow.status,
    nationalStatus: workflow.status === 'paused' && workflow.pause?.reason === 'payment' ? 6 : NATIONAL_STATUS[workflow.status],
    currentStep: workflow.currentStep,
    steps: workflow.steps.map((step, index) => ({ index, name: step.name, role: step.role, agencyId: step.agencyId, allowedMs: String(step.allowedMs), handsOver: step.handsOver })),
    assignee: workflow.assignee ?? '',
    stepStartedAt: iso(workflow.stepStartedAt),
    stepDueAt: iso(workflow.stepDueAt),
    receivedAt: iso(workflow.receivedAt),
    deadlineAt: iso(workflow.deadlineAt),
    appointmentAt: iso(workflow.appointmentAt),
    dueSoonAt: iso(workflow.dueSoonAt),
    pausedReason: workflow.pause?.reason ?? '',
    pausedSince: iso(workflow.pause?.since),
    pausedMs: String(workflow.pausedMs),
    supplementRequests: workflow.supplementRequests,
    apology: workflow.apology
      ? { issuedAt: iso(workflow.apology.issuedAt), agencyId: workflow.apology.agencyId, previousAppointmentAt: iso(workflow.apology.previousAppointmentAt) }
      : null,
    decision: workflow.decision ?? '',
    decidedAt: iso(workflow.decidedAt),
    resultId: workflow.resultId ?? '',
    returnedAt: iso(workflow.returnedAt),
    returnChannel: workflow.returnChannel ?? '',
    overdue: (workflow.decidedAt ?? workflow.pause?.since ?? now) > workflow.deadlineAt,
    onTheSpot: workflow.onTheSpot,
    version: workflow.version,
    competentAgencyId: workflow.competentAgencyId,
    receivingAgencyId: workflow.receivingAgencyId,
    receivingDeskId: workflow.receivingDeskId,
  };
}

function taskToProto(task: TaskRow, now: Date): ProcessingV1.Task {
  return {
    id: task.id,
    dossierId: task.dossierId,
    step: task.step,
    status: task.status,
    createdAt: iso(task.createdAt),
    agencyId: task.agencyId,
    stepIndex: task.stepIndex,
    role: task.role,
    assignee: task.assignee ?? '',
    dueAt: iso(task.dueAt),
    closedAt: iso(task.closedAt),
    closedBy: task.closedBy ?? '',
    overdue: task.status === 'open' && task.dueAt < now,
  };
}

@Controller()
@ProcessingV1.ProcessingServiceControllerMethods()
export class ProcessingController implements ProcessingV1.ProcessingServiceController {
  constructor(
    private readonly act: ActOnWorkflowHandler,
    private readonly read: ReadWorkflowHandler,
    private readonly clock: ProcessingClock,
    private readonly apologySlips: GetApologySlipHandler,
  ) {}

  async listDossierTasks(request: ProcessingV1.ListDossierTasksRequest): Promise<ProcessingV1.ListDossierTasksResponse> {
    return { tasks: (await this.read.tasks(request.dossierId ?? '')).map((task) => taskToProto(task, this.clock.now())) };
  }

  async getWorkflow(request: ProcessingV1.GetWorkflowRequest): Promise<ProcessingV1.Workflow> {
    return workflowToProto(await this.read.workflow(request.dossierId ?? ''), this.clock.now());
  }

  async actOnWorkflow(request: ProcessingV1.ActOnWorkflowRequest): Promise<ProcessingV1.Workflow> {
    return workflowToProto(await this.act.execute(request.dossierId ?? '', commandOf(request), request.expectedVersion ?? undefined), this.clock.now());
  }

  async getWorkflowHistory(request: ProcessingV1.GetWorkflowHistoryRequest): Promise<ProcessingV1.WorkflowHistory> {
    const history = await this.read.history(request.dossierId ?? '');
    return {
      entries: history.actions.map((action) => {
        const change = action.change as unknown as Record<string, unknown>;
        const number = (key: string): number | undefined => (typeof change[key] === 'number' ? (change[key] as number) : undefined);
        return {
          seq: action.seq,
          action: action.change.kind,
          actor: action.actor,
          actorRoles: action.actorRoles,
          actorAgencyId: action.actorAgencyId,
          fromStep: number('from'),
          toStep: number('to'),
          takenMs: number('takenMs') === undefined ? undefined : String(number('takenMs')),
          allowedMs: number('allowedMs') === undefined ? undefined : String(number('allowedMs')),
          at: action.at.toISOString(),
          detailsJson: JSON.stringify(action.change),
        };
      }),
      handovers: history.handovers.map((handover) => ({
        fromStep: handover.fromStep,
        fromAgencyId: handover.fromAgencyId,
        toAgencyId: handover.toAgencyId,
        sentBy: handover.sentBy,
        sentAt: iso(handover.sentAt),
        receivedBy: handover.receivedBy ?? '',
        receivedAt: iso(handover.receivedAt),
      })),
      rebuildsState: history.rebuildsState,
    };
  }

  async listWorklist(request: ProcessingV1.ListWorklistRequest): Promise<ProcessingV1.ListWorklistResponse> {
    const page = await this.read.worklist({ scope: request.scope ?? '', pageSize: request.pageSize ?? 0, pageToken: request.pageToken ?? '' });
    return { items: page.items.map((task) => taskToProto(task, this.clock.now())), nextPageToken: page.nextPageToken };
  }

  async getProcessingFigures(request: ProcessingV1.GetProcessingFiguresRequest): Promise<ProcessingV1.ProcessingFigures> {
    const figures = await this.read.figures({ from: request.from ?? '', to: request.to ?? '', agencyId: request.agencyId ?? '' });
    return {
      counted: figures.counted,
      finishedOnTime: figures.finishedOnTime,
      finishedLate: figures.finishedLate,
      inProgressOnTime: figures.inProgressOnTime,
      inProgressLate: figures.inProgressLate,
      onTimeRate: figures.onTimeRate ?? undefined,
      overdueRate: figures.overdueRate ?? undefined,
      computedAt: figures.computedAt.toISOString(),
    };
  }

  async getApologySlip(request: ProcessingV1.GetApologySlipRequest): Promise<ProcessingV1.ApologySlip> {
    return this.apologySlips.execute({ dossierId: request.dossierId ?? '', format: request.format ?? '' });
  }
}

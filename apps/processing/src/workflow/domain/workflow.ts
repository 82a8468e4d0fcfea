import { StepPlan } from './process-plan';

export const WORKFLOW_STATUSES = ['in_progress', 'paused', 'decided', 'returned', 'stopped'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];
export type PauseReason = 'supplement' | 'payment';
export type Decision = 'approved' | 'refused';
export type Channel = 'online' | 'desk' | 'postal';
export const SYSTEM_ACTOR = 'system';

/** What a received dossier brings to processing (from `dossier.received` and the catalogue). */
export interface WorkflowOpening {
  dossierId: string;
  code: string;
  procedureId: string;
  procedureVersionId: string;
  procedureCode: string;
  procedureName: string;
  channel: Channel;
  competentAgencyId: string;
  receivingAgencyId: string;
  receivingDeskId: string;
  applicantPseudonym: string;
  onTheSpot: boolean;
  steps: StepPlan[];
  receivedAt: Date;
  receivedBy: string;
  /** The appointment on the receipt. */
  appointmentAt: Date;
  /** When the dossier becomes due soon (one working day before the deadline). */
  dueSoonAt: Date;
  /** When the first processing step (after the desk's receipt) is due. */
  stepDueAt: Date;
}

/** Time a step took against the time it was allowed, in working milliseconds. */
export interface StepTiming {
  from: number;
  takenMs: number;
  allowedMs: number;
}

export interface Handover {
  fromAgencyId: string;
  toAgencyId: string;
}

/**
 * One entry of the dossier's history: what happened, from which step to which, with every fact
 * (computed instants included) needed to rebuild the state without a calendar. Append-only.
 */
export type WorkflowChange =
  | ({ kind: 'opened' } & WorkflowOpening)
  | { kind: 'claimed'; step: number; assignee: string }
  | { kind: 'assigned'; step: number; assignee: string }
  | ({ kind: 'completed'; to: number; stepDueAt: Date; handover: Handover | null; note: string } & StepTiming)
  | ({ kind: 'sent_back'; to: number; stepDueAt: Date; handover: Handover | null; reason: string } & StepTiming)
  | { kind: 'paused'; reason: PauseReason; items: string[] }
  | { kind: 'resumed'; reason: PauseReason; pausedMs: number; deadlineAt: Date; appointmentAt: Date; dueSoonAt: Date; stepDueAt: Date; note: string }
  | ({ kind: 'approved'; to: number; stepDueAt: Date; handover: Handover | null; final: boolean; resultId: string | null; note: string } & StepTiming)
  | ({ kind: 'refused'; to: number; stepDueAt: Date; handover: Handover | null; reasons: string[]; resultId: string } & StepTiming)
  | ({ kind: 'result_returned'; channel: Channel; note: string } & StepTiming)
  | { kind: 'due_soon'; deadlineAt: Date }
  | { kind: 'overdue'; deadlineAt: Date }
  | { kind: 'step_overdue'; step: number; stepDueAt: Date }
  | { kind: 'apology_issued'; agencyId: string; reason: string; previousAppointmentAt: Date; appointmentAt: Date }
  | { kind: 'stopped'; reason: string }
  | { kind: 'resolved_on_the_spot'; resultId: string; channel: Channel; note: string };

export type WorkflowChangeKind = WorkflowChange['kind'];

/** A change as recorded: who (a subject, or `system`), with which roles, at which agency, when. */
export interface WorkflowAction {
  seq: number;
  actor: string;
  actorRoles: string[];
  actorAgencyId: string;
  at: Date;
  change: WorkflowChange;
}

/** A dossier's workflow in processing: where it stands, its clocks and its markers. */
export interface Workflow extends Omit<WorkflowOpening, 'receivedBy' | 'appointmentAt'> {
  status: WorkflowStatus;
  currentStep: number;
  assignee: string | null;
  stepStartedAt: Date;
  /** The legal deadline: the receipt's appointment plus paused working time. On-time is measured against it. */
  deadlineAt: Date;
  /** What the applicant is promised: the deadline, or the apology's new appointment (plus later pauses). */
  appointmentAt: Date;
  pause: { reason: PauseReason; since: Date } | null;
  pausedMs: number;
  /** Working time paused since the current step started (not counted against the step). */
  stepPausedMs: number;
  supplementRequests: number;
  apology: { issuedAt: Date; agencyId: string; previousAppointmentAt: Date } | null;
  decision: Decision | null;
  decidedAt: Date | null;
  resultId: string | null;
  returnedAt: Date | null;
  returnChannel: Channel | null;
  dueSoonMarkedAt: Date | null;
  overdueMarkedAt: Date | null;
  stepOverdueMarkedAt: Date | null;
  /** The number of actions applied; the next action's `seq` is `version + 1`. */
  version: number;
  updatedAt: Date;
}

function openWorkflow(opening: WorkflowOpening): Workflow {
  const { receivedBy: _receivedBy, appointmentAt, ...facts } = opening;
  void _receivedBy;
  return {
    ...facts,
    status: 'in_progress',
    currentStep: Math.min(1, opening.steps.length - 1),
    assignee: null,
    stepStartedAt: opening.receivedAt,
    deadlineAt: appointmentAt,
    appointmentAt,
    pause: null,
    pausedMs: 0,
    stepPausedMs: 0,
    supplementRequests: 0,
    apology: null,
    decision: null,
    decidedAt: null,
    resultId: null,
    returnedAt: null,
    returnChannel: null,
    dueSoonMarkedAt: null,
    overdueMarkedAt: null,
    stepOverdueMarkedAt: null,
    version: 1,
    updatedAt: opening.receivedAt,
  };
}

function moveTo(workflow: Workflow, step: number, at: Date, stepDueAt: Date): Workflow {
  return { ...workflow, currentStep: step, assignee: null, stepStartedAt: at, stepDueAt, stepPausedMs: 0, stepOverdueMarkedAt: null };
}

/** Applies one recorded action: pure and total, so the history alone rebuilds the state. */
export function evolve(workflow: Workflow | null, action: WorkflowAction): Workflow {
  const { change, at } = action;
  if (change.kind === 'opened') return openWorkflow(change);
  if (workflow === null) throw new Error(`A workflow history must start with 'opened', not '${change.kind}'`);
  const next = ((): Workflow => {
    switch (change.kind) {
      case 'claimed':
      case 'assigned':
        return { ...workflow, assignee: change.assignee };
      case 'completed':
      case 'sent_back':
        return moveTo(workflow, change.to, at, change.stepDueAt);
      case 'paused':
        return {
          ...workflow,
          status: 'paused',
          pause: { reason: change.reason, since: at },
          supplementRequests: workflow.supplementRequests + (change.reason === 'supplement' ? 1 : 0),
        };
      case 'resumed':
        return {
          ...workflow,
          status: 'in_progress',
          pause: null,
          pausedMs: workflow.pausedMs + change.pausedMs,
          stepPausedMs: workflow.stepPausedMs + change.pausedMs,
          deadlineAt: change.deadlineAt,
          appointmentAt: change.appointmentAt,
          dueSoonAt: change.dueSoonAt,
          stepDueAt: change.stepDueAt,
        };
      case 'approved': {
        const moved = moveTo(workflow, change.to, at, change.stepDueAt);
        return change.final ? { ...moved, status: 'decided', decision: 'approved', decidedAt: at, resultId: change.resultId } : moved;
      }
      case 'refused':
        return { ...moveTo(workflow, change.to, at, change.stepDueAt), status: 'decided', decision: 'refused', decidedAt: at, resultId: change.resultId };
      case 'result_returned':
        return { ...workflow, status: 'returned', returnedAt: at, returnChannel: change.channel, assignee: null };
      case 'due_soon':
        return { ...workflow, dueSoonMarkedAt: at };
      case 'overdue':
        return { ...workflow, overdueMarkedAt: at };
      case 'step_overdue':
        return { ...workflow, stepOverdueMarkedAt: at };
      case 'apology_issued':
        return {
          ...workflow,
          appointmentAt: change.appointmentAt,
          apology: { issuedAt: at, agencyId: change.agencyId, previousAppointmentAt: change.previousAppointmentAt },
        };
      case 'stopped':
        return { ...workflow, status: 'stopped', pause: null, assignee: null };
      case 'resolved_on_the_spot':
        return {
          ...workflow,
          status: 'returned',
          currentStep: workflow.steps.length - 1,
          decision: 'approved',
          decidedAt: at,
          resultId: change.resultId,
          returnedAt: at,
          returnChannel: change.channel,
          assignee: null,
        };
    }
  })();
  return { ...next, version: action.seq, updatedAt: at };
}

/** Rebuilds a workflow from its whole history, oldest first. */
export function replay(actions: readonly WorkflowAction[]): Workflow | null {
  return actions.reduce<Workflow | null>((workflow, action) => evolve(workflow, action), null);
}

/** The agency holding the dossier now: the current step's. */
export function currentAgency(workflow: Workflow): string {
  return workflow.steps[workflow.currentStep]?.agencyId ?? workflow.competentAgencyId;
}

export function isOpen(workflow: Workflow): boolean {
  return workflow.status === 'in_progress' || workflow.status === 'paused';
}

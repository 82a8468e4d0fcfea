import { decisionStepIndex, planSteps, ProcessStepDefinition, StepRole } from './process-plan';
import { ProcessingError, ProcessingErrorCode } from './processing.errors';
import {
  Channel,
  currentAgency,
  evolve,
  Handover,
  PauseReason,
  StepTiming,
  SYSTEM_ACTOR,
  Workflow,
  WorkflowAction,
  WorkflowChange,
  WorkflowOpening,
} from './workflow';
import { dueSoonInstant, WorkingClock } from './working-clock';

/** Who acts: a staff member from the verified token, or the system (scheduler, events). */
export interface Actor {
  subject: string;
  roles: string[];
  agencyId: string;
  deskIds: string[];
}

export const SYSTEM: Actor = { subject: SYSTEM_ACTOR, roles: [], agencyId: '', deskIds: [] };

/** Which staff roles may work a step of each role ('clerk' steps are worked by specialists). */
const ROLES_FOR_STEP: Readonly<Record<StepRole, readonly string[]>> = {
  desk_officer: ['desk_officer'],
  specialist: ['specialist'],
  clerk: ['specialist'],
  leader: ['leader'],
};

function refuse(message: string, details: Record<string, unknown> = {}): never {
  throw new ProcessingError(ProcessingErrorCode.ActionNotAllowed, message, details);
}

function invalid(field: string, message: string): never {
  throw new ProcessingError(ProcessingErrorCode.InvalidAction, `The action is invalid: ${field} ${message}`, { errors: [{ field, message }] });
}

function requireStatus(workflow: Workflow, allowed: readonly Workflow['status'][], action: string): void {
  if (!allowed.includes(workflow.status)) refuse(`'${action}' is not allowed while the dossier is ${workflow.status}`, { status: workflow.status, action });
}

/** The actor may work the current step: its role, its agency, and the task is theirs or nobody's. */
function requireStepWorker(workflow: Workflow, actor: Actor, action: string): void {
  const step = workflow.steps[workflow.currentStep];
  if (!ROLES_FOR_STEP[step.role].some((role) => actor.roles.includes(role))) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, `The step '${step.name}' is worked by the ${step.role} role`, { step: workflow.currentStep, role: step.role, action });
  }
  if (actor.agencyId !== step.agencyId) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, 'The step belongs to another agency', { step: workflow.currentStep, action });
  }
  if (workflow.assignee !== null && workflow.assignee !== actor.subject) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, 'The task is assigned to another officer', { step: workflow.currentStep, action });
  }
}

function timing(workflow: Workflow, clock: WorkingClock, at: Date): StepTiming {
  const takenMs = Math.max(0, clock.workingTimeBetween(workflow.stepStartedAt, at) - workflow.stepPausedMs);
  return { from: workflow.currentStep, takenMs, allowedMs: workflow.steps[workflow.currentStep].allowedMs };
}

function stepDue(workflow: Workflow, step: number, clock: WorkingClock, at: Date): Date {
  return clock.addWorkingTime(at, workflow.steps[Math.min(step, workflow.steps.length - 1)].allowedMs);
}

/** Leaving step `from` for step `to` crosses agencies (or the step says it hands over): a hand-over. */
function handoverBetween(workflow: Workflow, from: number, to: number): Handover | null {
  const fromAgencyId = workflow.steps[from].agencyId;
  const toAgencyId = workflow.steps[to].agencyId;
  return workflow.steps[from].handsOver || fromAgencyId !== toAgencyId ? { fromAgencyId, toAgencyId } : null;
}

function note(text: string | undefined, field = 'note'): string {
  const trimmed = (text ?? '').trim();
  if (trimmed.length > 2000) invalid(field, 'at most 2,000 characters');
  return trimmed;
}

function reasonsOf(reasons: readonly string[], field: string): string[] {
  const cleaned = reasons.map((reason) => reason.trim()).filter((reason) => reason.length > 0);
  if (cleaned.length === 0) invalid(field, 'at least one reason is required');
  if (cleaned.some((reason) => reason.length > 1000)) invalid(field, 'at most 1,000 characters each');
  return cleaned;
}

/** Records `change` as the workflow's next action and applies it. */
export function record(workflow: Workflow | null, actor: Actor, at: Date, change: WorkflowChange): { workflow: Workflow; action: WorkflowAction } {
  const action: WorkflowAction = { seq: (workflow?.version ?? 0) + 1, actor: actor.subject, actorRoles: actor.roles, actorAgencyId: actor.agencyId, at, change };
  return { workflow: evolve(workflow, action), action };
}

export interface OpenInput extends Omit<WorkflowOpening, 'steps' | 'dueSoonAt' | 'stepDueAt'> {
  internalProcess: readonly ProcessStepDefinition[];
}

/** A received dossier's workflow: the receipt (step 0) is the desk's, the next step opens now. */
export function openChange(input: OpenInput, clock: WorkingClock): WorkflowChange {
  const { internalProcess, ...facts } = input;
  const total = clock.workingTimeBetween(input.receivedAt, input.appointmentAt);
  const steps = planSteps(internalProcess, input.competentAgencyId, total, input.receivingAgencyId);
  const first = Math.min(1, steps.length - 1);
  return {
    kind: 'opened',
    ...facts,
    steps,
    dueSoonAt: dueSoonInstant(clock, input.receivedAt, input.appointmentAt),
    stepDueAt: clock.addWorkingTime(input.receivedAt, steps[first].allowedMs),
  };
}

/** Steps after the decision (registration with the police, the clerk's stamp, the return) are still worked. */
const WORKED: readonly Workflow['status'][] = ['in_progress', 'paused', 'decided'];

export function claimChange(workflow: Workflow, actor: Actor): WorkflowChange {
  requireStatus(workflow, WORKED, 'claim');
  requireStepWorker(workflow, actor, 'claim');
  if (workflow.assignee === actor.subject) refuse('The task is already yours', { action: 'claim' });
  return { kind: 'claimed', step: workflow.currentStep, assignee: actor.subject };
}

export function assignChange(workflow: Workflow, leader: Actor, assignee: string): WorkflowChange {
  requireStatus(workflow, WORKED, 'assign');
  if (!leader.roles.includes('leader') || leader.agencyId !== currentAgency(workflow)) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, "Only a leader of the step's agency assigns its task", { action: 'assign' });
  }
  const subject = assignee.trim();
  if (subject === '' || subject.length > 200) invalid('assignee', 'a staff subject is required');
  return { kind: 'assigned', step: workflow.currentStep, assignee: subject };
}

export function completeChange(workflow: Workflow, actor: Actor, text: string | undefined, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['in_progress', 'decided'], 'complete');
  const step = workflow.steps[workflow.currentStep];
  if (step.role === 'leader') refuse("A leader's step ends with 'approve' or 'refuse'", { action: 'complete' });
  if (workflow.currentStep >= workflow.steps.length - 1) refuse("The last step ends with 'return-result'", { action: 'complete' });
  requireStepWorker(workflow, actor, 'complete');
  const to = workflow.currentStep + 1;
  const handover = handoverBetween(workflow, workflow.currentStep, to);
  return { kind: 'completed', ...timing(workflow, clock, at), to, stepDueAt: stepDue(workflow, to, clock, at), handover, note: note(text) };
}

export function sendBackChange(workflow: Workflow, actor: Actor, to: number, reason: string, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['in_progress'], 'send-back');
  requireStepWorker(workflow, actor, 'send-back');
  if (!Number.isInteger(to) || to < 1 || to >= workflow.currentStep) invalid('toStep', `an earlier processing step (1–${workflow.currentStep - 1})`);
  const why = note(reason, 'reason');
  if (why === '') invalid('reason', 'is required');
  const back = workflow.steps[to].agencyId !== workflow.steps[workflow.currentStep].agencyId;
  const handover = back ? { fromAgencyId: workflow.steps[workflow.currentStep].agencyId, toAgencyId: workflow.steps[to].agencyId } : null;
  return { kind: 'sent_back', ...timing(workflow, clock, at), to, stepDueAt: stepDue(workflow, to, clock, at), handover, reason: why };
}

export function pauseChange(workflow: Workflow, actor: Actor, reason: PauseReason, items: readonly string[]): WorkflowChange {
  requireStatus(workflow, ['in_progress'], reason === 'supplement' ? 'request-supplement' : 'request-payment');
  requireStepWorker(workflow, actor, 'pause');
  if (workflow.steps[workflow.currentStep].role === 'desk_officer' && workflow.currentStep === workflow.steps.length - 1) {
    refuse('The result is being returned: nothing more can be asked', { action: 'pause' });
  }
  const cleaned = reason === 'supplement' ? reasonsOf(items, 'items') : items.map((item) => item.trim()).filter(Boolean);
  return { kind: 'paused', reason, items: cleaned };
}

export function resumeChange(workflow: Workflow, text: string | undefined, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['paused'], 'resume');
  const pause = workflow.pause as NonNullable<Workflow['pause']>;
  const pausedMs = clock.workingTimeBetween(pause.since, at);
  return {
    kind: 'resumed',
    reason: pause.reason,
    pausedMs,
    deadlineAt: clock.addWorkingTime(workflow.deadlineAt, pausedMs),
    appointmentAt: clock.addWorkingTime(workflow.appointmentAt, pausedMs),
    dueSoonAt: clock.addWorkingTime(workflow.dueSoonAt, pausedMs),
    stepDueAt: clock.addWorkingTime(workflow.stepDueAt, pausedMs),
    note: note(text),
  };
}

/** A leader approves: at the decision step this decides the dossier (the result is issued); before it, the flow goes on. */
export function approveChange(workflow: Workflow, leader: Actor, text: string | undefined, resultId: string | null, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['in_progress'], 'approve');
  if (workflow.steps[workflow.currentStep].role !== 'leader') refuse("Only a leader's step is approved", { action: 'approve' });
  requireStepWorker(workflow, leader, 'approve');
  const final = workflow.currentStep === decisionStepIndex(workflow.steps);
  if (final && resultId === null) throw new Error('A final approval needs its issued result');
  const to = Math.min(workflow.currentStep + 1, workflow.steps.length - 1);
  const handover = to === workflow.currentStep ? null : handoverBetween(workflow, workflow.currentStep, to);
  return { kind: 'approved', ...timing(workflow, clock, at), to, stepDueAt: stepDue(workflow, to, clock, at), handover, final, resultId: final ? resultId : null, note: note(text) };
}

/** Whether approving now decides the dossier (the caller issues the result first). */
export function approvalDecides(workflow: Workflow): boolean {
  return workflow.currentStep === decisionStepIndex(workflow.steps);
}

/** A leader refuses with reasons: decided, and the refusal goes straight to the return step. */
export function refuseChange(workflow: Workflow, leader: Actor, reasons: readonly string[], resultId: string, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['in_progress'], 'refuse');
  if (workflow.steps[workflow.currentStep].role !== 'leader') refuse("Only a leader's step refuses", { action: 'refuse' });
  requireStepWorker(workflow, leader, 'refuse');
  const to = workflow.steps.length - 1;
  const fromAgencyId = workflow.steps[workflow.currentStep].agencyId;
  const handover = workflow.steps[to].agencyId !== fromAgencyId ? { fromAgencyId, toAgencyId: workflow.steps[to].agencyId } : null;
  return { kind: 'refused', ...timing(workflow, clock, at), to, stepDueAt: stepDue(workflow, to, clock, at), handover, reasons: reasonsOf(reasons, 'reasons'), resultId };
}

/** Checks a refusal's reasons before the result is issued. */
export function refusalReasons(reasons: readonly string[]): string[] {
  return reasonsOf(reasons, 'reasons');
}

export function returnResultChange(workflow: Workflow, officer: Actor, channel: Channel, text: string | undefined, clock: WorkingClock, at: Date): WorkflowChange {
  requireStatus(workflow, ['decided'], 'return-result');
  if (workflow.currentStep !== workflow.steps.length - 1 || workflow.steps[workflow.currentStep].role !== 'desk_officer') {
    refuse('The result is returned at the last step, by a desk officer', { action: 'return-result', step: workflow.currentStep });
  }
  requireStepWorker(workflow, officer, 'return-result');
  return { kind: 'result_returned', ...timing(workflow, clock, at), channel, note: note(text) };
}

export type TimerKind = 'due_soon' | 'overdue' | 'step_overdue';

/** The scheduler's marks: only when due, once, and only while the clock runs. Null: nothing to mark (stale timer). */
export function timerChange(workflow: Workflow, kind: TimerKind, at: Date): WorkflowChange | null {
  if (workflow.status !== 'in_progress') return null;
  switch (kind) {
    case 'due_soon':
      return workflow.dueSoonMarkedAt === null && workflow.apology === null && at >= workflow.dueSoonAt ? { kind: 'due_soon', deadlineAt: workflow.deadlineAt } : null;
    case 'overdue':
      return workflow.overdueMarkedAt === null && at > workflow.deadlineAt ? { kind: 'overdue', deadlineAt: workflow.deadlineAt } : null;
    case 'step_overdue':
      return workflow.stepOverdueMarkedAt === null && at > workflow.stepDueAt ? { kind: 'step_overdue', step: workflow.currentStep, stepDueAt: workflow.stepDueAt } : null;
  }
}

/** The agency holding a dossier that is due soon or late apologises once, with a new appointment (form 04). */
export function apologyChange(workflow: Workflow, actor: Actor, reason: string, newAppointmentAt: Date, at: Date): WorkflowChange {
  requireStatus(workflow, ['in_progress', 'paused'], 'apologise');
  if (workflow.apology !== null) throw new ProcessingError(ProcessingErrorCode.ApologyAlreadyIssued, 'A new appointment may be set only once', { issuedAt: workflow.apology.issuedAt.toISOString() });
  const agencyId = currentAgency(workflow);
  if (actor.agencyId !== agencyId || !actor.roles.some((role) => role === 'leader' || role === 'specialist')) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, 'The apology comes from the agency holding the dossier', { action: 'apologise' });
  }
  if (at < workflow.dueSoonAt && workflow.dueSoonMarkedAt === null && workflow.overdueMarkedAt === null) {
    throw new ProcessingError(ProcessingErrorCode.ApologyNotDue, 'The dossier is neither due soon nor late', { dueSoonAt: workflow.dueSoonAt.toISOString() });
  }
  const why = note(reason, 'reason');
  if (why === '') invalid('reason', 'is required');
  if (Number.isNaN(newAppointmentAt.getTime()) || newAppointmentAt <= workflow.appointmentAt || newAppointmentAt <= at) {
    invalid('newAppointmentAt', 'must be later than the current appointment and than now');
  }
  return { kind: 'apology_issued', agencyId, reason: why, previousAppointmentAt: workflow.appointmentAt, appointmentAt: newAppointmentAt };
}

/** The applicant withdrew (Decree 118 art. 21): processing stops unless already decided. Null: nothing to stop. */
export function stopChange(workflow: Workflow, reason: string): WorkflowChange | null {
  if (workflow.status !== 'in_progress' && workflow.status !== 'paused') return null;
  return { kind: 'stopped', reason: reason.trim().slice(0, 1000) };
}

/** Whether the officer may resolve the dossier on the spot (4 tại chỗ), before its result is issued. */
export function checkOnTheSpot(workflow: Workflow, officer: Actor): void {
  if (!workflow.onTheSpot) throw new ProcessingError(ProcessingErrorCode.NotOnTheSpot, 'The procedure is not resolved on the spot', {});
  requireStatus(workflow, ['in_progress'], 'resolve-on-the-spot');
  if (workflow.currentStep > 1) refuse('The dossier has already moved on in its process', { action: 'resolve-on-the-spot' });
  if (!officer.roles.includes('desk_officer') || officer.agencyId !== workflow.receivingAgencyId || !officer.deskIds.includes(workflow.receivingDeskId)) {
    throw new ProcessingError(ProcessingErrorCode.NotYourTask, 'Only an officer of the receiving desk resolves on the spot', { action: 'resolve-on-the-spot' });
  }
}

/** 4 tại chỗ: received, appraised, approved and returned at the desk in one visit. */
export function onTheSpotChange(workflow: Workflow, officer: Actor, resultId: string, text: string | undefined): WorkflowChange {
  checkOnTheSpot(workflow, officer);
  return { kind: 'resolved_on_the_spot', resultId, channel: 'desk', note: note(text) };
}

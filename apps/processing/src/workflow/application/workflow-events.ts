import {
  DossierApologyIssuedV1,
  DossierDeadlineApproachedV1,
  DossierDeadlinePassedV1,
  DossierDecidedV1,
  DossierProcessingPausedV1,
  DossierProcessingResumedV1,
  DossierProcessingStartedV1,
  DossierProcessingStoppedV1,
  DossierResultReturnedV1,
  DossierStepCompletedV1,
  DossierStepDeadlinePassedV1,
  DossierTaskAssignedV1,
  DossierTransferredV1,
} from '@motcua/contracts';
import { OutboxEvent } from '@motcua/messaging';
import { punctualityOf } from '../domain/punctuality';
import { currentAgency, Workflow, WorkflowAction } from '../domain/workflow';

/**
 * The events one recorded action publishes (through the outbox, in its transaction). They carry
 * ids, agencies, staff subjects and instants; never the applicant's data or officers' free text.
 */
export function eventsOf(before: Workflow | null, after: Workflow, action: WorkflowAction): OutboxEvent[] {
  const { change, at, actor } = action;
  const dossierId = after.dossierId;
  const iso = at.toISOString();
  const event = (type: string, data: Record<string, unknown>): OutboxEvent => ({ type, subject: dossierId, data: { dossierId, ...data } });
  const holder = before ? currentAgency(before) : currentAgency(after);
  switch (change.kind) {
    case 'opened':
      // Published by the opening handler with the first task's id (processingStarted below).
      return [];
    case 'claimed':
    case 'assigned':
      return [event(DossierTaskAssignedV1.type, { step: change.step, agencyId: holder, assignee: change.assignee, assignedBy: actor, assignedAt: iso })];
    case 'completed':
    case 'sent_back':
    case 'approved': {
      const moved = event(DossierStepCompletedV1.type, {
        fromStep: change.from,
        toStep: change.to,
        outcome: change.kind,
        agencyId: holder,
        toAgencyId: currentAgency(after),
        completedBy: actor,
        completedAt: iso,
        takenMs: change.takenMs,
        allowedMs: change.allowedMs,
      });
      const events = [moved];
      if (change.handover) events.push(transferred(after, action, change.from, change.handover));
      if (change.kind === 'approved' && change.final) events.push(decided(after, action, false));
      return events;
    }
    case 'refused':
      return change.handover ? [decided(after, action, false), transferred(after, action, change.from, change.handover)] : [decided(after, action, false)];
    case 'paused':
      return [event(DossierProcessingPausedV1.type, { reason: change.reason, agencyId: holder, itemCount: change.items.length, pausedBy: actor, pausedAt: iso })];
    case 'resumed':
      return [
        event(DossierProcessingResumedV1.type, {
          reason: change.reason,
          pausedMs: change.pausedMs,
          deadlineAt: change.deadlineAt.toISOString(),
          appointmentAt: change.appointmentAt.toISOString(),
          resumedBy: actor,
          resumedAt: iso,
        }),
      ];
    case 'result_returned':
      return [returned(after, action, false)];
    case 'resolved_on_the_spot':
      return [decided(after, action, true), returned(after, action, true)];
    case 'due_soon':
      return [event(DossierDeadlineApproachedV1.type, { agencyId: holder, deadlineAt: change.deadlineAt.toISOString(), markedAt: iso })];
    case 'overdue':
      return [event(DossierDeadlinePassedV1.type, { agencyId: holder, deadlineAt: change.deadlineAt.toISOString(), apologised: after.apology !== null, markedAt: iso })];
    case 'step_overdue':
      return [event(DossierStepDeadlinePassedV1.type, { step: change.step, agencyId: holder, stepDueAt: change.stepDueAt.toISOString(), markedAt: iso })];
    case 'apology_issued':
      return [
        event(DossierApologyIssuedV1.type, {
          agencyId: change.agencyId,
          previousAppointmentAt: change.previousAppointmentAt.toISOString(),
          appointmentAt: change.appointmentAt.toISOString(),
          issuedBy: actor,
          issuedAt: iso,
        }),
      ];
    case 'stopped':
      return [event(DossierProcessingStoppedV1.type, { agencyId: holder, stoppedAt: iso })];
  }
}

/** The first processing step opened: intake shows the dossier in processing. */
export function processingStarted(workflow: Workflow, taskId: string): OutboxEvent {
  return {
    type: DossierProcessingStartedV1.type,
    subject: workflow.dossierId,
    data: { dossierId: workflow.dossierId, taskId, step: workflow.steps[workflow.currentStep].name.slice(0, 100), startedAt: workflow.stepStartedAt.toISOString() },
  };
}

function transferred(workflow: Workflow, action: WorkflowAction, fromStep: number, handover: { fromAgencyId: string; toAgencyId: string }): OutboxEvent {
  return {
    type: DossierTransferredV1.type,
    subject: workflow.dossierId,
    data: { dossierId: workflow.dossierId, fromStep, fromAgencyId: handover.fromAgencyId, toAgencyId: handover.toAgencyId, sentBy: action.actor, sentAt: action.at.toISOString() },
  };
}

function decided(workflow: Workflow, action: WorkflowAction, onTheSpot: boolean): OutboxEvent {
  return {
    type: DossierDecidedV1.type,
    subject: workflow.dossierId,
    data: {
      dossierId: workflow.dossierId,
      decision: workflow.decision,
      agencyId: action.actorAgencyId,
      decidedBy: action.actor,
      decidedAt: action.at.toISOString(),
      deadlineAt: workflow.deadlineAt.toISOString(),
      onTime: punctualityOf(workflow, action.at) === 'finished_on_time',
      onTheSpot,
      resultId: workflow.resultId,
    },
  };
}

function returned(workflow: Workflow, action: WorkflowAction, onTheSpot: boolean): OutboxEvent {
  return {
    type: DossierResultReturnedV1.type,
    subject: workflow.dossierId,
    data: {
      dossierId: workflow.dossierId,
      channel: workflow.returnChannel,
      agencyId: action.actorAgencyId,
      deskId: workflow.receivingDeskId,
      resultId: workflow.resultId,
      returnedBy: action.actor,
      returnedAt: action.at.toISOString(),
      onTheSpot,
    },
  };
}

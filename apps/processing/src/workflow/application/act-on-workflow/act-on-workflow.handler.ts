import { Injectable } from '@nestjs/common';
import { AccessResource, AccessSubject, Action, authorizeCaller } from '@motcua/auth';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { EntityManager } from 'typeorm';
import { ProcessingError, ProcessingErrorCode } from '../../domain/processing.errors';
import { currentAgency, Workflow, WorkflowChange } from '../../domain/workflow';
import {
  Actor,
  apologyChange,
  approvalDecides,
  approveChange,
  assignChange,
  checkOnTheSpot,
  claimChange,
  completeChange,
  onTheSpotChange,
  pauseChange,
  record,
  refusalReasons,
  refuseChange,
  resumeChange,
  returnResultChange,
  sendBackChange,
} from '../../domain/workflow-commands';
import { WorkingClock } from '../../domain/working-clock';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { ProcedureVersionFacts, ProcessingCatalogue } from '../catalogue.port';
import { ProcessingClock } from '../processing-clock';
import { ResultIssuing } from '../result-issuing.port';
import { eventsOf } from '../workflow-events';
import { WorkflowCommand } from './workflow-command';

/** Which policy action each command needs, and on what: the current step's agency, or the receiving desk. */
function accessFor(command: WorkflowCommand, workflow: Workflow): { action: Action; resource: AccessResource }[] {
  const holder: AccessResource = { agencyId: currentAgency(workflow) };
  const receivingDesk: AccessResource = { agencyId: workflow.receivingAgencyId, deskId: workflow.receivingDeskId };
  switch (command.kind) {
    // Assigning work is a leader's act: the same authority as approving in the agency.
    case 'approve':
    case 'refuse':
    case 'assign':
      return [{ action: 'dossier.approve', resource: holder }];
    case 'return_result':
    case 'resolve_on_the_spot':
      return [{ action: 'dossier.return', resource: receivingDesk }];
    case 'resume':
      // The applicant's supplement or payment is recorded by the agency holding the dossier or at the receiving desk.
      return [
        { action: 'dossier.process', resource: holder },
        { action: 'dossier.receive', resource: receivingDesk },
      ];
    case 'claim':
      return workflow.steps[workflow.currentStep].role === 'desk_officer' ? [{ action: 'dossier.return', resource: holder }] : [{ action: 'dossier.process', resource: holder }];
    default:
      return [{ action: 'dossier.process', resource: holder }];
  }
}

function authorizeAny(options: { action: Action; resource: AccessResource }[]): AccessSubject {
  let refusal: unknown;
  for (const option of options) {
    try {
      return authorizeCaller(option.action, option.resource);
    } catch (error) {
      refusal ??= error;
    }
  }
  throw refusal;
}

function actorOf(subject: AccessSubject): Actor {
  return { subject: subject.subject, roles: [...subject.roles], agencyId: subject.agencyId ?? '', deskIds: [...(subject.deskIds ?? [])] };
}

/** A refusal's result is the written answer with its reasons, whatever the procedure's result document. */
const REFUSAL_DOCUMENT = { documentType: 'van_ban_tu_choi', resultName: 'Văn bản trả lời từ chối giải quyết hồ sơ' };
/** Commands that may issue a result from the procedure's result document (a refusal's letter needs no catalogue). */
const DECIDING: ReadonlySet<WorkflowCommand['kind']> = new Set(['approve', 'resolve_on_the_spot']);
const NEEDS_CLOCK: ReadonlySet<WorkflowCommand['kind']> = new Set(['complete', 'send_back', 'resume', 'approve', 'refuse', 'return_result']);

/**
 * Every officer's and leader's action on a dossier's workflow: authorized by the policy, decided
 * by the pure workflow, recorded in the append-only history with its events in one transaction.
 * Optimistic: of two concurrent actions on one dossier exactly one is recorded, the other gets
 * WORKFLOW_VERSION_CONFLICT; a stale `expectedVersion` is refused the same way.
 */
@Injectable()
export class ActOnWorkflowHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly catalogue: ProcessingCatalogue,
    private readonly results: ResultIssuing,
    private readonly outbox: OutboxWriter,
    private readonly clock: ProcessingClock,
  ) {}

  async execute(dossierId: string, command: WorkflowCommand, expectedVersion?: number): Promise<Workflow> {
    const seen = await this.runner.run((manager) => this.workflows.find(manager, dossierId));
    if (!seen) throw new ProcessingError(ProcessingErrorCode.WorkflowNotFound, 'No workflow for this dossier', { dossierId });
    const actor = actorOf(authorizeAny(accessFor(command, seen)));
    const clock = NEEDS_CLOCK.has(command.kind) ? await this.catalogue.workingClock() : null;
    // The catalogue is asked outside the transaction, about the version the dossier keeps.
    const procedure = DECIDING.has(command.kind) ? await this.catalogue.procedureVersion(seen.procedureVersionId) : null;
    const at = this.clock.now();
    return this.runner.run(async (manager) => {
      // Held until commit: a concurrent action on this dossier waits, then finds a newer version.
      const before = await this.workflows.find(manager, dossierId, { lock: 'wait' });
      if (!before) throw new ProcessingError(ProcessingErrorCode.WorkflowNotFound, 'No workflow for this dossier', { dossierId });
      if ((expectedVersion !== undefined && expectedVersion !== before.version) || before.version !== seen.version) {
        throw new ProcessingError(ProcessingErrorCode.VersionConflict, 'The dossier changed since it was read; reload and try again', {
          dossierId,
          expectedVersion: expectedVersion ?? seen.version,
          currentVersion: before.version,
        });
      }
      const issue = (decision: 'approved' | 'refused', reasons: string[]): Promise<string> =>
        this.issue(manager, before, actor, decision, reasons, at, procedure);
      const change = await this.decide(before, actor, command, clock as WorkingClock, at, issue);
      const { workflow: after, action } = record(before, actor, at, change);
      await this.workflows.save(manager, before, after, [action]);
      for (const event of eventsOf(before, after, action)) await this.outbox.append(manager, event);
      return after;
    });
  }

  private async decide(
    workflow: Workflow,
    actor: Actor,
    command: WorkflowCommand,
    clock: WorkingClock,
    at: Date,
    issue: (decision: 'approved' | 'refused', reasons: string[]) => Promise<string>,
  ): Promise<WorkflowChange> {
    switch (command.kind) {
      case 'claim':
        return claimChange(workflow, actor);
      case 'assign':
        return assignChange(workflow, actor, command.assignee);
      case 'complete':
        return completeChange(workflow, actor, command.note, clock, at);
      case 'send_back':
        return sendBackChange(workflow, actor, command.toStep, command.reason, clock, at);
      case 'request_supplement':
        return pauseChange(workflow, actor, 'supplement', command.items);
      case 'request_payment':
        return pauseChange(workflow, actor, 'payment', command.items);
      case 'resume':
        return resumeChange(workflow, command.note, clock, at);
      case 'approve': {
        // Check the act before issuing: a refused approval must not leave a signed result behind.
        approveChange(workflow, actor, command.note, 'pending', clock, at);
        const resultId = approvalDecides(workflow) ? await issue('approved', []) : null;
        return approveChange(workflow, actor, command.note, resultId, clock, at);
      }
      case 'refuse': {
        const reasons = refusalReasons(command.reasons);
        refuseChange(workflow, actor, reasons, 'pending', clock, at);
        return refuseChange(workflow, actor, reasons, await issue('refused', reasons), clock, at);
      }
      case 'return_result':
        return returnResultChange(workflow, actor, command.channel, command.note, clock, at);
      case 'apologise':
        return apologyChange(workflow, actor, command.reason, new Date(command.newAppointmentAt), at);
      case 'resolve_on_the_spot':
        checkOnTheSpot(workflow, actor);
        return onTheSpotChange(workflow, actor, await issue('approved', []), command.note);
    }
  }

  private async issue(
    manager: EntityManager,
    workflow: Workflow,
    actor: Actor,
    decision: 'approved' | 'refused',
    reasons: string[],
    at: Date,
    procedure: ProcedureVersionFacts | null,
  ): Promise<string> {
    const issued = await this.results.issue(manager, {
      dossierId: workflow.dossierId,
      dossierCode: workflow.code,
      procedureCode: workflow.procedureCode,
      procedureName: workflow.procedureName,
      decision,
      reasons,
      agencyId: actor.agencyId,
      decidedBy: actor.subject,
      decidedAt: at,
      ...(decision === 'refused' || procedure === null
        ? REFUSAL_DOCUMENT
        : { documentType: procedure.resultDocument.documentType || 'ket_qua_thu_tuc', resultName: procedure.resultDocument.name }),
    });
    return issued.resultId;
  }
}

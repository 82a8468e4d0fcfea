import { Injectable } from '@nestjs/common';
import { DossierReceivedV1, EventData } from '@motcua/contracts';
import { Inbox, OutboxWriter, RetryLaterError } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { ProcessingError } from '../../domain/processing.errors';
import { openChange, record, SYSTEM } from '../../domain/workflow-commands';
import { WorkflowRepository } from '../../persistence/workflow.repository';
import { ProcessingCatalogue } from '../catalogue.port';
import { processingStarted } from '../workflow-events';

export const OPEN_WORKFLOW_CONSUMER = 'open-workflow';

async function waitingOutUnavailability<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ProcessingError && error.category === 'unavailable') throw new RetryLaterError(error.message, { cause: error });
    throw error;
  }
}

/**
 * A desk received a dossier: its workflow opens from the internal process of the procedure
 * version it keeps, on the tenant's calendar; once per event.
 */
@Injectable()
export class OpenWorkflowHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly catalogue: ProcessingCatalogue,
    private readonly inbox: Inbox,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(eventId: string, received: EventData<typeof DossierReceivedV1>): Promise<void> {
    // A catalogue away is waited out: the event is retried until it answers, never dropped.
    const [procedure, clock] = await waitingOutUnavailability(() => Promise.all([this.catalogue.procedureVersion(received.procedureVersionId), this.catalogue.workingClock()]));
    const receivedAt = new Date(received.receivedAt);
    const change = openChange(
      {
        dossierId: received.dossierId,
        code: received.code,
        procedureId: received.procedureId,
        procedureVersionId: received.procedureVersionId,
        procedureCode: received.procedureCode,
        procedureName: procedure.name,
        channel: received.channel,
        competentAgencyId: received.agencyId,
        receivingAgencyId: received.receivingAgencyId,
        receivingDeskId: received.receivingDeskId,
        applicantPseudonym: received.applicantPseudonym,
        onTheSpot: procedure.onTheSpot,
        receivedAt,
        receivedBy: received.receivedBy,
        appointmentAt: new Date(received.appointmentAt),
        internalProcess: procedure.internalProcess,
      },
      clock,
    );
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, OPEN_WORKFLOW_CONSUMER, eventId))) return;
      if (await this.workflows.find(manager, received.dossierId)) return;
      // The receipt (step 0) was the desk officer's act at intake.
      const { workflow, action } = record(null, { ...SYSTEM, subject: received.receivedBy, agencyId: received.receivingAgencyId }, receivedAt, change);
      const taskId = await this.workflows.save(manager, null, workflow, [action]);
      if (taskId) await this.outbox.append(manager, processingStarted(workflow, taskId));
    });
  }
}

import { Injectable } from '@nestjs/common';
import { CalendarChangedV1, DossierReceivedV1, DossierWithdrawnV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { currentTenant } from '@motcua/tenancy';
import { GrpcProcessingCatalogue } from '../adapters/catalogue.grpc';
import { ProcessingCatalogue } from '../application/catalogue.port';
import { OpenWorkflowHandler } from '../application/open-workflow/open-workflow.handler';
import { StopWorkflowHandler } from '../application/stop-workflow/stop-workflow.handler';

/** Received dossiers open workflows; withdrawn ones stop theirs; a changed calendar is read again. */
@Injectable()
export class DossierEventsConsumer {
  constructor(consumers: EventConsumers, open: OpenWorkflowHandler, stop: StopWorkflowHandler, catalogue: ProcessingCatalogue) {
    consumers.register({
      name: 'workflow',
      topics: [Topics.dossier, Topics.catalogue],
      handlers: {
        [DossierReceivedV1.type]: async (event) => {
          await open.execute(event.id, event.data as EventData<typeof DossierReceivedV1>);
        },
        [DossierWithdrawnV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierWithdrawnV1>;
          await stop.execute(event.id, data.dossierId, new Date(data.withdrawnAt), 'withdrawn by the applicant');
        },
        [CalendarChangedV1.type]: async () => {
          if (catalogue instanceof GrpcProcessingCatalogue) catalogue.forgetCalendar(currentTenant().tenantId);
        },
      },
    });
  }
}

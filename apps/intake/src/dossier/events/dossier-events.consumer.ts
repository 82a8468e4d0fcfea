import { Injectable } from '@nestjs/common';
import { DossierProcessingStartedV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { MarkInProcessingHandler } from '../application/mark-in-processing/mark-in-processing.handler';

/** Dossier events from other services that move intake's view of a dossier. */
@Injectable()
export class DossierEventsConsumer {
  constructor(consumers: EventConsumers, markInProcessing: MarkInProcessingHandler) {
    consumers.register({
      name: 'dossier-status',
      topics: [Topics.dossier],
      handlers: {
        [DossierProcessingStartedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierProcessingStartedV1>;
          await markInProcessing.execute(event.id, data.dossierId, new Date(data.startedAt));
        },
      },
    });
  }
}

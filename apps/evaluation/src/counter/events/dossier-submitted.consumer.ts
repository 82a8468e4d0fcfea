import { Injectable } from '@nestjs/common';
import { DossierSubmittedV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { CountSubmittedHandler } from '../application/count-submitted/count-submitted.handler';

@Injectable()
export class DossierSubmittedConsumer {
  constructor(consumers: EventConsumers, countSubmitted: CountSubmittedHandler) {
    consumers.register({
      name: 'dossier-counters',
      topics: [Topics.dossier],
      handlers: {
        [DossierSubmittedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierSubmittedV1>;
          await countSubmitted.execute(event.id, new Date(data.submittedAt));
        },
      },
    });
  }
}

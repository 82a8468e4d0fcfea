import { Injectable } from '@nestjs/common';
import { DossierSubmittedV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { OpenFirstTaskHandler } from '../application/open-first-task/open-first-task.handler';

@Injectable()
export class DossierSubmittedConsumer {
  constructor(consumers: EventConsumers, openFirstTask: OpenFirstTaskHandler) {
    consumers.register({
      name: 'workflow',
      topics: [Topics.dossier],
      handlers: {
        [DossierSubmittedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierSubmittedV1>;
          await openFirstTask.execute(event.id, { dossierId: data.dossierId, agencyId: data.agencyId });
        },
      },
    });
  }
}

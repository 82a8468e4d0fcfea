import { Injectable } from '@nestjs/common';
import { DossierResultIssuedV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { FileResultInWalletHandler } from '../application/file-result/file-result-in-wallet.handler';

/**
 * `dossier.result-issued` from processing → the applicant's document wallet. Its own consumer
 * group, so a result that cannot be filed yet (processing briefly unreachable) is retried
 * without holding up the status updates of `dossier-status`.
 */
@Injectable()
export class ResultFilingConsumer {
  constructor(consumers: EventConsumers, file: FileResultInWalletHandler) {
    consumers.register({
      name: 'result-filing',
      topics: [Topics.dossier],
      handlers: {
        [DossierResultIssuedV1.type]: async (event) => {
          await file.execute(event.id, event.data as EventData<typeof DossierResultIssuedV1>);
        },
      },
    });
  }
}

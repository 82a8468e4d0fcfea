import { Injectable } from '@nestjs/common';
import {
  DossierApologyIssuedV1,
  DossierDecidedV1,
  DossierProcessingPausedV1,
  DossierProcessingResumedV1,
  DossierProcessingStartedV1,
  DossierResultReturnedV1,
  EventData,
  Topics,
} from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { FollowProcessingHandler } from '../application/follow-processing/follow-processing.handler';

/** Dossier events from processing that move intake's view of a dossier (the applicant's status). */
@Injectable()
export class DossierEventsConsumer {
  constructor(consumers: EventConsumers, follow: FollowProcessingHandler) {
    consumers.register({
      name: 'dossier-status',
      topics: [Topics.dossier],
      handlers: {
        [DossierProcessingStartedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierProcessingStartedV1>;
          await follow.execute(event.id, data.dossierId, 'start_processing', new Date(data.startedAt));
        },
        [DossierProcessingPausedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierProcessingPausedV1>;
          const command = data.reason === 'payment' ? 'processing_awaits_payment' : 'processing_awaits_supplement';
          await follow.execute(event.id, data.dossierId, command, new Date(data.pausedAt));
        },
        [DossierProcessingResumedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierProcessingResumedV1>;
          await follow.execute(event.id, data.dossierId, 'processing_resumed', new Date(data.resumedAt));
          await follow.reschedule(`${event.id}:appointment`, data.dossierId, {
            appointmentAt: new Date(data.appointmentAt),
            at: new Date(data.resumedAt),
            reason: 'pause',
            by: data.resumedBy,
          });
        },
        [DossierApologyIssuedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierApologyIssuedV1>;
          await follow.reschedule(event.id, data.dossierId, { appointmentAt: new Date(data.appointmentAt), at: new Date(data.issuedAt), reason: 'apology', by: data.issuedBy });
        },
        [DossierDecidedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierDecidedV1>;
          await follow.execute(event.id, data.dossierId, 'processing_decided', new Date(data.decidedAt));
        },
        [DossierResultReturnedV1.type]: async (event) => {
          const data = event.data as EventData<typeof DossierResultReturnedV1>;
          await follow.execute(event.id, data.dossierId, 'result_returned', new Date(data.returnedAt));
        },
      },
    });
  }
}

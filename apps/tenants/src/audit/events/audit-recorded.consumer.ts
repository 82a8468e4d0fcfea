import { Injectable } from '@nestjs/common';
import { AuditRecordedV1, EventData, Topics } from '@motcua/contracts';
import { EventConsumers } from '@motcua/platform';
import { RecordAuditEntryHandler } from '../application/record-audit-entry/record-audit-entry.handler';

/** The gateway's audit entries into the tenant's audit log (the tenant is the event's). */
@Injectable()
export class AuditRecordedConsumer {
  constructor(consumers: EventConsumers, record: RecordAuditEntryHandler) {
    consumers.register({
      name: 'audit-log',
      topics: [Topics.audit],
      handlers: {
        [AuditRecordedV1.type]: async (event) => {
          const data = event.data as EventData<typeof AuditRecordedV1>;
          await record.execute(event.id, {
            id: data.auditId,
            occurredAt: new Date(data.occurredAt),
            actorSubject: data.actorSubject,
            actorRoles: data.actorRoles,
            method: data.method,
            route: data.route,
            resourceId: data.resourceId,
            status: data.status,
            replayed: data.replayed,
            clientIp: data.clientIp,
            userAgent: data.userAgent,
            traceId: data.traceId,
          });
        },
      },
    });
  }
}

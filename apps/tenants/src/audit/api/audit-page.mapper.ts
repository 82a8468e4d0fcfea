import { TenantsV1 } from '@motcua/contracts';
import { AuditPage } from '../application/list-audit-entries/list-audit-entries.handler';

/** An audit page in the proto's shape: absent values travel as empty strings. */
export function auditPageToProto(page: AuditPage): TenantsV1.ListAuditEntriesResponse {
  return {
    entries: page.entries.map((entry) => ({
      id: entry.id,
      occurredAt: entry.occurredAt.toISOString(),
      actorSubject: entry.actorSubject,
      actorRoles: entry.actorRoles,
      method: entry.method,
      route: entry.route,
      resourceId: entry.resourceId ?? '',
      status: entry.status,
      replayed: entry.replayed,
      clientIp: entry.clientIp ?? '',
      userAgent: entry.userAgent ?? '',
      traceId: entry.traceId,
    })),
    nextPageToken: page.nextPageToken,
  };
}

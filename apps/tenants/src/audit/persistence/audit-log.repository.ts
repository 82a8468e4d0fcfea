import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { AuditCursor, AuditEntry } from '../domain/audit-entry';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_subject: string;
  actor_roles: string[];
  method: AuditEntry['method'];
  route: string;
  resource_id: string | null;
  status: number;
  replayed: boolean;
  client_ip: string | null;
  user_agent: string | null;
  trace_id: string;
}

const COLUMNS = 'id, occurred_at, actor_subject, actor_roles, method, route, resource_id, status, replayed, client_ip, user_agent, trace_id';

/** Plain SQL on the tenant transaction's manager: the log has no entity (it is only appended and paged). */
@Injectable()
export class AuditLogRepository {
  /** Adds an entry; an entry already there (same id) is left as it is. */
  async insert(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO tenants.audit_log (tenant_id, ${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [
        currentTenant().tenantId,
        entry.id,
        entry.occurredAt,
        entry.actorSubject,
        entry.actorRoles,
        entry.method,
        entry.route,
        entry.resourceId,
        entry.status,
        entry.replayed,
        entry.clientIp,
        entry.userAgent,
        entry.traceId,
      ],
    );
  }

  /** At most `limit` entries, newest first, strictly after `cursor` in that order (keyset). */
  async newestFirst(manager: EntityManager, cursor: AuditCursor | undefined, limit: number): Promise<AuditEntry[]> {
    const parameters: unknown[] = [currentTenant().tenantId, limit];
    let after = '';
    if (cursor) {
      parameters.push(cursor.occurredAt, cursor.id);
      after = 'AND (occurred_at, id) < ($3, $4)';
    }
    const rows: AuditRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM tenants.audit_log
        WHERE tenant_id = $1 ${after}
        ORDER BY occurred_at DESC, id DESC
        LIMIT $2`,
      parameters,
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      actorSubject: row.actor_subject,
      actorRoles: row.actor_roles,
      method: row.method,
      route: row.route,
      resourceId: row.resource_id,
      status: row.status,
      replayed: row.replayed,
      clientIp: row.client_ip,
      userAgent: row.user_agent,
      traceId: row.trace_id,
    }));
  }
}

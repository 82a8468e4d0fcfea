import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { AuditEntry } from '../../domain/audit-entry';
import { AuditLogRepository } from '../../persistence/audit-log.repository';
import { auditPageTokenAfter, ListAuditEntriesQuery } from './list-audit-entries.query';

export interface AuditPage {
  entries: AuditEntry[];
  /** Empty on the last page. */
  nextPageToken: string;
}

/** The tenant admin reads their tenant's audit log; row-level security keeps every other tenant's out. */
@Injectable()
export class ListAuditEntriesHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly auditLog: AuditLogRepository,
  ) {}

  async execute(query: ListAuditEntriesQuery): Promise<AuditPage> {
    authorizeCaller('audit.read');
    // One row more than asked tells whether another page follows.
    const rows = await this.runner.run((manager) => this.auditLog.newestFirst(manager, query.after, query.pageSize + 1));
    const entries = rows.slice(0, query.pageSize);
    const last = entries[entries.length - 1];
    return { entries, nextPageToken: rows.length > query.pageSize && last ? auditPageTokenAfter(last) : '' };
  }
}

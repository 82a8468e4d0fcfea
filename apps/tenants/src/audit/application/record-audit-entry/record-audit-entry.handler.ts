import { Injectable } from '@nestjs/common';
import { Inbox } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { AuditEntry } from '../../domain/audit-entry';
import { AuditLogRepository } from '../../persistence/audit-log.repository';

export const AUDIT_LOG_CONSUMER = 'audit-log';

/** Appends an entry to the event's tenant's log once, however often the event is delivered. */
@Injectable()
export class RecordAuditEntryHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly auditLog: AuditLogRepository,
    private readonly inbox: Inbox,
  ) {}

  async execute(eventId: string, entry: AuditEntry): Promise<void> {
    await this.runner.run(async (manager) => {
      if (!(await this.inbox.claim(manager, AUDIT_LOG_CONSUMER, eventId))) return;
      await this.auditLog.insert(manager, entry);
    });
  }
}

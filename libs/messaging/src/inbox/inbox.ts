import { EntityManager } from 'typeorm';
import { quoteIdent, serviceDatabaseNames, tenantTableSecuritySql } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { TransactionRequiredError } from '../messaging.errors';

export const INBOX_TABLE = 'inbox';

export function inboxTableName(service: string): string {
  return `${quoteIdent(serviceDatabaseNames(service).schema)}.${quoteIdent(INBOX_TABLE)}`;
}

/** The inbox of processed event ids, for the service's first migration. App role: SELECT, INSERT. */
export function inboxTableSql(service: string): string[] {
  const { appRole, relayRole } = serviceDatabaseNames(service);
  const table = inboxTableName(service);
  return [
    `CREATE TABLE ${table} (
      tenant_id text NOT NULL,
      consumer text NOT NULL,
      event_id text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, consumer, event_id)
    )`,
    ...tenantTableSecuritySql(service, INBOX_TABLE),
    `REVOKE ALL ON TABLE ${table} FROM ${quoteIdent(appRole)}, ${quoteIdent(relayRole)}`,
    `GRANT SELECT, INSERT ON TABLE ${table} TO ${quoteIdent(appRole)}`,
  ];
}

export function dropInboxTableSql(service: string): string[] {
  return [`DROP TABLE IF EXISTS ${inboxTableName(service)}`];
}

/**
 * Idempotent consumers: claim the event id in the same tenant transaction as the effect. A
 * redelivered event finds its id taken and its effect is skipped; a rolled-back effect frees it.
 */
export class Inbox {
  private readonly claimSql: string;

  constructor(readonly service: string) {
    this.claimSql =
      `INSERT INTO ${inboxTableName(service)} (tenant_id, consumer, event_id) VALUES ($1, $2, $3) ` +
      `ON CONFLICT DO NOTHING RETURNING event_id`;
  }

  /** True when this (consumer, event) is new: apply the effect. False: already processed. */
  async claim(manager: EntityManager, consumer: string, eventId: string): Promise<boolean> {
    if (!manager.queryRunner?.isTransactionActive) throw new TransactionRequiredError('Inbox.claim');
    const rows: unknown[] = await manager.query(this.claimSql, [currentTenant().tenantId, consumer, eventId]);
    return rows.length === 1;
  }
}

import { quoteIdent, serviceDatabaseNames, tenantTableSecuritySql } from '@motcua/persistence';

export const OUTBOX_TABLE = 'outbox';

/** The notification channel a service's outbox writes announce new rows on; its relays listen. */
export function outboxChannel(service: string): string {
  return `motcua_outbox_${serviceDatabaseNames(service).schema}`;
}

/** The qualified outbox table of a service, e.g. `"intake"."outbox"`. */
export function outboxTableName(service: string): string {
  return `${quoteIdent(serviceDatabaseNames(service).schema)}.${quoteIdent(OUTBOX_TABLE)}`;
}

/**
 * The outbox table of a service, for its first migration. The app role may only INSERT (it
 * never reads events back); the relay role reads and marks every tenant's rows through its
 * own permissive policy, while forced RLS keeps the tenant policy for everyone else.
 */
export function outboxTableSql(service: string): string[] {
  const { schema, appRole, relayRole } = serviceDatabaseNames(service);
  const table = outboxTableName(service);
  const sequence = `${quoteIdent(schema)}.${quoteIdent(`${OUTBOX_TABLE}_seq_seq`)}`;
  const app = quoteIdent(appRole);
  const relay = quoteIdent(relayRole);
  return [
    `CREATE TABLE ${table} (
      tenant_id text NOT NULL,
      id uuid NOT NULL,
      seq bigserial NOT NULL,
      topic text NOT NULL,
      message_key text NOT NULL,
      type text NOT NULL,
      headers jsonb NOT NULL,
      data jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz NULL,
      PRIMARY KEY (tenant_id, id)
    )`,
    `CREATE INDEX ${quoteIdent(`${OUTBOX_TABLE}_unpublished_seq_idx`)} ON ${table} (seq) WHERE published_at IS NULL`,
    ...tenantTableSecuritySql(service, OUTBOX_TABLE),
    `CREATE POLICY relay_all_tenants ON ${table} TO ${relay} USING (true) WITH CHECK (true)`,
    // The schema's default privileges give the app role more: take everything back, grant exactly.
    `REVOKE ALL ON TABLE ${table} FROM ${app}, ${relay}`,
    `REVOKE ALL ON SEQUENCE ${sequence} FROM ${app}, ${relay}`,
    `GRANT INSERT ON TABLE ${table} TO ${app}`,
    `GRANT USAGE ON SEQUENCE ${sequence} TO ${app}`,
    `GRANT SELECT, UPDATE ON TABLE ${table} TO ${relay}`,
  ];
}

/** For the down migration. */
export function dropOutboxTableSql(service: string): string[] {
  return [`DROP TABLE IF EXISTS ${outboxTableName(service)}`];
}

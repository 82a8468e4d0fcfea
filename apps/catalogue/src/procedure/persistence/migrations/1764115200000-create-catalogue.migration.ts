import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

export const CreateProcedures = sqlMigration(
  'CreateProcedures1764115200000',
  [
    `CREATE TABLE catalogue.procedures (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       code text NOT NULL,
       name text NOT NULL,
       processing_days int NOT NULL CHECK (processing_days >= 0),
       agency_id text NOT NULL,
       components jsonb NOT NULL,
       version int NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       UNIQUE (tenant_id, code)
     )`,
    ...tenantTableSecuritySql('catalogue', 'procedures'),
    ...outboxTableSql('catalogue'),
    ...inboxTableSql('catalogue'),
  ],
  [`DROP TABLE catalogue.inbox`, `DROP TABLE catalogue.outbox`, `DROP TABLE catalogue.procedures`],
);

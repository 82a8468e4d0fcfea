import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

export const CreateTasks = sqlMigration(
  'CreateTasks1764115200000',
  [
    `CREATE TABLE processing.tasks (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       dossier_id uuid NOT NULL,
       agency_id text NOT NULL,
       step text NOT NULL,
       status text NOT NULL CHECK (status IN ('open', 'done')),
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id)
     )`,
    `CREATE INDEX tasks_by_dossier ON processing.tasks (tenant_id, dossier_id, created_at)`,
    ...tenantTableSecuritySql('processing', 'tasks'),
    ...outboxTableSql('processing'),
    ...inboxTableSql('processing'),
  ],
  [`DROP TABLE processing.inbox`, `DROP TABLE processing.outbox`, `DROP TABLE processing.tasks`],
);

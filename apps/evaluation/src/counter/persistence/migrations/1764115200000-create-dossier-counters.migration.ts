import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

export const CreateDossierCounters = sqlMigration(
  'CreateDossierCounters1764115200000',
  [
    `CREATE TABLE evaluation.dossier_counters (
       tenant_id text NOT NULL PRIMARY KEY,
       submitted bigint NOT NULL CHECK (submitted >= 0),
       updated_at timestamptz NOT NULL
     )`,
    ...tenantTableSecuritySql('evaluation', 'dossier_counters'),
    ...outboxTableSql('evaluation'),
    ...inboxTableSql('evaluation'),
  ],
  [`DROP TABLE evaluation.inbox`, `DROP TABLE evaluation.outbox`, `DROP TABLE evaluation.dossier_counters`],
);

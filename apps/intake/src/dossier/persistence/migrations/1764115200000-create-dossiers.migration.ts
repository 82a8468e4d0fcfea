import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

export const CreateDossiers = sqlMigration(
  'CreateDossiers1764115200000',
  [
    `CREATE TABLE intake.dossiers (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       procedure_id uuid NOT NULL,
       procedure_code text NOT NULL,
       agency_id text NOT NULL,
       submitted_by text NOT NULL,
       status text NOT NULL,
       channel text NOT NULL CHECK (channel IN ('online', 'desk', 'postal')),
       applicant_pseudonym char(64) NOT NULL,
       components jsonb NOT NULL,
       submitted_at timestamptz NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id)
     )`,
    `CREATE TABLE intake.applicants (
       tenant_id text NOT NULL,
       dossier_id uuid NOT NULL,
       full_name text NOT NULL,
       citizen_id text NOT NULL,
       PRIMARY KEY (tenant_id, dossier_id),
       FOREIGN KEY (tenant_id, dossier_id) REFERENCES intake.dossiers (tenant_id, id)
     )`,
    ...tenantTableSecuritySql('intake', 'dossiers'),
    ...tenantTableSecuritySql('intake', 'applicants'),
    ...outboxTableSql('intake'),
    ...inboxTableSql('intake'),
  ],
  [`DROP TABLE intake.inbox`, `DROP TABLE intake.outbox`, `DROP TABLE intake.applicants`, `DROP TABLE intake.dossiers`],
);

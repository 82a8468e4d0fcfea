import { quoteIdent, serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const app = quoteIdent(serviceDatabaseNames('intake').appRole);

/**
 * `personal_data_access`: every read of an applicant's personal data by someone else
 * (docs/personal-data-access.md). Append-only: the app role keeps SELECT and INSERT, UPDATE
 * and DELETE are revoked. No foreign key to the dossier: the log outlives what it logs.
 */
export const PersonalDataAccess = sqlMigration(
  'PersonalDataAccess1764633600000',
  [
    `CREATE TABLE intake.personal_data_access (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       accessed_at timestamptz NOT NULL,
       actor_subject text NOT NULL,
       actor_roles text[] NOT NULL,
       actor_agency_id text NULL,
       data_subject text NOT NULL,
       dossier_id uuid NULL,
       read text NOT NULL,
       trace_id text NOT NULL,
       PRIMARY KEY (tenant_id, id)
     )`,
    `CREATE INDEX personal_data_access_dossier_idx ON intake.personal_data_access (tenant_id, dossier_id, accessed_at)`,
    ...tenantTableSecuritySql('intake', 'personal_data_access'),
    `REVOKE UPDATE, DELETE, TRUNCATE ON intake.personal_data_access FROM ${app}`,
  ],
  [`DROP TABLE intake.personal_data_access`],
);

import { quoteIdent, serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const app = quoteIdent(serviceDatabaseNames('intake').appRole);

/**
 * Intake complete: applicant details (person or organization), the check and decision at the
 * desk, dossier codes, routing, fees, idempotent submission.
 * - `dossier_actions` is append-only: the app role may only SELECT and INSERT.
 * - `dossier_code_counters` holds one row per (tenant, format, agency, local day); the
 *   receiving transaction increments it under the row lock, so codes are gap-free (a rolled
 *   back receipt rolls the counter back too).
 */
export const IntakeDeskWork = sqlMigration(
  'IntakeDeskWork1764374400000',
  [
    `ALTER TABLE intake.dossiers
       ADD COLUMN procedure_version_id uuid NULL,
       ADD COLUMN national_channel smallint NOT NULL DEFAULT 2,
       ADD COLUMN intake_agency_id text NULL,
       ADD COLUMN submission_desk_id text NULL,
       ADD COLUMN applicant_unit_code text NULL,
       ADD COLUMN code text NULL,
       ADD COLUMN receiving_agency_id text NULL,
       ADD COLUMN receiving_desk_id text NULL,
       ADD COLUMN received_at timestamptz NULL,
       ADD COLUMN appointment_at timestamptz NULL,
       ADD COLUMN appointment_local_date text NULL,
       ADD COLUMN supplement_requests integer NOT NULL DEFAULT 0,
       ADD COLUMN fees jsonb NULL,
       ADD COLUMN fees_total bigint NULL,
       ADD CONSTRAINT dossiers_national_channel_check CHECK (national_channel IN (1, 2, 3)),
       ADD CONSTRAINT dossiers_supplement_requests_check CHECK (supplement_requests BETWEEN 0 AND 1),
       ADD CONSTRAINT dossiers_status_check CHECK (status IN ('submitted', 'supplement_requested', 'resubmitted', 'received', 'refused', 'withdrawn', 'in_processing'))`,
    `CREATE UNIQUE INDEX dossiers_tenant_id_code_key ON intake.dossiers (tenant_id, code)`,
    // The desk worklist: pending online submissions of an agency, oldest first (keyset on submitted_at, id).
    `CREATE INDEX dossiers_worklist_idx ON intake.dossiers (tenant_id, intake_agency_id, status, submitted_at, id)`,

    `ALTER TABLE intake.applicants
       ADD COLUMN kind text NOT NULL DEFAULT 'person',
       ALTER COLUMN citizen_id DROP NOT NULL,
       ADD COLUMN date_of_birth date NULL,
       ADD COLUMN phone text NULL,
       ADD COLUMN email text NULL,
       ADD COLUMN address text NULL,
       ADD COLUMN unit_code text NULL,
       ADD COLUMN tax_code text NULL,
       ADD CONSTRAINT applicants_kind_check CHECK ((kind = 'person' AND citizen_id IS NOT NULL) OR (kind = 'organization' AND tax_code IS NOT NULL))`,

    `CREATE TABLE intake.dossier_actions (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       dossier_id uuid NOT NULL,
       action text NOT NULL,
       actor_subject text NOT NULL,
       desk_id text NULL,
       at timestamptz NOT NULL,
       details jsonb NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT dossier_actions_tenant_id_dossier_id_fkey FOREIGN KEY (tenant_id, dossier_id) REFERENCES intake.dossiers (tenant_id, id)
     )`,
    `CREATE INDEX dossier_actions_dossier_idx ON intake.dossier_actions (tenant_id, dossier_id, at)`,
    ...tenantTableSecuritySql('intake', 'dossier_actions'),
    `REVOKE UPDATE, DELETE, TRUNCATE ON intake.dossier_actions FROM ${app}`,

    `CREATE TABLE intake.dossier_code_counters (
       tenant_id text NOT NULL,
       format text NOT NULL,
       agency_code text NOT NULL,
       day date NOT NULL,
       last_sequence integer NOT NULL,
       PRIMARY KEY (tenant_id, format, agency_code, day),
       CONSTRAINT dossier_code_counters_sequence_check CHECK (last_sequence >= 1)
     )`,
    ...tenantTableSecuritySql('intake', 'dossier_code_counters'),
    `REVOKE DELETE ON intake.dossier_code_counters FROM ${app}`,

    // Which format a procedure's dossier codes take (data, per tenant); none: "agency-day".
    `CREATE TABLE intake.dossier_code_formats (
       tenant_id text NOT NULL,
       procedure_code text NOT NULL,
       format text NOT NULL,
       system_digits text NULL,
       PRIMARY KEY (tenant_id, procedure_code),
       CONSTRAINT dossier_code_formats_format_check CHECK ((format = 'agency-day' AND system_digits IS NULL) OR (format = 'tt04-2025' AND system_digits ~ '^[0-9]{2}$'))
     )`,
    ...tenantTableSecuritySql('intake', 'dossier_code_formats'),

    `CREATE TABLE intake.submission_keys (
       tenant_id text NOT NULL,
       submitter text NOT NULL,
       idempotency_key text NOT NULL,
       fingerprint char(64) NOT NULL,
       dossier_id uuid NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, submitter, idempotency_key),
       CONSTRAINT submission_keys_tenant_id_dossier_id_fkey FOREIGN KEY (tenant_id, dossier_id) REFERENCES intake.dossiers (tenant_id, id)
     )`,
    ...tenantTableSecuritySql('intake', 'submission_keys'),
  ],
  [
    `DROP TABLE intake.submission_keys`,
    `DROP TABLE intake.dossier_code_formats`,
    `DROP TABLE intake.dossier_code_counters`,
    `DROP TABLE intake.dossier_actions`,
    `ALTER TABLE intake.applicants DROP CONSTRAINT applicants_kind_check, DROP COLUMN kind, DROP COLUMN date_of_birth, DROP COLUMN phone, DROP COLUMN email, DROP COLUMN address, DROP COLUMN unit_code, DROP COLUMN tax_code, ALTER COLUMN citizen_id SET NOT NULL`,
    `DROP INDEX intake.dossiers_worklist_idx`,
    `DROP INDEX intake.dossiers_tenant_id_code_key`,
    `ALTER TABLE intake.dossiers DROP CONSTRAINT dossiers_status_check, DROP CONSTRAINT dossiers_supplement_requests_check, DROP CONSTRAINT dossiers_national_channel_check,
       DROP COLUMN procedure_version_id, DROP COLUMN national_channel, DROP COLUMN intake_agency_id, DROP COLUMN submission_desk_id, DROP COLUMN applicant_unit_code,
       DROP COLUMN code, DROP COLUMN receiving_agency_id, DROP COLUMN receiving_desk_id, DROP COLUMN received_at, DROP COLUMN appointment_at,
       DROP COLUMN appointment_local_date, DROP COLUMN supplement_requests, DROP COLUMN fees, DROP COLUMN fees_total`,
  ],
);

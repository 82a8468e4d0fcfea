import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { quoteIdent, serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const app = quoteIdent(serviceDatabaseNames('catalogue').appRole);

/**
 * The catalogue's tables. Procedures are a head row (stable id and national code) and
 * immutable versions: the app role may not delete them, and may update only the end of a
 * version (set once, by a trigger's check), so a dossier's version never changes under it.
 * Units, agencies and desks are kept, never deleted (validity dates end them).
 */
export const CreateCatalogue = sqlMigration(
  'CreateCatalogue1764115200000',
  [
    `CREATE TABLE catalogue.procedures (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       code text NOT NULL,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT procedures_tenant_id_code_key UNIQUE (tenant_id, code)
     )`,
    `CREATE TABLE catalogue.procedure_versions (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       procedure_id uuid NOT NULL,
       version int NOT NULL,
       effective_from timestamptz NOT NULL,
       effective_to timestamptz NULL,
       ended_by text NULL,
       end_decision_number text NULL,
       end_decision_date date NULL,
       decision_number text NULL,
       decision_date date NULL,
       published_at timestamptz NOT NULL,
       published_by text NOT NULL,
       name text NOT NULL,
       field text NULL,
       level text NULL,
       competent_agency_id text NULL,
       implementing_agency_id text NULL,
       processing_unit text NOT NULL,
       processing_amount int NOT NULL,
       online_level text NOT NULL,
       location_independent boolean NOT NULL,
       postal_intake boolean NOT NULL,
       postal_return boolean NOT NULL,
       legal_basis jsonb NOT NULL,
       components jsonb NOT NULL,
       fees jsonb NOT NULL,
       results jsonb NOT NULL,
       internal_process jsonb NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT procedure_versions_tenant_id_procedure_id_version_key UNIQUE (tenant_id, procedure_id, version),
       CONSTRAINT procedure_versions_tenant_id_procedure_id_fkey FOREIGN KEY (tenant_id, procedure_id) REFERENCES catalogue.procedures (tenant_id, id),
       CONSTRAINT procedure_versions_version_check CHECK (version >= 1),
       CONSTRAINT procedure_versions_effective_check CHECK (effective_to IS NULL OR effective_to > effective_from),
       CONSTRAINT procedure_versions_ended_by_check CHECK ((ended_by IS NULL) = (effective_to IS NULL) AND (ended_by IS NULL OR ended_by IN ('superseded', 'withdrawn'))),
       CONSTRAINT procedure_versions_level_check CHECK (level IN ('province', 'commune', 'district')),
       CONSTRAINT procedure_versions_processing_check CHECK (processing_unit IN ('days', 'hours') AND processing_amount >= 0),
       CONSTRAINT procedure_versions_online_level_check CHECK (online_level IN ('full', 'partial', 'none'))
     )`,
    `CREATE INDEX procedure_versions_in_force_idx ON catalogue.procedure_versions (tenant_id, procedure_id, effective_from)`,
    `CREATE FUNCTION catalogue.procedure_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF OLD.effective_to IS NOT NULL THEN
         RAISE EXCEPTION 'procedure version % has already ended', OLD.id USING ERRCODE = 'check_violation';
       END IF;
       IF (to_jsonb(NEW) - ARRAY['effective_to', 'ended_by', 'end_decision_number', 'end_decision_date'])
          IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['effective_to', 'ended_by', 'end_decision_number', 'end_decision_date']) THEN
         RAISE EXCEPTION 'procedure version % is immutable; publish a new version', OLD.id USING ERRCODE = 'check_violation';
       END IF;
       RETURN NEW;
     END
     $$`,
    `CREATE TRIGGER procedure_versions_immutable BEFORE UPDATE ON catalogue.procedure_versions FOR EACH ROW EXECUTE FUNCTION catalogue.procedure_versions_immutable()`,
    `REVOKE UPDATE, DELETE ON catalogue.procedure_versions FROM ${app}`,
    `GRANT UPDATE (effective_to, ended_by, end_decision_number, end_decision_date) ON catalogue.procedure_versions TO ${app}`,
    // The head row is locked (SELECT … FOR UPDATE, which needs UPDATE) while a version is published; never deleted.
    `REVOKE DELETE ON catalogue.procedures FROM ${app}`,

    `CREATE TABLE catalogue.administrative_units (
       tenant_id text NOT NULL,
       code text NOT NULL,
       name text NOT NULL,
       level text NOT NULL,
       parent_code text NULL,
       valid_from date NOT NULL,
       valid_to date NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, code),
       CONSTRAINT administrative_units_tenant_id_parent_code_fkey FOREIGN KEY (tenant_id, parent_code) REFERENCES catalogue.administrative_units (tenant_id, code),
       CONSTRAINT administrative_units_level_check CHECK (level IN ('province', 'district', 'commune')),
       CONSTRAINT administrative_units_validity_check CHECK (valid_to IS NULL OR valid_to > valid_from)
     )`,
    `CREATE INDEX administrative_units_parent_idx ON catalogue.administrative_units (tenant_id, parent_code)`,
    `CREATE TABLE catalogue.agencies (
       tenant_id text NOT NULL,
       id text NOT NULL,
       name text NOT NULL,
       kind text NOT NULL,
       unit_code text NOT NULL,
       parent_id text NULL,
       valid_from date NOT NULL,
       valid_to date NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT agencies_tenant_id_unit_code_fkey FOREIGN KEY (tenant_id, unit_code) REFERENCES catalogue.administrative_units (tenant_id, code),
       CONSTRAINT agencies_tenant_id_parent_id_fkey FOREIGN KEY (tenant_id, parent_id) REFERENCES catalogue.agencies (tenant_id, id),
       CONSTRAINT agencies_kind_check CHECK (kind IN ('people_committee', 'department', 'service_centre', 'other')),
       CONSTRAINT agencies_validity_check CHECK (valid_to IS NULL OR valid_to > valid_from)
     )`,
    `CREATE INDEX agencies_unit_idx ON catalogue.agencies (tenant_id, unit_code)`,
    `CREATE TABLE catalogue.desks (
       tenant_id text NOT NULL,
       id text NOT NULL,
       name text NOT NULL,
       agency_id text NOT NULL,
       unit_codes text[] NOT NULL,
       procedure_codes text[] NOT NULL,
       levels text[] NOT NULL,
       active boolean NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT desks_tenant_id_agency_id_fkey FOREIGN KEY (tenant_id, agency_id) REFERENCES catalogue.agencies (tenant_id, id)
     )`,
    `CREATE INDEX desks_agency_idx ON catalogue.desks (tenant_id, agency_id)`,
    `REVOKE DELETE ON catalogue.administrative_units, catalogue.agencies, catalogue.desks FROM ${app}`,

    `CREATE TABLE catalogue.calendar_settings (
       tenant_id text NOT NULL,
       office_hours jsonb NOT NULL,
       weekly_rest_days int[] NOT NULL,
       revision int NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id),
       CONSTRAINT calendar_settings_revision_check CHECK (revision >= 1)
     )`,
    `CREATE TABLE catalogue.calendar_overrides (
       tenant_id text NOT NULL,
       day date NOT NULL,
       kind text NOT NULL,
       reason text NOT NULL,
       PRIMARY KEY (tenant_id, day),
       CONSTRAINT calendar_overrides_kind_check CHECK (kind IN ('day_off', 'working_day'))
     )`,

    ...['procedures', 'procedure_versions', 'administrative_units', 'agencies', 'desks', 'calendar_settings', 'calendar_overrides'].flatMap((table) =>
      tenantTableSecuritySql('catalogue', table),
    ),
    ...outboxTableSql('catalogue'),
    ...inboxTableSql('catalogue'),
  ],
  [
    `DROP TABLE catalogue.inbox`,
    `DROP TABLE catalogue.outbox`,
    `DROP TABLE catalogue.calendar_overrides`,
    `DROP TABLE catalogue.calendar_settings`,
    `DROP TABLE catalogue.desks`,
    `DROP TABLE catalogue.agencies`,
    `DROP TABLE catalogue.administrative_units`,
    `DROP TABLE catalogue.procedure_versions`,
    `DROP FUNCTION catalogue.procedure_versions_immutable()`,
    `DROP TABLE catalogue.procedures`,
  ],
);

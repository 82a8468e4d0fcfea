import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

/**
 * Import and public search. Each version may carry the fingerprint of its imported content
 * (procedureFingerprint), so a re-import compares without re-deriving the file form. The
 * search table holds one row per version with its folded text and a `simple` tsvector
 * (name A, field B, agencies C); a search keeps the rows in force at the moment asked, so only
 * procedures in force are found and a scheduled version becomes searchable when it starts.
 */
export const CatalogueImportSearch = sqlMigration(
  'CatalogueImportSearch1764460800000',
  [
    `ALTER TABLE catalogue.procedure_versions ADD COLUMN fingerprint text NULL`,
    `CREATE TABLE catalogue.procedure_search (
       tenant_id text NOT NULL,
       version_id uuid NOT NULL,
       procedure_id uuid NOT NULL,
       code text NOT NULL,
       name text NOT NULL,
       field text NULL,
       level text NULL,
       agency_id text NULL,
       agency_name text NULL,
       online_level text NOT NULL,
       processing_unit text NOT NULL,
       processing_amount int NOT NULL,
       effective_from timestamptz NOT NULL,
       effective_to timestamptz NULL,
       name_folded text NOT NULL,
       name_exact text NOT NULL,
       search_text text NOT NULL,
       search_vector tsvector NOT NULL,
       PRIMARY KEY (tenant_id, version_id),
       CONSTRAINT procedure_search_version_fkey FOREIGN KEY (tenant_id, version_id) REFERENCES catalogue.procedure_versions (tenant_id, id)
     )`,
    `CREATE INDEX procedure_search_vector_idx ON catalogue.procedure_search USING gin (search_vector)`,
    `CREATE INDEX procedure_search_code_idx ON catalogue.procedure_search (tenant_id, code text_pattern_ops)`,
    `CREATE INDEX procedure_search_in_force_idx ON catalogue.procedure_search (tenant_id, effective_from, effective_to)`,
    ...tenantTableSecuritySql('catalogue', 'procedure_search'),
  ],
  [`DROP TABLE catalogue.procedure_search`, `ALTER TABLE catalogue.procedure_versions DROP COLUMN fingerprint`],
);

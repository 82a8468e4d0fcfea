import { quoteIdent, serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const app = quoteIdent(serviceDatabaseNames('processing').appRole);

/**
 * Signed result documents (docs/adr/0009-result-signatures.md).
 * - `signing_keys`: a tenant's Ed25519 key pairs; the private key sealed with AES-256-GCM
 *   under SIGNING_KEY_ENCRYPTION_KEY. At most one key in use per tenant (partial unique
 *   index), so two first issues at once end with one key. Keys are never deleted: old
 *   results stay verifiable.
 * - `results`: immutable. The app role may only SELECT and INSERT; the hash is unique per
 *   tenant (verification finds a document by it) and a dossier has one result.
 */
export const CreateResults = sqlMigration(
  'CreateResults1764900000000',
  [
    `CREATE TABLE processing.signing_keys (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       algorithm text NOT NULL,
       public_key bytea NOT NULL,
       sealed_private_key bytea NOT NULL,
       created_at timestamptz NOT NULL,
       retired_at timestamptz NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT signing_keys_algorithm_check CHECK (algorithm = 'Ed25519')
     )`,
    `CREATE UNIQUE INDEX signing_keys_one_in_use ON processing.signing_keys (tenant_id) WHERE retired_at IS NULL`,
    ...tenantTableSecuritySql('processing', 'signing_keys'),
    `REVOKE DELETE, TRUNCATE ON processing.signing_keys FROM ${app}`,

    `CREATE TABLE processing.results (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       dossier_id uuid NOT NULL,
       dossier_code text NOT NULL,
       procedure_code text NOT NULL,
       procedure_name text NOT NULL,
       decision text NOT NULL,
       reasons jsonb NOT NULL,
       agency_id text NOT NULL,
       document_type text NOT NULL,
       result_name text NOT NULL,
       sha256 text NOT NULL,
       signature text NOT NULL,
       key_id uuid NOT NULL,
       pdf bytea NOT NULL,
       issued_at timestamptz NOT NULL,
       issued_by text NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT results_decision_check CHECK (decision IN ('approved', 'refused')),
       CONSTRAINT results_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       CONSTRAINT results_tenant_id_key_id_fkey FOREIGN KEY (tenant_id, key_id) REFERENCES processing.signing_keys (tenant_id, id)
     )`,
    `CREATE UNIQUE INDEX results_tenant_id_sha256_key ON processing.results (tenant_id, sha256)`,
    `CREATE UNIQUE INDEX results_tenant_id_dossier_id_key ON processing.results (tenant_id, dossier_id)`,
    ...tenantTableSecuritySql('processing', 'results'),
    `REVOKE UPDATE, DELETE, TRUNCATE ON processing.results FROM ${app}`,
  ],
  [`DROP TABLE processing.results`, `DROP TABLE processing.signing_keys`],
);

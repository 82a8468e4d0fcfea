import { sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

export const CreateDocuments = sqlMigration(
  'CreateDocuments1764200000000',
  [
    `CREATE TABLE intake.documents (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       owner_subject text NOT NULL,
       uploaded_by text NOT NULL,
       document_type text NOT NULL,
       size_bytes bigint NOT NULL,
       sha256 char(64) NOT NULL,
       content_type text NOT NULL,
       file_name text NOT NULL,
       storage_key text NOT NULL,
       wallet_source text,
       wallet_added_at timestamptz,
       created_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id),
       CONSTRAINT documents_wallet_source_check CHECK (wallet_source IN ('digitized', 'result'))
     )`,
    `CREATE INDEX documents_wallet_idx ON intake.documents (tenant_id, owner_subject, document_type)`,
    `CREATE TABLE intake.document_reuses (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       document_id uuid NOT NULL,
       dossier_id uuid NOT NULL,
       component_code text NOT NULL,
       recorded_by text NOT NULL,
       reused_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, id)
     )`,
    `CREATE UNIQUE INDEX document_reuses_once_idx ON intake.document_reuses (tenant_id, document_id, dossier_id, component_code)`,
    ...tenantTableSecuritySql('intake', 'documents'),
    ...tenantTableSecuritySql('intake', 'document_reuses'),
  ],
  [`DROP TABLE intake.document_reuses`, `DROP TABLE intake.documents`],
);

import { quoteIdent, serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const { appRole, relayRole } = serviceDatabaseNames('tenants');

/**
 * The tenant's audit log: append-only for the service (SELECT and INSERT, no UPDATE or
 * DELETE), row-level security like every tenant-owned table, read newest first.
 */
export const CreateAuditLog = sqlMigration(
  'CreateAuditLog1764201600000',
  [
    `CREATE TABLE tenants.audit_log (
       tenant_id text NOT NULL,
       id uuid NOT NULL,
       occurred_at timestamptz NOT NULL,
       actor_subject text NOT NULL,
       actor_roles text[] NOT NULL,
       method text NOT NULL CHECK (method IN ('POST', 'PUT', 'PATCH', 'DELETE')),
       route text NOT NULL,
       resource_id text NULL,
       status smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
       replayed boolean NOT NULL,
       client_ip text NULL,
       user_agent text NULL,
       trace_id text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tenant_id, id)
     )`,
    `CREATE INDEX audit_log_newest_first ON tenants.audit_log (tenant_id, occurred_at DESC, id DESC)`,
    ...tenantTableSecuritySql('tenants', 'audit_log'),
    // The schema's default privileges give the app role UPDATE and DELETE: an audit log keeps neither.
    `REVOKE ALL ON TABLE tenants.audit_log FROM ${quoteIdent(appRole)}, ${quoteIdent(relayRole)}`,
    `GRANT SELECT, INSERT ON TABLE tenants.audit_log TO ${quoteIdent(appRole)}`,
  ],
  [`DROP TABLE tenants.audit_log`],
);

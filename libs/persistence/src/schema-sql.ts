import { quoteIdent, serviceDatabaseNames } from './service-database';

/**
 * SQL that creates a service's roles and schema. Idempotent; run by the migrate command
 * before the service's migrations (the migrations table lives in the schema).
 */
export function serviceSchemaSql(service: string): string[] {
  const { schema, appRole, relayRole } = serviceDatabaseNames(service);
  const createRole = (role: string) =>
    `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${quoteIdent(role)} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE; END IF; END $$`;
  return [
    createRole(appRole),
    createRole(relayRole),
    `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`,
    `GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO ${quoteIdent(appRole)}, ${quoteIdent(relayRole)}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${quoteIdent(schema)} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${quoteIdent(appRole)}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${quoteIdent(schema)} GRANT USAGE, SELECT ON SEQUENCES TO ${quoteIdent(appRole)}`,
  ];
}

/**
 * Row-level security for a tenant-owned table: enabled, forced, and a policy that admits
 * only rows of the transaction's `app.tenant_id`. Without the setting nothing is visible.
 */
export function tenantTableSecuritySql(service: string, table: string, tenantIdType = 'text'): string[] {
  const { schema } = serviceDatabaseNames(service);
  const qualified = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const condition = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::${tenantIdType}`;
  return [
    `ALTER TABLE ${qualified} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${qualified} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY tenant_isolation ON ${qualified} USING (${condition}) WITH CHECK (${condition})`,
  ];
}

// Used by this lib's integration specs only (not exported): a scratch service schema with an
// outbox, an inbox and two tenant-owned tables, created the way a service's first migration would.
import { Client } from 'pg';
import { serviceSchemaSql, tenantTableSecuritySql } from '@motcua/persistence';
import { inboxTableSql } from '../inbox/inbox';
import { outboxTableSql } from '../outbox/outbox-sql';

/** Same lock as migrateService: roles are cluster-wide and other test files create them too. */
const ROLE_CREATION_LOCK = 7301001;

export async function createProbeSchema(ownerUrl: string, service: string): Promise<void> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query('SELECT pg_advisory_lock($1)', [ROLE_CREATION_LOCK]);
    for (const statement of serviceSchemaSql(service)) await owner.query(statement);
    await owner.query('SELECT pg_advisory_unlock($1)', [ROLE_CREATION_LOCK]);
    await owner.query('BEGIN');
    for (const statement of outboxTableSql(service)) await owner.query(statement);
    for (const statement of inboxTableSql(service)) await owner.query(statement);
    await owner.query(`CREATE TABLE ${service}.dossiers (tenant_id text NOT NULL, id uuid NOT NULL, status text NOT NULL, PRIMARY KEY (tenant_id, id))`);
    for (const statement of tenantTableSecuritySql(service, 'dossiers')) await owner.query(statement);
    await owner.query(`CREATE TABLE ${service}.tallies (tenant_id text NOT NULL, dossier_id uuid NOT NULL, n int NOT NULL, PRIMARY KEY (tenant_id, dossier_id))`);
    for (const statement of tenantTableSecuritySql(service, 'tallies')) await owner.query(statement);
    await owner.query('COMMIT');
  } finally {
    await owner.end();
  }
}

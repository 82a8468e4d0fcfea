import { Client } from 'pg';
import { createServiceDataSource, migrateService, revertLastMigration, serviceDatabaseNames } from '@motcua/persistence';
import { CATALOGUE_ENTITIES } from '../../apps/catalogue/src/app.module';
import { INTAKE_ENTITIES } from '../../apps/intake/src/app.module';
import { PROCESSING_ENTITIES } from '../../apps/processing/src/app.module';
import { TENANTS_ENTITIES } from '../../apps/tenants/src/app.module';
import { createDatabase, createTestDatabase, dropDatabase, TestDatabase, TestEnv, uniqueDatabaseName } from '@motcua/testing';
import { migrateAll } from './migrate-all';
import { serviceMigrations } from './registry';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const SERVICE_ENTITIES = {
  tenants: TENANTS_ENTITIES,
  catalogue: CATALOGUE_ENTITIES,
  intake: INTAKE_ENTITIES,
  processing: PROCESSING_ENTITIES,
};

describe('the migrations of every service', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('force row-level security on every table that has a tenant_id', async () => {
    const tables = await query<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      database.ownerUrl,
      `SELECT c.relnamespace::regnamespace || '.' || c.relname AS table, c.relrowsecurity AS enabled,
              c.relforcerowsecurity AS forced,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE a.attname = 'tenant_id' AND c.relkind = 'r'
          AND c.relnamespace::regnamespace::text = ANY($$${`{${serviceMigrations.map((s) => s.service).join(',')}}`}$$)
        ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(serviceMigrations.length * 2);
    const unprotected = tables.filter((t) => !t.enabled || !t.forced || t.policies === 0).map((t) => t.table);
    expect(unprotected).toEqual([]);
  });

  it('put tenant_id first in the primary key of every tenant-owned table', async () => {
    const keys = await query<{ table: string; first: string }>(
      database.ownerUrl,
      `SELECT c.conrelid::regclass::text AS table, a.attname AS first
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'p' AND EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = c.conrelid AND t.attname = 'tenant_id')`,
    );
    expect(keys.filter((k) => k.first !== 'tenant_id')).toEqual([]);
  });

  it('give the service roles no ownership and no superpowers', async () => {
    const expectedRoles = serviceMigrations.flatMap(({ service }) => {
      const names = serviceDatabaseNames(service);
      return [names.appRole, names.relayRole];
    });
    const roles = await query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      database.ownerUrl,
      `SELECT r.rolname, r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = ANY($$${`{${expectedRoles.join(',')}}`}$$)`,
    );
    expect(roles.map((r) => r.rolname).sort()).toEqual([...expectedRoles].sort());
    expect(roles.filter((r) => r.rolsuper || r.rolbypassrls || r.owned > 0)).toEqual([]);
  });

  // Every service's migrations up, down and up again: seconds on a loaded 2-core machine.
  it('go up, down and up again on an empty database', async () => {
    const adminUrl = process.env[TestEnv.adminUrl] ?? '';
    const name = uniqueDatabaseName('motcua_test');
    const url = await createDatabase(adminUrl, name);
    try {
      await migrateAll(url);
      for (const target of [...serviceMigrations].reverse()) {
        for (let i = 0; i < target.migrations.length; i++) await revertLastMigration(url, target);
      }
      const left = await query<{ n: number }>(
        url,
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = ANY($$${`{${serviceMigrations.map((s) => s.service).join(',')}}`}$$) AND tablename <> 'migrations'`,
      );
      expect(left).toEqual([{ n: 0 }]);
      for (const target of serviceMigrations) {
        expect(await migrateService(url, target)).toHaveLength(target.migrations.length);
      }
    } finally {
      await dropDatabase(adminUrl, name);
    }
  }, 60_000);
});

describe('the entities of every service', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it.each(Object.entries(SERVICE_ENTITIES))('%s: match its migrated schema (no pending schema change)', async (service, entities) => {
    const dataSource = createServiceDataSource({ service, url: database.ownerUrl, entities, poolSize: 1 });
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});

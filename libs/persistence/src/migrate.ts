import { Client } from 'pg';
import { MigrationInterface } from 'typeorm';
import { createServiceDataSource } from './data-source';
import { serviceSchemaSql } from './schema-sql';

export interface ServiceMigrations {
  service: string;
  migrations: Array<new () => MigrationInterface>;
}

/** Creates the service's roles and schema, then applies its pending migrations, each in its own transaction. */
export async function migrateService(ownerUrl: string, target: ServiceMigrations): Promise<string[]> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // Roles are cluster-wide: serialise their creation across concurrent migrators.
    await client.query('SELECT pg_advisory_lock(7301001)');
    for (const statement of serviceSchemaSql(target.service)) await client.query(statement);
    await client.query('SELECT pg_advisory_unlock(7301001)');
  } finally {
    await client.end();
  }
  const dataSource = createServiceDataSource({ service: target.service, url: ownerUrl, migrations: target.migrations, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/** Reverts the service's last migration. */
export async function revertLastMigration(ownerUrl: string, target: ServiceMigrations): Promise<void> {
  const dataSource = createServiceDataSource({ service: target.service, url: ownerUrl, migrations: target.migrations, poolSize: 1 });
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

// The benchmark's own database: created fresh on the real PostgreSQL server (DATABASE_URL, else
// 127.0.0.1:5432), migrated like production, queried as the owner across schemas, dropped after.
import { Client, QueryResultRow } from 'pg';
import { createDatabase, dropDatabase, dropStaleDatabases, isListening, uniqueDatabaseName, withDatabaseUser } from '@motcua/testing';
import { migrateAll } from '../../migrate/migrate-all';

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PREFIX = 'motcua_bench';

export interface ServerSettings {
  version: string;
  fsync: string;
  synchronousCommit: string;
  sharedBuffers: string;
  maxConnections: string;
}

export interface BenchDatabase {
  name: string;
  /** Superuser/owner URL of the benchmark database: sees every tenant's rows. */
  ownerUrl: string;
  settings: ServerSettings;
  /** The same database as another role (a service's app or relay role). */
  urlAs(role: string): string;
  /** Runs a query as the owner on a short-lived connection. */
  query<T extends QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A server with its real settings: DATABASE_URL (a superuser URL) or the local server. An
 * embedded throwaway server (fsync off) would flatter the figures, so none is started.
 */
async function resolveAdminUrl(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (await isListening('127.0.0.1', 5432)) return LOCAL_ADMIN_URL;
  throw new Error('No PostgreSQL server: set DATABASE_URL to a superuser URL or start PostgreSQL on 127.0.0.1:5432');
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'motcua-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function readSettings(url: string): Promise<ServerSettings> {
  return withClient(url, async (client) => {
    const show = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name];
    return {
      version: await show('server_version'),
      fsync: await show('fsync'),
      synchronousCommit: await show('synchronous_commit'),
      sharedBuffers: await show('shared_buffers'),
      maxConnections: await show('max_connections'),
    };
  });
}

/** Creates and migrates a fresh database; drops what earlier killed runs left behind (older than 6 h). */
export async function createBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  const adminUrl = await resolveAdminUrl(env);
  await dropStaleDatabases(adminUrl, PREFIX, 6 * 3600_000);
  const name = uniqueDatabaseName(PREFIX);
  const ownerUrl = await createDatabase(adminUrl, name);
  const database: BenchDatabase = {
    name,
    ownerUrl,
    settings: await readSettings(ownerUrl),
    urlAs: (role) => withDatabaseUser(ownerUrl, role),
    query: <T extends QueryResultRow>(text: string, values?: unknown[]) => withClient(ownerUrl, async (client) => (await client.query<T>(text, values)).rows),
    drop: () => dropDatabase(adminUrl, name),
  };
  try {
    await migrateAll(ownerUrl);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/**
 * Process ids of the PostgreSQL processes working for this database: its backends and the
 * server's auxiliary processes (no database: WAL writer, checkpointer, background writer…).
 * Only visible to a superuser; other databases' backends are left out.
 */
export async function postgresPidsOf(database: BenchDatabase): Promise<number[]> {
  const rows = await database.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()`,
  );
  return rows.map((row) => row.pid);
}

import { withDatabaseUser } from './connection-url';
import { createDatabase, dropDatabase, uniqueDatabaseName } from './databases';

/** Set by the jest global setup: the server's admin URL and the migrated template database. */
export const TestEnv = {
  adminUrl: 'MOTCUA_TEST_ADMIN_URL',
  template: 'MOTCUA_TEST_TEMPLATE',
} as const;

export interface TestDatabase {
  name: string;
  /** Superuser/owner URL of this database (for setup and assertions that must see every tenant). */
  ownerUrl: string;
  /** URL as another role, e.g. a service's app role, so row-level security applies as in production. */
  urlAs(role: string): string;
  drop(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest's integration project (global setup)`);
  return value;
}

/** A fresh copy of the migrated template database, for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireEnv(TestEnv.adminUrl);
  const name = uniqueDatabaseName('motcua_test');
  const ownerUrl = await createDatabase(adminUrl, name, requireEnv(TestEnv.template));
  return {
    name,
    ownerUrl,
    urlAs: (role) => withDatabaseUser(ownerUrl, role),
    drop: () => dropDatabase(adminUrl, name),
  };
}

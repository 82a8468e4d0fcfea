import './workspace-aliases';
import { dropStaleDatabases, createDatabase, dropDatabase, resolvePostgresServer, TestEnv, uniqueDatabaseName } from '@motcua/testing';
import { migrateAll } from '../migrate/migrate-all';

/**
 * Once per jest run: find (or start) PostgreSQL, migrate every service into a template
 * database; each test file then copies the template (tens of milliseconds).
 */
export default async function globalSetup(): Promise<void> {
  const server = await resolvePostgresServer();
  await dropStaleDatabases(server.adminUrl, 'motcua_test', 6 * 3600_000);
  await dropStaleDatabases(server.adminUrl, 'motcua_tpl', 6 * 3600_000);
  const template = uniqueDatabaseName('motcua_tpl');
  const templateUrl = await createDatabase(server.adminUrl, template);
  try {
    await migrateAll(templateUrl);
  } catch (error) {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
    throw error;
  }
  process.env[TestEnv.adminUrl] = server.adminUrl;
  process.env[TestEnv.template] = template;
  (globalThis as { __motcuaTestCleanup?: () => Promise<void> }).__motcuaTestCleanup = async () => {
    await dropDatabase(server.adminUrl, template);
    await server.stop();
  };
}

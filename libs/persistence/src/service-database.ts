/**
 * Each service owns one PostgreSQL schema. It connects as its app role, which owns nothing
 * (so forced row-level security applies), and publishes its outbox as its relay role.
 * Migrations run as the schema owner (the migration URL's user).
 */
export interface ServiceDatabaseNames {
  schema: string;
  appRole: string;
  relayRole: string;
}

const SERVICE_NAME = /^[a-z][a-z_]{1,30}$/;

export function serviceDatabaseNames(service: string): ServiceDatabaseNames {
  if (!SERVICE_NAME.test(service)) throw new Error(`Invalid service name ${JSON.stringify(service)}`);
  return { schema: service, appRole: `motcua_${service}`, relayRole: `motcua_${service}_relay` };
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

import { serviceDatabaseNames } from '@motcua/persistence';

/**
 * The environment of a data service a benchmark starts in its own process: the service's app
 * and relay roles on the benchmark database, the Kafka brokers, its gRPC address, no HTTP port,
 * warnings only. Each benchmark adds what its service needs besides.
 */
export function inProcessServiceEnv(service: string, database: { urlAs(role: string): string }, brokers: readonly string[], grpcUrl: string): NodeJS.ProcessEnv {
  const roles = serviceDatabaseNames(service);
  return {
    DATABASE_URL: database.urlAs(roles.appRole),
    OUTBOX_RELAY_DATABASE_URL: database.urlAs(roles.relayRole),
    KAFKA_BROKERS: brokers.join(','),
    GRPC_URL: grpcUrl,
    HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
    SHUTDOWN_GRACE_MS: '1000',
  };
}

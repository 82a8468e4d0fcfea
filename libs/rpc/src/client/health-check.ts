import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath, type ServingStatus } from 'grpc-health-check';
import { DEFAULT_DEADLINE_MS } from '../loader-options';

interface HealthClient {
  check(
    request: { service: string },
    metadata: Metadata,
    options: { deadline: number },
    callback: (error: ServiceError | null, response?: { status: ServingStatus | 'SERVICE_UNKNOWN' }) => void,
  ): void;
  close(): void;
}

type HealthClientConstructor = new (url: string, channelCredentials: ReturnType<typeof credentials.createInsecure>) => HealthClient;

let healthClientConstructor: HealthClientConstructor | undefined;

/**
 * Asks a server's grpc.health.v1 service for the status of `service` ("" for the whole
 * server), for readiness waits in the dev stack and tests. Rejects with the ServiceError
 * (NOT_FOUND for an unknown service, UNAVAILABLE when nothing listens).
 */
export async function checkGrpcHealth(url: string, service = '', deadlineMs = DEFAULT_DEADLINE_MS): Promise<ServingStatus> {
  healthClientConstructor ??= (
    loadPackageDefinition(loadSync(healthProtoPath, { keepCase: true, enums: String, defaults: true })) as unknown as {
      grpc: { health: { v1: { Health: HealthClientConstructor } } };
    }
  ).grpc.health.v1.Health;
  const client = new healthClientConstructor(url, credentials.createInsecure());
  try {
    return await new Promise<ServingStatus>((resolve, reject) => {
      client.check({ service }, new Metadata(), { deadline: Date.now() + deadlineMs }, (error, response) =>
        error ? reject(error) : resolve((response?.status ?? 'UNKNOWN') as ServingStatus),
      );
    });
  } finally {
    client.close();
  }
}

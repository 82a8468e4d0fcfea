import type { Server } from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';

export type { ServingStatus } from 'grpc-health-check';

/**
 * The `grpc.health.v1.Health` service of one process (Kubernetes gRPC probes call it).
 * grpcMicroserviceOptions registers it and marks the overall status ("") and every served
 * service SERVING once the protos are loaded; call `setAll('NOT_SERVING')` when shutdown
 * begins, so load balancers stop sending before the server closes.
 */
export class GrpcHealth {
  private readonly implementation = new HealthImplementation({ '': 'NOT_SERVING' });
  private readonly statuses = new Map<string, ServingStatus>([['', 'NOT_SERVING']]);

  /** Sets one service's status; "" is the status of the whole server. */
  setStatus(service: string, servingStatus: ServingStatus): void {
    this.statuses.set(service, servingStatus);
    this.implementation.setStatus(service, servingStatus);
  }

  /** Sets every known service and the overall status. */
  setAll(servingStatus: ServingStatus): void {
    for (const service of this.statuses.keys()) this.setStatus(service, servingStatus);
  }

  /** The status of `service` ("" for the server), or undefined when it is not registered. */
  status(service = ''): ServingStatus | undefined {
    return this.statuses.get(service);
  }

  /** The services this handle knows, "" included. */
  services(): string[] {
    return [...this.statuses.keys()];
  }

  addToServer(server: Pick<Server, 'addService'>): void {
    this.implementation.addToServer(server);
  }
}

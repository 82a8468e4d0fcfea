/** The platform's processes as the dev stack runs them: ports and the environment each needs. */
export interface ServiceSpec {
  name: string;
  httpPort: number;
  grpcPort?: number;
  database: boolean;
  kafka: boolean;
}

export const SERVICES: ServiceSpec[] = [
  { name: 'tenants', httpPort: 9101, grpcPort: 50051, database: true, kafka: true },
  { name: 'catalogue', httpPort: 9102, grpcPort: 50052, database: true, kafka: true },
  { name: 'intake', httpPort: 9103, grpcPort: 50053, database: true, kafka: true },
  { name: 'processing', httpPort: 9104, grpcPort: 50054, database: true, kafka: true },
  { name: 'payment', httpPort: 9105, grpcPort: 50055, database: true, kafka: true },
  { name: 'postal', httpPort: 9106, grpcPort: 50056, database: true, kafka: true },
  { name: 'evaluation', httpPort: 9107, grpcPort: 50057, database: true, kafka: true },
  { name: 'gateway', httpPort: 8080, database: false, kafka: true },
];

/** Where the gateway and the services find each other's gRPC endpoints (`<SERVICE>_GRPC_URL`). */
export function grpcEndpoints(host = '127.0.0.1'): Record<string, string> {
  const endpoints: Record<string, string> = {};
  for (const service of SERVICES) {
    if (service.grpcPort) endpoints[`${service.name.toUpperCase()}_GRPC_URL`] = `${host}:${service.grpcPort}`;
  }
  return endpoints;
}

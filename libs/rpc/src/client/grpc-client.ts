import {
  ChannelCredentials,
  credentials as grpcCredentials,
  loadPackageDefinition,
  Metadata,
  type ChannelOptions,
  type Client,
  type GrpcObject,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { Observable } from 'rxjs';
import type { GrpcServiceRef } from '@motcua/contracts';
import { contextToCarrier, tryCurrentTenant } from '@motcua/tenancy';
import { DEFAULT_DEADLINE_MS, DEFAULT_MAX_MESSAGE_BYTES, GRPC_LOADER_OPTIONS } from '../loader-options';

export interface GrpcClientOptions {
  /** Deadline of each call unless the call sets its own; default 5000 ms. */
  deadlineMs?: number;
  /** Default: insecure (in-cluster traffic; TLS belongs to the mesh). */
  credentials?: ChannelCredentials;
  /**
   * Largest message sent or received, in bytes (default DEFAULT_MAX_MESSAGE_BYTES, 16 MiB plus
   * envelope; size it with `grpcMessageLimitFor(<configured upload limit>)`). A larger request
   * fails locally with RESOURCE_EXHAUSTED without reaching the server.
   */
  maxMessageBytes?: number;
  /** Raw grpc-js channel options; `grpc.max_*_message_length` set here win over `maxMessageBytes`. */
  channelOptions?: ChannelOptions;
}

export interface GrpcCallOptions {
  deadlineMs?: number;
  /** Extra metadata; the tenant context's entries are set after these and win. */
  metadata?: Metadata;
}

type UnaryMethod<TMethod> = TMethod extends (request: infer TRequest, metadata?: Metadata) => Observable<infer TResponse>
  ? TRequest extends Observable<unknown>
    ? never
    : (request: TRequest, options?: GrpcCallOptions) => Promise<TResponse>
  : never;

/** The ts-proto client interface of a service with each unary method returning a Promise. */
export type PromiseClient<TClient> = { [K in keyof TClient]: UnaryMethod<TClient[K]> };

export type GrpcClient<TClient> = PromiseClient<TClient> & {
  /** Closes the channel. */
  close(): void;
};

const constructors = new Map<string, ServiceClientConstructor>();

function lookup(root: GrpcObject, fullName: string): unknown {
  let node: unknown = root;
  for (const part of fullName.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

/** The grpc-js client constructor of a contract service, loaded once per process. */
export function loadServiceClientConstructor(service: GrpcServiceRef): ServiceClientConstructor {
  const key = `${service.protoPath}#${service.fullName}`;
  const cached = constructors.get(key);
  if (cached) return cached;
  const definition = loadSync(service.protoFile, { ...GRPC_LOADER_OPTIONS, includeDirs: [...service.includeDirs] });
  const found = lookup(loadPackageDefinition(definition), service.fullName);
  if (typeof found !== 'function' || !('service' in found)) {
    throw new Error(`Service ${service.fullName} is not defined in ${service.protoPath}`);
  }
  const ctor = found as ServiceClientConstructor;
  constructors.set(key, ctor);
  return ctor;
}

function callMetadata(extra: Metadata | undefined): Metadata {
  const metadata = extra ? extra.clone() : new Metadata();
  const tenant = tryCurrentTenant();
  if (tenant) {
    for (const [key, value] of Object.entries(contextToCarrier(tenant))) metadata.set(key, value);
  }
  return metadata;
}

/**
 * A Promise-returning client of one service: every call carries the current tenant context
 * (`contextToCarrier(currentTenant())`, when one is bound) and a deadline, and rejects with
 * the grpc-js ServiceError (read it with `readRpcError`). Typed by the ts-proto client
 * interface: `createGrpcClient(GrpcServices.catalogue, url)` gives `getProcedure(request)`.
 * A bare ServiceClientConstructor needs the type spelled out:
 * `createGrpcClient<CatalogueV1.CatalogueServiceClient>(ctor, url)`. Unary methods only.
 */
export function createGrpcClient<TClient>(
  service: GrpcServiceRef<TClient> | ServiceClientConstructor,
  url: string,
  options: GrpcClientOptions = {},
): GrpcClient<TClient> {
  const ctor = typeof service === 'function' ? service : loadServiceClientConstructor(service);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1) throw new RangeError('maxMessageBytes must be a positive integer');
  const channelOptions: ChannelOptions = {
    'grpc.max_receive_message_length': maxMessageBytes,
    'grpc.max_send_message_length': maxMessageBytes,
    ...options.channelOptions,
  };
  const client: Client = new ctor(url, options.credentials ?? grpcCredentials.createInsecure(), channelOptions);
  const defaultDeadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const methods: Record<string, unknown> = {
    close: () => client.close(),
  };
  for (const [name, method] of Object.entries(ctor.service)) {
    if (method.requestStream || method.responseStream) continue;
    const key = typeof method.originalName === 'string' ? method.originalName : name.charAt(0).toLowerCase() + name.slice(1);
    methods[key] = (request: unknown, callOptions: GrpcCallOptions = {}) =>
      new Promise((resolve, reject) => {
        client.makeUnaryRequest(
          method.path,
          method.requestSerialize,
          method.responseDeserialize,
          request,
          callMetadata(callOptions.metadata),
          { deadline: Date.now() + (callOptions.deadlineMs ?? defaultDeadlineMs) },
          (error: ServiceError | null, response?: unknown) => (error ? reject(error) : resolve(response)),
        );
      });
  }
  return methods as GrpcClient<TClient>;
}

import { isAbsolute, relative, sep } from 'node:path';
import type { Server } from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import type { GrpcServiceRef } from '@motcua/contracts';
import { DEFAULT_MAX_MESSAGE_BYTES, GRPC_LOADER_OPTIONS } from '../loader-options';
import { GrpcHealth } from './grpc-health';

interface CommonServerConfig {
  /** Listen address, e.g. "0.0.0.0:50051". */
  url: string;
  /** The process' health handle (keep it to set NOT_SERVING on shutdown); a private one when omitted. */
  health?: GrpcHealth;
  /** Server reflection (grpcurl, Postman); on by default. */
  reflection?: boolean;
  /** Extra proto-loader include dirs. */
  includeDirs?: string[];
  /** Drain in-flight calls on close instead of cutting them (default true). */
  gracefulShutdown?: boolean;
  /**
   * Largest message received or sent, in bytes (default DEFAULT_MAX_MESSAGE_BYTES, 16 MiB plus
   * envelope; size it with `grpcMessageLimitFor(<configured upload limit>)`). A larger message
   * is refused with RESOURCE_EXHAUSTED before any handler runs.
   */
  maxMessageBytes?: number;
}

/** Either the contract services to serve, or proto packages and files spelled out. */
export type GrpcMicroserviceConfig = CommonServerConfig &
  ({ services: readonly GrpcServiceRef[] } | { packages: string[]; protoPaths: string[] });

/** A path under one of the include dirs becomes relative to it, so descriptors get canonical names. */
function toIncludeRelative(file: string, includeDirs: readonly string[]): string {
  if (!isAbsolute(file)) return file;
  for (const dir of includeDirs) {
    const rel = relative(dir, file);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file;
}

/** Services (fully qualified) that a loaded package definition holds in the given packages. */
function servicesIn(definition: PackageDefinition, packages: readonly string[]): string[] {
  return Object.entries(definition)
    .filter(([name, value]) => !('format' in value) && packages.some((pkg) => name.startsWith(`${pkg}.`)))
    .map(([name]) => name);
}

/**
 * The options for `app.connectMicroservice(...)` / `NestFactory.createMicroservice(...)`:
 * gRPC transport with GRPC_LOADER_OPTIONS, and, once the protos are loaded, grpc.health.v1
 * (every served service and "" SERVING) and server reflection on the same server.
 */
export function grpcMicroserviceOptions(config: GrpcMicroserviceConfig): GrpcOptions {
  const health = config.health ?? new GrpcHealth();
  const includeDirs = [
    ...new Set([...('services' in config ? config.services.flatMap((s) => s.includeDirs) : []), ...(config.includeDirs ?? [])]),
  ];
  const packages = 'services' in config ? [...new Set(config.services.map((s) => s.packageName))] : config.packages;
  const protoPaths = 'services' in config ? [...new Set(config.services.map((s) => s.protoFile))] : config.protoPaths;
  const reflection = config.reflection ?? true;
  const maxMessageBytes = config.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1) throw new RangeError('maxMessageBytes must be a positive integer');

  return {
    transport: Transport.GRPC,
    options: {
      url: config.url,
      package: packages,
      protoPath: protoPaths.map((file) => toIncludeRelative(file, includeDirs)),
      loader: { ...GRPC_LOADER_OPTIONS, includeDirs },
      gracefulShutdown: config.gracefulShutdown ?? true,
      maxReceiveMessageLength: maxMessageBytes,
      maxSendMessageLength: maxMessageBytes,
      onLoadPackageDefinition: (definition: PackageDefinition, server: Pick<Server, 'addService'>) => {
        health.addToServer(server);
        if (reflection) new ReflectionService(definition).addToServer(server);
        for (const service of servicesIn(definition, packages)) health.setStatus(service, 'SERVING');
        health.setStatus('', 'SERVING');
      },
    },
  };
}

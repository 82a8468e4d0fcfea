import type { Options } from '@grpc/proto-loader';

/**
 * How @grpc/proto-loader turns protobuf messages into objects, on the server and in clients.
 * libs/contracts/buf.gen.yaml generates the TypeScript types for exactly this shape
 * (camelCase keys, 64-bit integers as strings, enums as names, defaults filled in, unset
 * message fields as null, oneofs as optional members): change both together.
 */
export const GRPC_LOADER_OPTIONS = Object.freeze({
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
}) satisfies Options;

/** Every call gets a deadline (grpc-js has none by default). */
export const DEFAULT_DEADLINE_MS = 5000;

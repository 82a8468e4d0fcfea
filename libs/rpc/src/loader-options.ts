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

/**
 * Room a message needs beyond its largest payload field (the other fields, protobuf framing):
 * an upload of N bytes travels in a message of at most N + this.
 */
export const GRPC_MESSAGE_ENVELOPE_BYTES = 64 * 1024;

/**
 * The largest message a server receives and a client sends or receives unless configured
 * otherwise: 16 MiB of payload plus the envelope. grpc-js' own default receive limit is
 * 4 MiB, which refuses uploads the services accept.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + GRPC_MESSAGE_ENVELOPE_BYTES;

/**
 * The message limit that lets a payload (an upload, a rendered file) of `payloadBytes`
 * through, never below DEFAULT_MAX_MESSAGE_BYTES: size it from the configured upload limit.
 */
export function grpcMessageLimitFor(payloadBytes: number): number {
  if (!Number.isSafeInteger(payloadBytes) || payloadBytes < 0) throw new RangeError('payloadBytes must be a non-negative integer');
  return Math.max(DEFAULT_MAX_MESSAGE_BYTES, payloadBytes + GRPC_MESSAGE_ENVELOPE_BYTES);
}

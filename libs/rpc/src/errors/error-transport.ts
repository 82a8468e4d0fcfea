import { Metadata, status } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { DomainError, type ErrorCategory } from '@motcua/domain-kernel';
import { InvalidTenantIdError, TenantRequiredError } from '@motcua/tenancy';
import { assertNever, isErrorCategory, RpcError, RpcErrorCode } from './rpc-error';

/**
 * The trailing-metadata entry that carries a failed call's domain code, category and
 * details, as UTF-8 JSON bytes (a `-bin` key: grpc-js base64-encodes it on the wire).
 */
export const ERROR_METADATA_KEY = 'motcua-error-bin';

/** What travels in ERROR_METADATA_KEY. */
export interface RpcErrorPayload {
  code: string;
  category: ErrorCategory;
  details: Record<string, unknown>;
}

/** Details above this size are dropped (metadata is limited to 8 KiB by default). */
const MAX_PAYLOAD_BYTES = 4096;

/** The object a grpc-js handler passes to its callback to fail a call. */
export interface GrpcErrorResponse {
  code: status;
  message: string;
  details: string;
  metadata: Metadata;
}

/**
 * gRPC status of each domain category: the one place the transport is decided. `conflict`
 * (a duplicate, e.g. PROCEDURE_EXISTS) is ALREADY_EXISTS; `unprocessable` shares
 * FAILED_PRECONDITION with `precondition` and the gateway tells them apart (422 vs 409) by
 * the category in the trailer.
 */
export function categoryToGrpcStatus(category: ErrorCategory): status {
  switch (category) {
    case 'invalid':
      return status.INVALID_ARGUMENT;
    case 'unauthenticated':
      return status.UNAUTHENTICATED;
    case 'forbidden':
      return status.PERMISSION_DENIED;
    case 'not_found':
      return status.NOT_FOUND;
    case 'conflict':
      return status.ALREADY_EXISTS;
    case 'precondition':
    case 'unprocessable':
      return status.FAILED_PRECONDITION;
    case 'rate_limited':
      return status.RESOURCE_EXHAUSTED;
    case 'unavailable':
      return status.UNAVAILABLE;
    default:
      return assertNever(category);
  }
}

export function encodeErrorPayload(payload: RpcErrorPayload): Buffer {
  const full = Buffer.from(JSON.stringify(payload), 'utf8');
  if (full.length <= MAX_PAYLOAD_BYTES) return full;
  return Buffer.from(JSON.stringify({ ...payload, details: { detailsTruncated: true } }), 'utf8');
}

/** Reads ERROR_METADATA_KEY from trailers; undefined when absent or malformed (a boundary: never trusted). */
export function decodeErrorPayload(metadata: Metadata | undefined): RpcErrorPayload | undefined {
  const value = metadata?.get(ERROR_METADATA_KEY)[0];
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.isBuffer(value) ? value.toString('utf8') : value);
  } catch {
    return undefined; // malformed trailer: the caller falls back to the bare gRPC status
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { code, category, details } = parsed as Record<string, unknown>;
  if (typeof code !== 'string' || code === '' || !isErrorCategory(category)) return undefined;
  const detailsObject =
    typeof details === 'object' && details !== null && !Array.isArray(details) ? (details as Record<string, unknown>) : {};
  return { code, category, details: detailsObject };
}

function fromDomainError(error: DomainError): GrpcErrorResponse {
  const metadata = new Metadata();
  metadata.set(ERROR_METADATA_KEY, encodeErrorPayload({ code: error.code, category: error.category, details: error.details }));
  return { code: categoryToGrpcStatus(error.category), message: error.message, details: error.message, metadata };
}

function internalError(): GrpcErrorResponse {
  return { code: status.INTERNAL, message: 'Internal error', details: 'Internal error', metadata: new Metadata() };
}

/** A status error received from another service (grpc-js ServiceError shape). */
function isGrpcStatusError(error: unknown): error is Error & { code: status; metadata: Metadata } {
  return (
    error instanceof Error &&
    'metadata' in error &&
    error.metadata instanceof Metadata &&
    typeof (error as { code?: unknown }).code === 'number'
  );
}

const VALID_STATUS = new Set<number>(Object.values(status).filter((value): value is number => typeof value === 'number'));

/** The outcome of classifying a thrown value: the response, and whether it was an unexpected failure (to be logged). */
export interface ClassifiedError {
  response: GrpcErrorResponse;
  unexpected: boolean;
}

/**
 * Turns anything thrown by a handler into the status the caller receives:
 * - DomainError (@motcua/domain-kernel): its category's status, its message, and code,
 *   category and details in the `motcua-error-bin` trailer;
 * - TenantRequiredError / InvalidTenantIdError (@motcua/tenancy): UNAUTHENTICATED / INVALID_ARGUMENT;
 * - RpcException({ code, message }) with a valid status: passed through as written;
 * - an uncaught UNAVAILABLE / DEADLINE_EXCEEDED from a downstream call: UNAVAILABLE
 *   (DEPENDENCY_UNAVAILABLE); any other downstream status is not forwarded blindly: INTERNAL;
 * - anything else: INTERNAL with a generic message (no internals leak), flagged `unexpected`.
 */
export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof DomainError) return { response: fromDomainError(error), unexpected: false };
  if (error instanceof TenantRequiredError) {
    return { response: fromDomainError(new RpcError(RpcErrorCode.TenantRequired, error.message)), unexpected: false };
  }
  if (error instanceof InvalidTenantIdError) {
    return { response: fromDomainError(new RpcError(RpcErrorCode.TenantIdInvalid, error.message)), unexpected: false };
  }
  if (error instanceof RpcException) {
    const body = error.getError();
    if (typeof body === 'object' && body !== null) {
      const { code, message, metadata } = body as { code?: unknown; message?: unknown; metadata?: unknown };
      if (typeof code === 'number' && VALID_STATUS.has(code) && code !== status.OK) {
        const text = typeof message === 'string' ? message : status[code];
        // toRpcException() output keeps its trailer (domain code and details).
        const trailers = metadata instanceof Metadata ? metadata : new Metadata();
        return { response: { code, message: text, details: text, metadata: trailers }, unexpected: code === status.INTERNAL };
      }
    }
  }
  if (isGrpcStatusError(error) && (error.code === status.UNAVAILABLE || error.code === status.DEADLINE_EXCEEDED)) {
    const dependency = new RpcError(RpcErrorCode.DependencyUnavailable, 'A service this call depends on did not answer');
    return { response: fromDomainError(dependency), unexpected: true };
  }
  return { response: internalError(), unexpected: true };
}

/** The grpc-js error response for `error` (see classifyError). */
export function toGrpcError(error: unknown): GrpcErrorResponse {
  return classifyError(error).response;
}

/**
 * `error` as an RpcException that NestJS' default RPC filter hands to grpc-js unchanged, for
 * code that runs where GrpcExceptionFilter is not installed.
 */
export function toRpcException(error: unknown): RpcException {
  return new RpcException(toGrpcError(error));
}

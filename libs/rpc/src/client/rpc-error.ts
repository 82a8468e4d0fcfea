import { Metadata, status } from '@grpc/grpc-js';
import type { ErrorCategory } from '@motcua/domain-kernel';
import { decodeErrorPayload } from '../errors/error-transport';

/** A failed call, as the caller sees it. */
export interface RpcErrorInfo {
  /** gRPC status code. */
  status: status;
  /** The domain code from the trailers (e.g. "DOSSIER_NOT_FOUND"), else the status name (e.g. "DEADLINE_EXCEEDED"). */
  code: string;
  /** The domain error's category, when the server sent one. */
  category?: ErrorCategory;
  /** The domain error's details ({} when none). */
  details: Record<string, unknown>;
  /** The status message. */
  message: string;
}

/** A grpc-js client error (ServiceError): an Error with a numeric status and trailers. */
export function isGrpcServiceError(error: unknown): error is Error & { code: status; details: string; metadata: Metadata } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'number' &&
    'metadata' in error &&
    error.metadata instanceof Metadata
  );
}

/**
 * Reads what a failed gRPC call says: status, domain code, category and details from the
 * `motcua-error-bin` trailer (never from the message text). Anything that is not a gRPC
 * error is reported as INTERNAL without its message, so internals do not reach a response.
 */
export function readRpcError(error: unknown): RpcErrorInfo {
  if (!isGrpcServiceError(error)) {
    return { status: status.INTERNAL, code: 'INTERNAL', details: {}, message: 'Internal error' };
  }
  const payload = decodeErrorPayload(error.metadata);
  const message = typeof error.details === 'string' ? error.details : error.message;
  if (!payload) return { status: error.code, code: status[error.code] ?? 'UNKNOWN', details: {}, message };
  return { status: error.code, code: payload.code, category: payload.category, details: payload.details, message };
}

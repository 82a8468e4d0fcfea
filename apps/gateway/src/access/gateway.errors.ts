import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum GatewayErrorCode {
  TenantRequired = 'TENANT_REQUIRED',
  TenantUnknown = 'TENANT_UNKNOWN',
  TenantMismatch = 'TENANT_MISMATCH',
  RequestInvalid = 'REQUEST_INVALID',
  /** A creating POST that must carry an Idempotency-Key came without one. */
  IdempotencyKeyRequired = 'IDEMPOTENCY_KEY_REQUIRED',
  /** The Idempotency-Key is not 1–255 visible ASCII characters. */
  IdempotencyKeyInvalid = 'IDEMPOTENCY_KEY_INVALID',
  /** The key was used before with another request (body, path). */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this key is still being answered. */
  IdempotencyInProgress = 'IDEMPOTENCY_IN_PROGRESS',
  /** The idempotency store cannot be reached: the request is not run without its protection. */
  IdempotencyUnavailable = 'IDEMPOTENCY_UNAVAILABLE',
  /** The client or its tenant sent more requests than its limit allows. */
  RateLimited = 'RATE_LIMITED',
}

const categories: Record<GatewayErrorCode, ErrorCategory> = {
  [GatewayErrorCode.TenantRequired]: 'invalid',
  [GatewayErrorCode.TenantUnknown]: 'not_found',
  [GatewayErrorCode.TenantMismatch]: 'forbidden',
  [GatewayErrorCode.RequestInvalid]: 'invalid',
  [GatewayErrorCode.IdempotencyKeyRequired]: 'invalid',
  [GatewayErrorCode.IdempotencyKeyInvalid]: 'invalid',
  [GatewayErrorCode.IdempotencyKeyReused]: 'unprocessable',
  [GatewayErrorCode.IdempotencyInProgress]: 'conflict',
  [GatewayErrorCode.IdempotencyUnavailable]: 'unavailable',
  [GatewayErrorCode.RateLimited]: 'rate_limited',
};

export class GatewayError extends DomainError<GatewayErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: GatewayErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

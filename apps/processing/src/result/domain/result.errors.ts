import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum ResultErrorCode {
  InvalidRequest = 'RESULT_REQUEST_INVALID',
  ResultNotFound = 'RESULT_NOT_FOUND',
  SigningKeyNotFound = 'SIGNING_KEY_NOT_FOUND',
  AlreadyIssued = 'RESULT_ALREADY_ISSUED',
  SigningKeyUnreadable = 'SIGNING_KEY_UNREADABLE',
}

const categories: Record<ResultErrorCode, ErrorCategory> = {
  [ResultErrorCode.InvalidRequest]: 'invalid',
  [ResultErrorCode.ResultNotFound]: 'not_found',
  [ResultErrorCode.SigningKeyNotFound]: 'not_found',
  [ResultErrorCode.AlreadyIssued]: 'conflict',
  // The stored private key does not open under the configured key-encryption key: an operator's fault.
  [ResultErrorCode.SigningKeyUnreadable]: 'unavailable',
};

export class ResultError extends DomainError<ResultErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: ResultErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `value` as a lower-case uuid, or INVALID_ARGUMENT naming `field`. */
export function requireUuid(value: string | undefined, field: string): string {
  if (value === undefined || !UUID.test(value)) {
    throw new ResultError(ResultErrorCode.InvalidRequest, `${field} must be a uuid`, { errors: [{ field, message: 'a uuid' }] });
  }
  return value.toLowerCase();
}

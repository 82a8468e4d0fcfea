/**
 * What kind of failure a domain error is. Transports map the category (gRPC status, HTTP
 * status); the service's own code names the exact case for clients (problem `type`).
 */
export type ErrorCategory =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export type ErrorDetails = Record<string, unknown> & { errors?: FieldError[] };

/** Base of every service's errors: `throw new IntakeError(IntakeErrorCode.DossierIncomplete, { missing })`. */
export abstract class DomainError<TCode extends string = string> extends Error {
  abstract readonly category: ErrorCategory;

  constructor(
    readonly code: TCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

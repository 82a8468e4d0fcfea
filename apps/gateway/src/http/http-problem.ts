import type { FieldError } from '@motcua/domain-kernel';
import { assertNever } from '@motcua/rpc';

/**
 * Refusals of the HTTP layer itself, with no gRPC counterpart (412, 413, 415, 428, ...).
 * Domain and service errors keep their own codes; these are the gateway's.
 */
export enum HttpProblemCode {
  /** No route for this method and path. */
  RouteNotFound = 'ROUTE_NOT_FOUND',
  /** The body is not parseable JSON (or empty while a JSON content type is announced). */
  BodyMalformed = 'BODY_MALFORMED',
  /** The body exceeds BODY_LIMIT_BYTES. */
  BodyTooLarge = 'BODY_TOO_LARGE',
  /** A body in anything but JSON. */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** The request line or URL cannot be read. */
  UrlMalformed = 'URL_MALFORMED',
  /** `If-Match` names no current representation of the resource. */
  PreconditionFailed = 'PRECONDITION_FAILED',
  /** An update without `If-Match`. */
  PreconditionRequired = 'PRECONDITION_REQUIRED',
  /** A service this route needs does not answer; other routes keep working. */
  DependencyUnavailable = 'DEPENDENCY_UNAVAILABLE',
}

/** The one mapping from the HTTP layer's codes to statuses. */
export function httpProblemStatus(code: HttpProblemCode): number {
  switch (code) {
    case HttpProblemCode.RouteNotFound:
      return 404;
    case HttpProblemCode.BodyMalformed:
    case HttpProblemCode.UrlMalformed:
      return 400;
    case HttpProblemCode.BodyTooLarge:
      return 413;
    case HttpProblemCode.UnsupportedMediaType:
      return 415;
    case HttpProblemCode.PreconditionFailed:
      return 412;
    case HttpProblemCode.PreconditionRequired:
      return 428;
    case HttpProblemCode.DependencyUnavailable:
      return 503;
    default:
      return assertNever(code);
  }
}

export interface HttpProblemOptions {
  errors?: FieldError[];
  /** Response headers that belong to the refusal (e.g. `Retry-After`). */
  headers?: Readonly<Record<string, string>>;
  /** Logged with the problem, never sent. */
  details?: Readonly<Record<string, unknown>>;
  cause?: unknown;
}

/** Thrown by the HTTP layer; ProblemFilter turns it into problem+json with `httpProblemStatus(code)`. */
export class HttpProblem extends Error {
  readonly status: number;
  readonly errors?: FieldError[];
  readonly headers: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: HttpProblemCode,
    message: string,
    options: HttpProblemOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'HttpProblem';
    this.status = httpProblemStatus(code);
    this.errors = options.errors;
    this.headers = options.headers ?? {};
    this.details = options.details ?? {};
  }
}

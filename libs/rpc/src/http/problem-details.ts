import { status } from '@grpc/grpc-js';
import type { ErrorCategory, FieldError } from '@motcua/domain-kernel';
import { readRpcError } from '../client/rpc-error';
import { PROBLEM_TITLES_VI } from './problem.messages.vi';

/** An RFC 9457 `application/problem+json` body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  /** Field findings of a validation problem: a DomainError's `details.errors`. */
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * The one mapping from gRPC status to HTTP status (STACK.md). FAILED_PRECONDITION is 409
 * (the state forbids it) unless the error's category says the request broke a business
 * rule (`unprocessable`): then 422.
 */
export function grpcStatusToHttp(code: status, category?: ErrorCategory): number {
  switch (code) {
    case status.OK:
      return 200;
    case status.INVALID_ARGUMENT:
      return 400;
    case status.UNAUTHENTICATED:
      return 401;
    case status.PERMISSION_DENIED:
      return 403;
    case status.NOT_FOUND:
      return 404;
    case status.ALREADY_EXISTS:
    case status.ABORTED:
      return 409;
    case status.FAILED_PRECONDITION:
      return category === 'unprocessable' ? 422 : 409;
    case status.RESOURCE_EXHAUSTED:
      return 429;
    case status.UNIMPLEMENTED:
      return 501;
    case status.UNAVAILABLE:
      return 503;
    case status.DEADLINE_EXCEEDED:
      return 504;
    default:
      return 500;
  }
}

/** "DOSSIER_NOT_FOUND", "DossierNotFound" and "dossier.not-found" all give "dossier-not-found". */
export function kebabCode(code: string): string {
  return code
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** The problem `type` of a code: `urn:motcua:problem:<code-kebab>`. */
export function problemType(code: string): string {
  return `urn:motcua:problem:${kebabCode(code) || 'internal'}`;
}

export interface ProblemTexts {
  title?: string;
  detail?: string;
}

export interface ToProblemOptions {
  /**
   * The Vietnamese texts of a code, from the gateway's message files. When it gives none,
   * the title is the generic one of the HTTP status and the detail the error's message
   * (the generic title for server-side failures, whose messages are not shown).
   */
  describe?: (code: string, details: Record<string, unknown>) => ProblemTexts | undefined;
}

/**
 * The RFC 9457 problem for a failed gRPC call (or anything else thrown, which becomes a
 * 500 without its message). `instance` is the request path (or a request URN).
 */
export function toProblemDetails(error: unknown, instance: string, options: ToProblemOptions = {}): ProblemDetails {
  const info = readRpcError(error);
  const httpStatus = grpcStatusToHttp(info.status, info.category);
  const texts = options.describe?.(info.code, info.details) ?? {};
  const title = texts.title ?? PROBLEM_TITLES_VI[httpStatus] ?? PROBLEM_TITLES_VI[500];
  const detail = texts.detail ?? (httpStatus >= 500 ? title : info.message);
  const problem: ProblemDetails = { type: problemType(info.code), title, status: httpStatus, detail, instance, code: info.code };
  const errors = fieldErrors(info.details.errors);
  if (errors.length > 0) problem.errors = errors;
  return problem;
}

/** `details.errors` as FieldError[]; anything else in it is dropped (it came over the wire). */
function fieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): FieldError[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;
    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

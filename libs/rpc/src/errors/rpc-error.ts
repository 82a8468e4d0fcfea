import { DomainError, type ErrorCategory, type ErrorDetails } from '@motcua/domain-kernel';

/** For the `default` branch of an exhaustive `switch`: an unmapped case fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case ${JSON.stringify(value)}`);
}

/** Every category of @motcua/domain-kernel; a Record, so a new category fails to compile here. */
const CATEGORIES: Record<ErrorCategory, true> = {
  invalid: true,
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  precondition: true,
  unprocessable: true,
  rate_limited: true,
  unavailable: true,
};

export function isErrorCategory(value: unknown): value is ErrorCategory {
  return typeof value === 'string' && Object.hasOwn(CATEGORIES, value);
}

/** The codes @motcua/rpc itself raises. */
export enum RpcErrorCode {
  TenantRequired = 'TENANT_REQUIRED',
  TenantIdInvalid = 'TENANT_ID_INVALID',
  MetadataInvalid = 'METADATA_INVALID',
  DependencyUnavailable = 'DEPENDENCY_UNAVAILABLE',
}

function rpcCategoryOf(code: RpcErrorCode): ErrorCategory {
  switch (code) {
    case RpcErrorCode.TenantRequired:
      return 'unauthenticated';
    case RpcErrorCode.TenantIdInvalid:
    case RpcErrorCode.MetadataInvalid:
      return 'invalid';
    case RpcErrorCode.DependencyUnavailable:
      return 'unavailable';
    default:
      return assertNever(code);
  }
}

/** A failure of the call itself (tenant metadata, a dependency), not of a service's domain. */
export class RpcError extends DomainError<RpcErrorCode> {
  get category(): ErrorCategory {
    return rpcCategoryOf(this.code);
  }

  constructor(code: RpcErrorCode, message: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

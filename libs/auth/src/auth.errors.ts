import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

/**
 * Why a token or an act was refused. Messages and details never contain the token, its
 * signature or personal data: only codes, claim names, issuer kinds and actions.
 */
export enum AuthErrorCode {
  /** No bearer token on a call that needs one. */
  TokenMissing = 'TOKEN_MISSING',
  /** Malformed, unsigned (`alg: none`), a refused algorithm, an unknown key or a bad signature. */
  TokenInvalid = 'TOKEN_INVALID',
  TokenExpired = 'TOKEN_EXPIRED',
  /** `nbf` is still in the future (beyond the clock tolerance). */
  TokenNotYetValid = 'TOKEN_NOT_YET_VALID',
  /** The `iss` is not one of the configured issuers. */
  IssuerUntrusted = 'ISSUER_UNTRUSTED',
  /** The token was minted for another audience (another API). */
  AudienceMismatch = 'AUDIENCE_MISMATCH',
  /** A claim we rely on (`sub`, `roles`, `agency_id`, `desk_ids`, `tenant_id`) is absent or malformed. */
  ClaimInvalid = 'CLAIM_INVALID',
  /** A staff token without `tenant_id`: staff always act for one tenant. */
  TenantMissing = 'TENANT_MISSING',
  /** The token names a tenant its issuer does not serve. */
  TenantMismatch = 'TENANT_MISMATCH',
  /** The token carries a role its issuer may not grant (a citizen IdP minting `tenant_admin`). */
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  /** The access policy refused the act. */
  AccessDenied = 'ACCESS_DENIED',
  /** The issuer's key set could not be fetched: not the caller's fault, retry later. */
  JwksUnavailable = 'JWKS_UNAVAILABLE',
}

function unreachable(value: never): never {
  throw new Error(`Unmapped auth error code ${String(value)}`);
}

export function authErrorCategory(code: AuthErrorCode): ErrorCategory {
  switch (code) {
    case AuthErrorCode.TokenMissing:
    case AuthErrorCode.TokenInvalid:
    case AuthErrorCode.TokenExpired:
    case AuthErrorCode.TokenNotYetValid:
    case AuthErrorCode.IssuerUntrusted:
    case AuthErrorCode.AudienceMismatch:
    case AuthErrorCode.ClaimInvalid:
    case AuthErrorCode.TenantMissing:
      return 'unauthenticated';
    case AuthErrorCode.TenantMismatch:
    case AuthErrorCode.RoleNotAllowed:
    case AuthErrorCode.AccessDenied:
      return 'forbidden';
    case AuthErrorCode.JwksUnavailable:
      return 'unavailable';
    default:
      return unreachable(code);
  }
}

export class AuthError extends DomainError<AuthErrorCode> {
  get category(): ErrorCategory {
    return authErrorCategory(this.code);
  }

  constructor(code: AuthErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}

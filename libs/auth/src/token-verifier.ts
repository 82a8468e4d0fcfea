import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JWTHeaderParameters,
  type FlattenedJWSInput,
  type JWTVerifyGetKey,
} from 'jose';
import { AuthError, AuthErrorCode } from './auth.errors';
import { principalFromClaims } from './claims';
import type { Principal } from './principal';
import { TrustedIssuer, validateTrustedIssuers } from './trusted-issuer';

/** Only asymmetric signatures: never `none`, never HMAC (a shared secret would let any holder mint tokens). */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;

export interface TokenVerifierOptions {
  /** Allowed clock skew for `exp` and `nbf`, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** After a fetch, an unknown `kid` triggers no new fetch for this long (protects the IdP). Default 30 000. */
  jwksCooldownMs?: number;
  /** A fetched key set is used for this long before it is fetched again. Default 600 000. */
  jwksCacheMaxAgeMs?: number;
  /** Timeout of one key-set fetch. Default 5 000. */
  jwksTimeoutMs?: number;
  /** Longer tokens are refused before any parsing. Default 8 192 characters. */
  maxTokenLength?: number;
}

interface IssuerEntry {
  readonly trusted: TrustedIssuer;
  readonly keys: JWTVerifyGetKey;
}

/** Marks a failure to obtain the issuer's keys, as opposed to a token they reject. */
class KeySetUnavailable extends Error {}

const BEARER_PREFIX = /^Bearer[ \t]+/i;

function joseCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function joseClaim(error: unknown): string | undefined {
  const claim = typeof error === 'object' && error !== null ? (error as { claim?: unknown }).claim : undefined;
  return typeof claim === 'string' ? claim : undefined;
}

function invalid(reason: string): AuthError {
  return new AuthError(AuthErrorCode.TokenInvalid, 'The access token is not valid', { reason });
}

/**
 * Verifies bearer access tokens from the trusted issuers: signature against the issuer's
 * JWKS (fetched, cached and refetched on an unknown `kid` after a rotation), RS256/ES256
 * only, issuer, audience, `exp` and `nbf`; then the claims, per the issuer's kind.
 * Refusals are `AuthError`s; nothing here logs, and no error carries the token.
 */
export class TokenVerifier {
  private readonly issuers: ReadonlyMap<string, IssuerEntry>;
  private readonly clockTolerance: number;
  private readonly maxTokenLength: number;

  constructor(trustedIssuers: readonly TrustedIssuer[], options: TokenVerifierOptions = {}) {
    validateTrustedIssuers(trustedIssuers);
    this.clockTolerance = options.clockToleranceSeconds ?? 30;
    this.maxTokenLength = options.maxTokenLength ?? 8192;
    const entries = new Map<string, IssuerEntry>();
    for (const trusted of trustedIssuers) {
      const remote = createRemoteJWKSet(new URL(trusted.jwksUri), {
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
        timeoutDuration: options.jwksTimeoutMs ?? 5_000,
      });
      const keys: JWTVerifyGetKey = async (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
        try {
          return await remote(header, token);
        } catch (error) {
          // No key with this kid (even after a refetch): the token's, not the issuer's, fault.
          if (joseCode(error) === 'ERR_JWKS_NO_MATCHING_KEY' || joseCode(error) === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
          throw new KeySetUnavailable('JWKS fetch failed', { cause: error });
        }
      };
      entries.set(trusted.issuer, { trusted: { ...trusted }, keys });
    }
    this.issuers = entries;
  }

  /** The issuers this verifier trusts (for diagnostics and tenant resolution). */
  get trustedIssuers(): readonly TrustedIssuer[] {
    return [...this.issuers.values()].map((entry) => entry.trusted);
  }

  /**
   * Verifies a bearer token (the token itself, or an `Authorization` header value
   * `Bearer <token>`) and returns who it identifies, or throws an `AuthError`.
   */
  async verify(bearerToken: string | null | undefined): Promise<Principal> {
    const token = typeof bearerToken === 'string' ? bearerToken.replace(BEARER_PREFIX, '').trim() : '';
    if (token === '') throw new AuthError(AuthErrorCode.TokenMissing, 'A bearer access token is required');
    if (token.length > this.maxTokenLength) throw invalid('too_long');

    let algorithm: unknown;
    let issuer: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
      issuer = decodeJwt(token).iss;
    } catch {
      throw invalid('malformed');
    }
    if (!(ACCEPTED_ALGORITHMS as readonly unknown[]).includes(algorithm)) throw invalid('algorithm_not_allowed');
    if (typeof issuer !== 'string' || issuer === '') throw invalid('issuer_missing');
    const entry = this.issuers.get(issuer);
    if (!entry) throw new AuthError(AuthErrorCode.IssuerUntrusted, 'The token was issued by an untrusted issuer');

    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, entry.keys, {
        issuer: entry.trusted.issuer,
        audience: entry.trusted.audience,
        algorithms: [...ACCEPTED_ALGORITHMS],
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'sub'],
      });
      claims = verified.payload;
    } catch (error) {
      const refusal = this.translate(error, entry.trusted);
      if (refusal) throw refusal;
      throw new Error('Unexpected failure while verifying an access token', { cause: error });
    }
    return principalFromClaims(claims, entry.trusted);
  }

  /** The refusal a jose error stands for; undefined for anything that is not jose's verdict (a bug). */
  private translate(error: unknown, trusted: TrustedIssuer): AuthError | undefined {
    if (error instanceof KeySetUnavailable) {
      return new AuthError(
        AuthErrorCode.JwksUnavailable,
        "The issuer's signing keys are unavailable",
        { issuerKind: trusted.audienceKind },
        { cause: error.cause },
      );
    }
    // jose's errors may hold the payload: keep only their code, never the error itself.
    const code = joseCode(error);
    switch (code) {
      case 'ERR_JWT_EXPIRED':
        return new AuthError(AuthErrorCode.TokenExpired, 'The access token has expired');
      case 'ERR_JWT_CLAIM_VALIDATION_FAILED': {
        const claim = joseClaim(error);
        if (claim === 'nbf') return new AuthError(AuthErrorCode.TokenNotYetValid, 'The access token is not valid yet');
        if (claim === 'aud') return new AuthError(AuthErrorCode.AudienceMismatch, 'The access token is for another audience');
        if (claim === 'iss') return new AuthError(AuthErrorCode.IssuerUntrusted, 'The token was issued by an untrusted issuer');
        return new AuthError(AuthErrorCode.ClaimInvalid, `The "${claim ?? 'unknown'}" claim is missing or malformed`, {
          claim: claim ?? 'unknown',
        });
      }
      case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
        return invalid('signature');
      case 'ERR_JWKS_NO_MATCHING_KEY':
      case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
        return invalid('unknown_key');
      case 'ERR_JOSE_ALG_NOT_ALLOWED':
      case 'ERR_JOSE_NOT_SUPPORTED':
        return invalid('algorithm_not_allowed');
      default:
        return code?.startsWith('ERR_J') ? invalid('malformed') : undefined;
    }
  }
}

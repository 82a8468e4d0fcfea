import { createHash } from 'node:crypto';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_REPLAYED_HEADER = 'Idempotency-Replayed';

/** 1–255 visible ASCII characters (no spaces, no controls): a UUID is the usual choice. */
const WELL_FORMED_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The Idempotency-Key of a request, or undefined when none was sent. A malformed key, or more
 * than one, is refused (400): guessing which one the client meant could replay a wrong answer.
 */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header) || !WELL_FORMED_KEY.test(header)) {
    throw new GatewayError(GatewayErrorCode.IdempotencyKeyInvalid, 'Idempotency-Key phải gồm 1–255 ký tự ASCII nhìn thấy được (ví dụ một UUID), gửi một lần.', {
      errors: [{ field: IDEMPOTENCY_KEY_HEADER, message: '1–255 visible ASCII characters, sent once' }],
    });
  }
  return header;
}

/**
 * Canonical JSON (RFC 8785's shape for what JSON.parse gives): object members sorted by key
 * (UTF-16 code units), no whitespace, members whose value is undefined left out, numbers and
 * strings as JSON.stringify writes them. Equal JSON values give equal text, however the client
 * ordered or spaced them.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const members = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * What a key promises to stand for: the request target (path and query) and the body, as
 * SHA-256 of their canonical JSON. The same key with another fingerprint is another request.
 */
export function requestFingerprint(target: string, body: unknown): string {
  return createHash('sha256').update(canonicalJson({ target, body: body ?? null })).digest('hex');
}

/** Whose key it is: keys of different callers, tenants or routes never meet. */
export interface IdempotencyScope {
  /** The tenant of the request, or `national` on national routes. */
  tenant: string;
  issuer: string;
  subject: string;
  /** Method and route pattern, e.g. `POST /v1/dossiers`. */
  route: string;
  key: string;
}

/** The store key of a scoped idempotency key (hashed: bounded length, nothing to escape). */
export function idempotencyStoreKey(scope: IdempotencyScope): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([scope.tenant, scope.issuer, scope.subject, scope.route, scope.key]))
    .digest('base64url');
  return `idem:${digest}`;
}

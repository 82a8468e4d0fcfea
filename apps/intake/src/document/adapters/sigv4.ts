import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 requests signed in the Authorization header
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html). Pure: no
 * clock, no I/O. The S3 adapter signs with it and tools/s3-dev verifies with it.
 */

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface SigV4Request {
  readonly method: string;
  /** Decoded path, e.g. `/bucket/tenant/key` (encoded here, once, as S3 expects). */
  readonly path: string;
  /** Decoded query parameters; a subresource such as `?lifecycle` is `['lifecycle', '']`. */
  readonly query?: ReadonlyArray<readonly [string, string]>;
  /** The headers to sign, any case; `host` is required. */
  readonly headers: Readonly<Record<string, string>>;
  /** Hex SHA-256 of the payload (also sent as `x-amz-content-sha256`). */
  readonly payloadHash: string;
}

export interface SigV4Scope {
  /** `YYYYMMDDTHHMMSSZ`. */
  readonly amzDate: string;
  readonly region: string;
  readonly service: string;
}

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export const sha256Hex = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** `2013-05-24T00:00:00.000Z` → `20130524T000000Z`. */
export function toAmzDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** `20130524T000000Z` → the Date, or null when it is not of that form. */
export function parseAmzDate(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** RFC 3986 unreserved characters stay, every other byte is %XX (upper case); `/` stays only in paths. */
export function uriEncode(value: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

export function canonicalRequest(request: SigV4Request): { canonical: string; signedHeaders: string } {
  const headers = new Map<string, string[]>();
  for (const [name, value] of Object.entries(request.headers)) {
    const key = name.toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), value.trim().replace(/\s+/g, ' ')]);
  }
  if (!headers.has('host')) throw new Error('SigV4: the host header must be signed');
  const names = [...headers.keys()].sort();
  const query = (request.query ?? [])
    .map(([key, value]) => [uriEncode(key, false), uriEncode(value, false)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const signedHeaders = names.join(';');
  const canonical = [
    request.method.toUpperCase(),
    uriEncode(request.path === '' ? '/' : request.path, true),
    query,
    names.map((name) => `${name}:${(headers.get(name) ?? []).join(',')}\n`).join(''),
    signedHeaders,
    request.payloadHash,
  ].join('\n');
  return { canonical, signedHeaders };
}

/** Code-unit order, as AWS sorts (not locale order). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function credentialScope(scope: SigV4Scope): string {
  return `${scope.amzDate.slice(0, 8)}/${scope.region}/${scope.service}/aws4_request`;
}

export function stringToSign(canonical: string, scope: SigV4Scope): string {
  return [SIGV4_ALGORITHM, scope.amzDate, credentialScope(scope), sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, scope: SigV4Scope): Buffer {
  const dateKey = hmac(`AWS4${secretAccessKey}`, scope.amzDate.slice(0, 8));
  return hmac(hmac(hmac(dateKey, scope.region), scope.service), 'aws4_request');
}

/** The hex signature and the signed header list of `request`. */
export function signature(request: SigV4Request, secretAccessKey: string, scope: SigV4Scope): { signature: string; signedHeaders: string } {
  const { canonical, signedHeaders } = canonicalRequest(request);
  return { signature: hmac(signingKey(secretAccessKey, scope), stringToSign(canonical, scope)).toString('hex'), signedHeaders };
}

/** The Authorization header value for `request` (which must already carry its `x-amz-date`). */
export function authorizationHeader(request: SigV4Request, credentials: SigV4Credentials, scope: SigV4Scope): string {
  const signed = signature(request, credentials.secretAccessKey, scope);
  return (
    `${SIGV4_ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope(scope)},` +
    `SignedHeaders=${signed.signedHeaders},Signature=${signed.signature}`
  );
}

/**
 * Signs an S3 request: returns `headers` plus `x-amz-date`, `x-amz-content-sha256` and
 * `authorization`. Every header given is signed.
 */
export function signS3Request(
  request: SigV4Request,
  credentials: SigV4Credentials,
  region: string,
  now: Date,
): Record<string, string> {
  const amzDate = toAmzDate(now);
  const headers: Record<string, string> = { ...request.headers, 'x-amz-content-sha256': request.payloadHash, 'x-amz-date': amzDate };
  const authorization = authorizationHeader({ ...request, headers }, credentials, { amzDate, region, service: 's3' });
  return { ...headers, authorization };
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9-;]+),\s*Signature=([0-9a-f]{64})$/;

/** The parts of an `AWS4-HMAC-SHA256` Authorization header, or null when it is malformed. */
export function parseAuthorization(value: string): ParsedAuthorization | null {
  const match = AUTHORIZATION.exec(value.trim());
  if (!match) return null;
  const [, accessKeyId, date, region, service, signedHeaders, signatureHex] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature: signatureHex };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { loadSeedUsers, SeedUser } from './seed-users';

export type SigningAlgorithm = 'RS256' | 'ES256';

export interface OidcDevProviderOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Path of the issuer under the origin, e.g. `/realms/hung-yen`; default none. */
  issuerPath?: string;
  /** Default: every user of tools/oidc-dev/users.json. */
  users?: readonly SeedUser[];
  /** The audiences the token endpoint issues for; the first is the default. Default `motcua-api`. */
  audience?: string | readonly string[];
  /** Public clients allowed at the token endpoint. Default motcua-web, motcua-mobile, motcua-dev. */
  clientIds?: readonly string[];
  /** Lifetime of access tokens. Default 900 s. */
  tokenTtlSeconds?: number;
  /** Default RS256. */
  signingAlg?: SigningAlgorithm;
}

/** For tests: what `tokenFor` may bend (the HTTP endpoint never allows this). */
export interface TokenOptions {
  /** Any audience, allowed or not. */
  audience?: string;
  /** Negative: already expired. */
  expiresInSeconds?: number;
  /** `nbf` relative to now; positive: not valid yet. Default 0. */
  notBeforeSeconds?: number;
  /** Claims set over the user's (`undefined` removes one, e.g. `{ tenant_id: undefined }`). */
  claims?: Record<string, unknown>;
}

export interface OidcDevProvider {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly tokenEndpoint: string;
  /** An access token for a seeded user, signed with the current key, as the token endpoint would issue it. */
  tokenFor(username: string, options?: TokenOptions): Promise<string>;
  /** Adds a new signing key (used from now on); older keys stay published. Returns the new `kid`. */
  rotateKeys(): Promise<string>;
  stop(): Promise<void>;
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyPair['privateKey'];
  readonly publicJwk: JWK;
}

const MAX_BODY_BYTES = 16 * 1024;
const FORM = 'application/x-www-form-urlencoded';
const ISSUER_PATH = /^(\/[A-Za-z0-9._~-]+)*$/;

/** An RFC 6749 §5.2 error answer. */
class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

async function newSigningKey(algorithm: SigningAlgorithm): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(algorithm);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: algorithm, use: 'sig' } };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping the body; the answer goes out with `connection: close`.
        request.removeAllListeners('data');
        request.resume();
        reject(new OAuthError(413, 'invalid_request', 'The request body is too large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts a local OpenID provider on 127.0.0.1: discovery, JWKS and a token endpoint (resource
 * owner password grant) for the seeded users. One issuer per instance. Development and tests
 * only: the services see a standard issuer and cannot tell it from the real ones.
 */
export async function startOidcDevProvider(options: OidcDevProviderOptions = {}): Promise<OidcDevProvider> {
  const host = options.host ?? '127.0.0.1';
  const issuerPath = options.issuerPath ?? '';
  if (!ISSUER_PATH.test(issuerPath)) throw new TypeError(`issuerPath must look like /realms/name, not ${issuerPath}`);
  const algorithm = options.signingAlg ?? 'RS256';
  const audiences = typeof options.audience === 'string' ? [options.audience] : [...(options.audience ?? ['motcua-api'])];
  if (audiences.length === 0) throw new TypeError('At least one audience is required');
  const clientIds = new Set(options.clientIds ?? ['motcua-web', 'motcua-mobile', 'motcua-dev']);
  const ttl = options.tokenTtlSeconds ?? 900;
  const users = new Map((options.users ?? loadSeedUsers()).map((user) => [user.username, user]));
  const keys: SigningKey[] = [await newSigningKey(algorithm)];

  let issuer = '';
  const endpoints = { jwks: '', token: '' };

  async function sign(user: SeedUser, clientId: string, tokenOptions: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuer,
      sub: user.subject,
      aud: tokenOptions.audience ?? audiences[0],
      iat: now,
      nbf: now + (tokenOptions.notBeforeSeconds ?? 0),
      exp: now + (tokenOptions.expiresInSeconds ?? ttl),
      jti: randomUUID(),
      client_id: clientId,
      roles: [...user.roles],
    };
    if (user.tenantId !== undefined) claims.tenant_id = user.tenantId;
    if (user.agencyId !== undefined) claims.agency_id = user.agencyId;
    if (user.deskIds !== undefined) claims.desk_ids = [...user.deskIds];
    for (const [name, value] of Object.entries(tokenOptions.claims ?? {})) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    const key = keys[keys.length - 1];
    return new SignJWT(claims).setProtectedHeader({ alg: algorithm, kid: key.kid, typ: 'at+jwt' }).sign(key.privateKey);
  }

  async function token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== FORM) throw new OAuthError(400, 'invalid_request', `The body must be ${FORM}`);
    const form = new URLSearchParams(await readBody(request));
    const names = [...form.keys()];
    const repeated = names.find((name, index) => names.indexOf(name) !== index);
    if (repeated !== undefined) throw new OAuthError(400, 'invalid_request', `The parameter ${repeated} is repeated`);
    const grantType = form.get('grant_type');
    if (!grantType) throw new OAuthError(400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'password') throw new OAuthError(400, 'unsupported_grant_type', 'Only the password grant is supported');
    const clientId = form.get('client_id');
    if (!clientId || !clientIds.has(clientId)) throw new OAuthError(401, 'invalid_client', 'Unknown client');
    const username = form.get('username');
    const password = form.get('password');
    if (!username || !password) throw new OAuthError(400, 'invalid_request', 'username and password are required');
    const audience = form.get('audience') ?? audiences[0];
    if (!audiences.includes(audience)) throw new OAuthError(400, 'invalid_target', 'The requested audience is not served');
    const user = users.get(username);
    // The same answer for an unknown user and a wrong password, after the same work.
    const passwordMatches = sameSecret(password, user?.password ?? randomUUID());
    if (!user || !passwordMatches) throw new OAuthError(400, 'invalid_grant', 'Invalid username or password');
    const accessToken = await sign(user, clientId, { audience });
    sendJson(
      response,
      200,
      { access_token: accessToken, token_type: 'Bearer', expires_in: ttl },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  }

  function discovery(): Record<string, unknown> {
    return {
      issuer,
      jwks_uri: endpoints.jwks,
      token_endpoint: endpoints.token,
      grant_types_supported: ['password'],
      token_endpoint_auth_methods_supported: ['none'],
      id_token_signing_alg_values_supported: [algorithm],
      subject_types_supported: ['public'],
      scopes_supported: ['openid'],
      claims_supported: ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'client_id', 'roles', 'tenant_id', 'agency_id', 'desk_ids'],
    };
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const local = path.startsWith(issuerPath) ? path.slice(issuerPath.length) : undefined;
    const method = request.method ?? 'GET';
    const only = (allowed: string): boolean => {
      if (method === allowed) return true;
      sendJson(response, 405, { error: 'invalid_request', error_description: `Use ${allowed}` }, { allow: allowed });
      return false;
    };
    switch (local) {
      case '/.well-known/openid-configuration':
        if (only('GET')) sendJson(response, 200, discovery(), { 'cache-control': 'public, max-age=300' });
        return;
      case '/jwks':
        if (only('GET')) {
          sendJson(response, 200, { keys: keys.map((key) => key.publicJwk) }, { 'cache-control': 'public, max-age=300' });
        }
        return;
      case '/token':
        if (only('POST')) await token(request, response);
        return;
      default:
        sendJson(response, 404, { error: 'not_found' });
    }
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof OAuthError) {
        sendJson(
          response,
          error.status,
          { error: error.error, error_description: error.description },
          { 'cache-control': 'no-store', pragma: 'no-cache', connection: 'close' },
        );
      } else {
        sendJson(response, 500, { error: 'server_error', error_description: 'Unexpected failure' }, { connection: 'close' });
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  issuer = `http://${host.includes(':') ? `[${host}]` : host}:${port}${issuerPath}`;
  endpoints.jwks = `${issuer}/jwks`;
  endpoints.token = `${issuer}/token`;

  return {
    issuer,
    jwksUri: endpoints.jwks,
    tokenEndpoint: endpoints.token,
    async tokenFor(username, tokenOptions) {
      const user = users.get(username);
      if (!user) throw new TypeError(`No seeded user ${username}`);
      return sign(user, 'motcua-dev', tokenOptions);
    },
    async rotateKeys() {
      const key = await newSigningKey(algorithm);
      keys.push(key);
      return key.kid;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

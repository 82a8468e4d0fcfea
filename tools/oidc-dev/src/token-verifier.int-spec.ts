// The token verifier against a real (local) OpenID provider: what the gateway relies on.
import { AuthError, AuthErrorCode, TokenVerifier, TokenVerifierOptions, TrustedIssuer } from '@motcua/auth';
import { freePort } from '@motcua/testing';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { loadSeedUsers, OidcDevProvider, startOidcDevProvider } from './index';

const AUDIENCE = 'motcua-api';
const users = loadSeedUsers();

const trust = (provider: OidcDevProvider, kind: TrustedIssuer['audienceKind'], tenantId?: string): TrustedIssuer => ({
  issuer: provider.issuer,
  audience: AUDIENCE,
  jwksUri: provider.jwksUri,
  audienceKind: kind,
  ...(tenantId ? { tenantId } : {}),
});

async function passwordGrant(provider: OidcDevProvider, username: string): Promise<string> {
  const response = await fetch(provider.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'motcua-web', username, password: 'motcua-dev' }).toString(),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The refusal's code and category (and why a token is invalid); checks the error repeats nothing of the token. */
async function refusal(verifier: TokenVerifier, token: string | undefined): Promise<string[]> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const said = JSON.stringify([error.message, error.details, String(error.cause ?? '')]);
    for (const part of (token ?? '').split('.').filter((piece) => piece.length > 8)) expect(said).not.toContain(part);
    const reason = error.details.reason;
    return typeof reason === 'string' ? [error.code, error.category, reason] : [error.code, error.category];
  }
  return ['accepted'];
}

function unsigned(token: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${token.split('.')[1]}.`;
}

describe('TokenVerifier with the local OpenID provider', () => {
  // The dev stack's shape: the citizens' national sign-in, Hưng Yên's staff IdP, the national
  // issuer; plus an IdP nobody trusts.
  let citizens: OidcDevProvider;
  let hungYen: OidcDevProvider;
  let national: OidcDevProvider;
  let stranger: OidcDevProvider;
  let verifier: TokenVerifier;
  const options: TokenVerifierOptions = { jwksCooldownMs: 0, clockToleranceSeconds: 30 };

  beforeAll(async () => {
    const start = async (issuerPath: string, filter: (user: (typeof users)[number]) => boolean) =>
      startOidcDevProvider({ port: await freePort(), issuerPath, users: users.filter(filter), audience: AUDIENCE });
    citizens = await start('/citizen', (user) => user.kind === 'citizen');
    hungYen = await start('/realms/hung-yen', (user) => user.kind === 'staff' && user.tenantId === 'hung-yen');
    national = await start('/national', (user) => user.kind === 'national');
    stranger = await start('/realms/hung-yen', () => true);
    verifier = new TokenVerifier(
      [trust(citizens, 'citizen'), trust(hungYen, 'staff', 'hung-yen'), trust(national, 'national')],
      options,
    );
  });
  afterAll(async () => {
    await Promise.all([citizens, hungYen, national, stranger].map((provider) => provider?.stop()));
  });

  it('verifies an officer’s token from the password grant to the right principal', async () => {
    const token = await passwordGrant(hungYen, 'hy.desk');
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      subject: 'hy-3c9f1e2a-desk-0001',
      roles: ['desk_officer'],
      tenantId: 'hung-yen',
      agencyId: '000.00.17.H33',
      deskIds: ['H33-TTPVHCC-Q01', 'H33-TTPVHCC-Q02'],
      issuer: hungYen.issuer,
    });
  });

  it('verifies a citizen and a national analyst', async () => {
    await expect(verifier.verify(await passwordGrant(citizens, 'citizen.an'))).resolves.toEqual({
      subject: '0b7e4c1a-3f52-4d8e-9a61-5c2f7d9e1a01',
      roles: ['citizen'],
      issuer: citizens.issuer,
    });
    await expect(verifier.verify(await national.tokenFor('national.analyst'))).resolves.toMatchObject({
      roles: ['national_analyst'],
      issuer: national.issuer,
    });
  });

  it('accepts a token just past its expiry within the clock tolerance', async () => {
    await expect(verifier.verify(await hungYen.tokenFor('hy.leader', { expiresInSeconds: -5 }))).resolves.toMatchObject({
      roles: ['leader'],
    });
  });

  it.each<[string, () => Promise<string | undefined>, string[]]>([
    ['no token', async () => undefined, [AuthErrorCode.TokenMissing, 'unauthenticated']],
    ['a bare "Bearer"', async () => 'Bearer ', [AuthErrorCode.TokenMissing, 'unauthenticated']],
    ['garbage', async () => 'not.a.jwt', [AuthErrorCode.TokenInvalid, 'unauthenticated', 'malformed']],
    ['alg: none', async () => unsigned(await hungYen.tokenFor('hy.admin')), [AuthErrorCode.TokenInvalid, 'unauthenticated', 'algorithm_not_allowed']],
    [
      'another key under the same kid',
      async () => {
        const genuine = await hungYen.tokenFor('hy.admin');
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT({ ...decodeJwt(genuine), roles: ['tenant_admin'] })
          .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid, typ: 'at+jwt' })
          .sign(privateKey);
      },
      [AuthErrorCode.TokenInvalid, 'unauthenticated', 'signature'],
    ],
    [
      'an HMAC token keyed with the public key',
      async () => {
        const genuine = await hungYen.tokenFor('hy.admin');
        return new SignJWT(decodeJwt(genuine))
          .setProtectedHeader({ alg: 'HS256', kid: decodeProtectedHeader(genuine).kid })
          .sign(new TextEncoder().encode(JSON.stringify(await (await fetch(hungYen.jwksUri)).json())));
      },
      [AuthErrorCode.TokenInvalid, 'unauthenticated', 'algorithm_not_allowed'],
    ],
    ['an untrusted issuer', async () => stranger.tokenFor('hy.admin'), [AuthErrorCode.IssuerUntrusted, 'unauthenticated']],
    [
      'an untrusted IdP claiming a trusted issuer',
      async () => stranger.tokenFor('hy.admin', { claims: { iss: hungYen.issuer } }),
      [AuthErrorCode.TokenInvalid, 'unauthenticated', 'unknown_key'],
    ],
    ['another audience', async () => hungYen.tokenFor('hy.desk', { audience: 'another-api' }), [AuthErrorCode.AudienceMismatch, 'unauthenticated']],
    ['an expired token', async () => hungYen.tokenFor('hy.desk', { expiresInSeconds: -120 }), [AuthErrorCode.TokenExpired, 'unauthenticated']],
    ['a token without expiry', async () => hungYen.tokenFor('hy.desk', { claims: { exp: undefined } }), [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['a token not valid yet (nbf)', async () => hungYen.tokenFor('hy.desk', { notBeforeSeconds: 120 }), [AuthErrorCode.TokenNotYetValid, 'unauthenticated']],
    ['a staff token without tenant', async () => hungYen.tokenFor('hy.desk', { claims: { tenant_id: undefined } }), [AuthErrorCode.TenantMissing, 'unauthenticated']],
    [
      'a staff token for another tenant',
      async () => hungYen.tokenFor('hy.admin', { claims: { tenant_id: 'thai-nguyen' } }),
      [AuthErrorCode.TenantMismatch, 'forbidden'],
    ],
    [
      'the citizen issuer minting tenant_admin',
      async () => citizens.tokenFor('citizen.an', { claims: { roles: ['tenant_admin'], tenant_id: 'hung-yen' } }),
      [AuthErrorCode.RoleNotAllowed, 'forbidden'],
    ],
    [
      'a staff IdP minting national_admin',
      async () => hungYen.tokenFor('hy.admin', { claims: { roles: ['national_admin'] } }),
      [AuthErrorCode.RoleNotAllowed, 'forbidden'],
    ],
  ])('refuses %s', async (_name, token, expected) => {
    expect(await refusal(verifier, await token())).toEqual(expected);
  });

  it('follows a key rotation: new-key tokens after a JWKS refetch, old-key tokens while published', async () => {
    const oldToken = await hungYen.tokenFor('hy.specialist');
    await expect(verifier.verify(oldToken)).resolves.toMatchObject({ roles: ['specialist'] }); // caches the key set
    const newKid = await hungYen.rotateKeys();
    const newToken = await hungYen.tokenFor('hy.specialist');
    expect(decodeProtectedHeader(newToken).kid).toBe(newKid);
    await expect(verifier.verify(newToken)).resolves.toMatchObject({ roles: ['specialist'], agencyId: '000.00.17.H33' });
    await expect(verifier.verify(oldToken)).resolves.toMatchObject({ roles: ['specialist'] });
  });

  it('does not refetch keys for an unknown kid during the cooldown', async () => {
    const patient = new TokenVerifier([trust(national, 'national')], { jwksCooldownMs: 60_000 });
    await expect(patient.verify(await national.tokenFor('national.admin'))).resolves.toMatchObject({ roles: ['national_admin'] });
    await national.rotateKeys();
    expect(await refusal(patient, await national.tokenFor('national.admin'))).toEqual([
      AuthErrorCode.TokenInvalid,
      'unauthenticated',
      'unknown_key',
    ]);
  });

  it('answers "unavailable", not "unauthenticated", when the issuer’s keys cannot be fetched', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const lonely = new TokenVerifier(
      [{ issuer: down, audience: AUDIENCE, jwksUri: `${down}/jwks`, audienceKind: 'national' }],
      { jwksTimeoutMs: 1_000 },
    );
    const token = await national.tokenFor('national.admin', { claims: { iss: down } });
    expect(await refusal(lonely, token)).toEqual([AuthErrorCode.JwksUnavailable, 'unavailable']);
  });

  it('verifies ES256 tokens', async () => {
    const ec = await startOidcDevProvider({
      port: await freePort(),
      users: users.filter((user) => user.kind === 'national'),
      signingAlg: 'ES256',
    });
    try {
      const token = await ec.tokenFor('national.admin');
      expect(decodeProtectedHeader(token).alg).toBe('ES256');
      await expect(new TokenVerifier([trust(ec, 'national')]).verify(token)).resolves.toMatchObject({ roles: ['national_admin'] });
    } finally {
      await ec.stop();
    }
  });
});

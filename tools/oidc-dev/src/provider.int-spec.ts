import { freePort } from '@motcua/testing';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { loadSeedUsers, OidcDevProvider, startOidcDevProvider } from './index';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function post(url: string, form: Record<string, string> | string, headers: Record<string, string> = FORM) {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const login = (username: string, extra: Record<string, string> = {}) => ({
  grant_type: 'password',
  client_id: 'motcua-web',
  username,
  password: 'motcua-dev',
  ...extra,
});

describe('oidc-dev provider', () => {
  let provider: OidcDevProvider;

  beforeAll(async () => {
    provider = await startOidcDevProvider({ port: await freePort(), issuerPath: '/realms/hung-yen' });
  });
  afterAll(() => provider.stop());

  it('publishes its discovery document under the issuer', async () => {
    expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/realms\/hung-yen$/);
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      issuer: provider.issuer,
      jwks_uri: `${provider.issuer}/jwks`,
      token_endpoint: `${provider.issuer}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
      grant_types_supported: ['password'],
    });
    const origin = new URL(provider.issuer).origin;
    expect((await fetch(`${origin}/.well-known/openid-configuration`)).status).toBe(404);
  });

  it('publishes public keys only, each with a kid', async () => {
    const { keys } = (await (await fetch(provider.jwksUri)).json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('issues a signed access token for a seeded officer through the password grant', async () => {
    const { status, headers, body } = await post(provider.tokenEndpoint, login('hy.desk'));
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    const token = body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({
      iss: provider.issuer,
      aud: 'motcua-api',
      sub: 'hy-3c9f1e2a-desk-0001',
      roles: ['desk_officer'],
      tenant_id: 'hung-yen',
      agency_id: '000.00.17.H33',
      desk_ids: ['H33-TTPVHCC-Q01', 'H33-TTPVHCC-Q02'],
      client_id: 'motcua-web',
    });
  });

  it.each<[string, Record<string, string> | string, Record<string, string> | undefined, number, string]>([
    ['a wrong password', login('hy.desk', { password: 'wrong' }), undefined, 400, 'invalid_grant'],
    ['an unknown user', login('nobody'), undefined, 400, 'invalid_grant'],
    ['an unknown client', login('hy.desk', { client_id: 'evil-app' }), undefined, 401, 'invalid_client'],
    ['another grant type', login('hy.desk', { grant_type: 'client_credentials' }), undefined, 400, 'unsupported_grant_type'],
    ['no grant type', { client_id: 'motcua-web', username: 'hy.desk', password: 'motcua-dev' }, undefined, 400, 'invalid_request'],
    ['no password', { grant_type: 'password', client_id: 'motcua-web', username: 'hy.desk' }, undefined, 400, 'invalid_request'],
    ['an audience it does not serve', login('hy.desk', { audience: 'another-api' }), undefined, 400, 'invalid_target'],
    ['a repeated parameter', `${new URLSearchParams(login('hy.desk')).toString()}&username=hy.admin`, undefined, 400, 'invalid_request'],
    ['a JSON body', JSON.stringify(login('hy.desk')), { 'content-type': 'application/json' }, 400, 'invalid_request'],
    ['an oversized body', `${new URLSearchParams(login('hy.desk')).toString()}&pad=${'x'.repeat(20_000)}`, undefined, 413, 'invalid_request'],
  ])('answers %s with an RFC 6749 error', async (_name, form, headers, status, error) => {
    const response = await post(provider.tokenEndpoint, form, headers ?? FORM);
    expect([response.status, response.body.error]).toEqual([status, error]);
    expect(response.body.error_description).toEqual(expect.any(String));
    expect(response.body).not.toHaveProperty('access_token');
  });

  it('refuses GET on the token endpoint', async () => {
    const response = await fetch(provider.tokenEndpoint);
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('rotates keys: signs with the new key and keeps the old one published', async () => {
    const before = decodeProtectedHeader(await provider.tokenFor('hy.leader')).kid;
    const kid = await provider.rotateKeys();
    expect(kid).not.toBe(before);
    const { keys } = (await (await fetch(provider.jwksUri)).json()) as { keys: { kid: string }[] };
    expect(keys.map((key) => key.kid)).toEqual([before, kid]);
    expect(decodeProtectedHeader(await provider.tokenFor('hy.leader')).kid).toBe(kid);
  });
});

describe('seed users', () => {
  const users = loadSeedUsers();

  it('has a user of every role, staff bound to a tenant and agency', () => {
    const roles = new Set(users.flatMap((user) => user.roles));
    expect([...roles].sort()).toEqual(
      ['business', 'citizen', 'desk_officer', 'leader', 'national_admin', 'national_analyst', 'specialist', 'tenant_admin'].sort(),
    );
    const hungYen = users.filter((user) => user.tenantId === 'hung-yen');
    for (const role of ['desk_officer', 'specialist', 'leader', 'tenant_admin']) {
      expect(hungYen.some((user) => user.roles.includes(role))).toBe(true);
    }
    for (const user of users.filter((u) => u.kind === 'staff' && !u.roles.includes('tenant_admin'))) {
      expect(user.agencyId).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/);
    }
  });

  it('has two citizens and staff of a second tenant', () => {
    expect(users.filter((user) => user.roles.includes('citizen'))).toHaveLength(2);
    expect(users.some((user) => user.kind === 'staff' && user.tenantId === 'thai-nguyen')).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import request from 'supertest';
import { OidcDevProvider, startOidcDevProvider, loadSeedUsers } from '../../../tools/oidc-dev/src';
import { eventually } from '../../../tools/testing/eventually';
import { putJusticeDesk } from '../../../tools/testing/justice-desk';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(60_000);

interface Attack {
  name: string;
  send: () => Promise<request.Response>;
  status: number;
  code?: string;
}

function unsigned(token: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return `${header}.${token.split('.')[1]}.`;
}

describe('adversarial requests through the gateway', () => {
  let platform: Platform;
  let rogue: OidcDevProvider;
  let api: ReturnType<typeof request>;
  let hyDossier: string;
  let hyProcedure: string;
  const refused: string[] = [];
  const token = (username: string, options?: Parameters<Platform['identity']['tokenFor']>[1]) => platform.identity.tokenFor(username, options);
  const bearer = async (username: string) => `Bearer ${await token(username)}`;

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    // A well-formed provider nobody trusts, serving a copy of a real tenant admin.
    rogue = await startOidcDevProvider({ issuerPath: '/realms/hung-yen', users: loadSeedUsers().filter((u) => u.username === 'hy.admin') });
    for (const [id, officialCode, name] of [
      ['hung-yen', '33', 'Hưng Yên'],
      ['thai-nguyen', '19', 'Thái Nguyên'],
    ]) {
      const onboarded = await api.post('/v1/tenants').set('Authorization', await bearer('national.admin')).send({ id, officialCode, name });
      expect(onboarded.status).toBe(201);
    }
    const procedure = await api
      .post('/v1/procedures')
      .set('Authorization', await bearer('hy.admin'))
      .set('X-Tenant-Id', 'hung-yen')
      .send({ code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 1, agencyId: '000.00.17.H33', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] });
    hyProcedure = procedure.body.id;
    const dossier = await api
      .post('/v1/dossiers')
      .set('Idempotency-Key', randomUUID())
      .set('Authorization', await bearer('citizen.an'))
      .set('X-Tenant-Id', 'hung-yen')
      .send({ procedureId: hyProcedure, applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' }, components: [{ componentCode: 'TK01', fileReference: 'upload:1' }] });
    expect(dossier.status).toBe(201);
    hyDossier = dossier.body.id;
    // Received at the justice desk, so processing opens its workflow there.
    expect(await putJusticeDesk(api, await bearer('hy.admin'))).toEqual([200, 200, 200]);
    const received = await api.post(`/v1/dossiers/${hyDossier}/receipt`).set('Authorization', await bearer('hy.desk')).set('X-Tenant-Id', 'hung-yen').send({});
    expect(received.status).toBe(200);
    const specialist = await bearer('hy.specialist');
    const workflow = await eventually(
      () => api.get(`/v1/dossiers/${hyDossier}/workflow`).set('Authorization', specialist).set('X-Tenant-Id', 'hung-yen'),
      (response) => response.status === 200,
    );
    expect(workflow.status).toBe(200);
  });

  afterAll(async () => {
    process.stdout.write(`\nadversarial cases refused as expected: ${refused.length}\n`);
    await rogue?.stop();
    await platform?.stop();
  });

  const statistics = (authorization: string | undefined, tenant = 'hung-yen') => {
    const call = api.get('/v1/statistics/dossiers').set('X-Tenant-Id', tenant);
    return authorization === undefined ? call : call.set('Authorization', authorization);
  };

  const attacks: Attack[] = [
    { name: 'no token', send: () => statistics(undefined), status: 401, code: 'TOKEN_MISSING' },
    { name: 'a token that is not a JWT', send: () => statistics('Bearer abc.def'), status: 401, code: 'TOKEN_INVALID' },
    { name: 'alg: none', send: async () => statistics(`Bearer ${unsigned(await token('hy.admin'))}`), status: 401, code: 'TOKEN_INVALID' },
    {
      name: 'signed by another key under the real kid',
      send: async () => {
        const genuine = await token('hy.admin');
        const { privateKey } = await generateKeyPair('RS256');
        const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid }).sign(privateKey);
        return statistics(`Bearer ${forged}`);
      },
      status: 401,
      code: 'TOKEN_INVALID',
    },
    {
      name: 'HS256 keyed with a guessable secret',
      send: async () => {
        const genuine = await token('hy.admin');
        const forged = await new SignJWT(decodeJwt(genuine)).setProtectedHeader({ alg: 'HS256', kid: decodeProtectedHeader(genuine).kid }).sign(new TextEncoder().encode('motcua-api'));
        return statistics(`Bearer ${forged}`);
      },
      status: 401,
      code: 'TOKEN_INVALID',
    },
    { name: 'an untrusted issuer', send: async () => statistics(`Bearer ${await rogue.tokenFor('hy.admin')}`), status: 401 },
    { name: 'another audience', send: async () => statistics(`Bearer ${await token('hy.admin', { audience: 'other-api' })}`), status: 401 },
    { name: 'expired', send: async () => statistics(`Bearer ${await token('hy.admin', { expiresInSeconds: -120 })}`), status: 401, code: 'TOKEN_EXPIRED' },
    { name: 'not valid yet', send: async () => statistics(`Bearer ${await token('hy.admin', { notBeforeSeconds: 600 })}`), status: 401 },
    { name: 'another province’s staff token', send: async () => statistics(await bearer('tn.admin')), status: 403, code: 'TENANT_MISMATCH' },
    {
      name: 'a staff token whose tenant claim was changed by its own IdP',
      send: async () => statistics(`Bearer ${await token('tn.admin', { claims: { tenant_id: 'hung-yen' } })}`),
      status: 403,
      code: 'TENANT_MISMATCH',
    },
    {
      name: 'the citizens’ sign-in minting a tenant admin',
      send: async () => statistics(`Bearer ${await token('citizen.an', { claims: { roles: ['tenant_admin'], tenant_id: 'hung-yen' } })}`),
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    },
    { name: 'an unknown province', send: async () => statistics(await bearer('citizen.an'), 'no-such-province'), status: 404, code: 'TENANT_UNKNOWN' },
    {
      name: 'a citizen reading another citizen’s dossier',
      send: async () => api.get(`/v1/dossiers/${hyDossier}`).set('Authorization', await bearer('citizen.binh')).set('X-Tenant-Id', 'hung-yen'),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'an officer of another agency reading the dossier',
      send: async () => api.get(`/v1/dossiers/${hyDossier}`).set('Authorization', await bearer('hy.finance.specialist')),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'an officer of another agency reading its tasks',
      send: async () => api.get(`/v1/dossiers/${hyDossier}/tasks`).set('Authorization', await bearer('hy.finance.specialist')),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'an officer of another agency taking up its task',
      send: async () =>
        api.post(`/v1/dossiers/${hyDossier}/workflow/actions`).set('Authorization', await bearer('hy.finance.specialist')).send({ action: 'claim' }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'a citizen approving the dossier’s result',
      send: async () =>
        api.post(`/v1/dossiers/${hyDossier}/workflow/actions`).set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen').send({ action: 'approve' }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'another province’s admin reading the dossier in their own province',
      send: async () => api.get(`/v1/dossiers/${hyDossier}`).set('Authorization', await bearer('tn.admin')),
      status: 404,
      code: 'DOSSIER_NOT_FOUND',
    },
    {
      name: 'another province’s admin publishing a procedure here',
      send: async () =>
        api
          .post('/v1/procedures')
          .set('Authorization', await bearer('tn.admin'))
          .set('X-Tenant-Id', 'hung-yen')
          .send({ code: '1.000001', name: 'Thủ tục giả', processingDays: 1, agencyId: '000.00.17.H33', components: [] }),
      status: 403,
      code: 'TENANT_MISMATCH',
    },
    {
      name: 'a national analyst reading a dossier',
      send: async () => api.get(`/v1/dossiers/${hyDossier}`).set('Authorization', await bearer('national.analyst')).set('X-Tenant-Id', 'hung-yen'),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    { name: 'a desk officer reading statistics', send: async () => statistics(await bearer('hy.desk')), status: 403, code: 'ACCESS_DENIED' },
    {
      name: 'a citizen onboarding a province',
      send: async () => api.post('/v1/tenants').set('Authorization', await bearer('citizen.an')).send({ id: 'ha-noi', officialCode: '01', name: 'Hà Nội' }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'a tenant admin onboarding a province',
      send: async () => api.post('/v1/tenants').set('Authorization', await bearer('hy.admin')).send({ id: 'ha-noi', officialCode: '01', name: 'Hà Nội' }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'a citizen publishing a procedure',
      send: async () =>
        api
          .post('/v1/procedures')
          .set('Authorization', await bearer('citizen.an'))
          .set('X-Tenant-Id', 'hung-yen')
          .send({ code: '1.000002', name: 'Thủ tục giả', processingDays: 1, agencyId: '000.00.17.H33', components: [] }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
    {
      name: 'roles claimed in the request body',
      send: async () =>
        api
          .post('/v1/procedures')
          .set('Authorization', await bearer('citizen.an'))
          .set('X-Tenant-Id', 'hung-yen')
          .send({ code: '1.000003', name: 'Thủ tục giả', processingDays: 1, agencyId: '000.00.17.H33', components: [], roles: ['tenant_admin'] }),
      status: 400,
      code: 'REQUEST_INVALID',
    },
    {
      name: 'an owner claimed in the request body',
      send: async () =>
        api
          .post('/v1/dossiers')
          .set('Idempotency-Key', randomUUID())
          .set('Authorization', await bearer('citizen.binh'))
          .set('X-Tenant-Id', 'hung-yen')
          .send({ procedureId: hyProcedure, submittedBy: 'someone-else', applicant: { fullName: 'Trần Bình', citizenId: '033099001235' }, components: [{ componentCode: 'TK01', fileReference: 'u' }] }),
      status: 400,
      code: 'REQUEST_INVALID',
    },
    {
      name: 'an actor header forged by the client',
      send: async () =>
        api
          .post('/v1/procedures')
          .set('Authorization', await bearer('citizen.an'))
          .set('X-Tenant-Id', 'hung-yen')
          .set('x-actor', Buffer.from(JSON.stringify({ subject: 'x', roles: ['tenant_admin'] })).toString('base64url'))
          .send({ code: '1.000004', name: 'Thủ tục giả', processingDays: 1, agencyId: '000.00.17.H33', components: [] }),
      status: 403,
      code: 'ACCESS_DENIED',
    },
  ];

  it.each(attacks.map((attack) => [attack.name, attack] as const))('refuses %s', async (_name, attack) => {
    const response = await attack.send();
    expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
      status: attack.status,
      type: expect.stringContaining('application/problem+json'),
    });
    if (attack.code) expect(response.body.code).toBe(attack.code);
    refused.push(attack.name);
  });

  it('stored nothing for the refused writes', async () => {
    const procedures = await api.get('/v1/procedures/1.000004').set('Authorization', await bearer('hy.admin')).set('X-Tenant-Id', 'hung-yen');
    expect(procedures.status).toBe(404);
    const tenant = await api.get('/v1/tenants/ha-noi').set('Authorization', await bearer('national.admin'));
    expect(tenant.status).toBe(404);
  });
});

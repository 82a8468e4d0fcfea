import { JSON_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './security-headers';
import { KNOWN_TENANTS, startTestGateway, TestGateway, unreachableError } from './gateway.spec-helper';

const HY = { 'x-tenant-id': 'hung-yen' };
const asCitizen = { authorization: 'Bearer citizen', ...HY };
const asAdmin = { authorization: 'Bearer hy-admin', ...HY };
const asNationalAdmin = { authorization: 'Bearer national-admin' };

describe('the REST conventions of every gateway route (in process, services faked)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      BODY_LIMIT_BYTES: '2048',
      CORS_ORIGINS: JSON.stringify({ 'hung-yen': ['https://dichvucong.hungyen.gov.vn'], '*': ['https://dichvucong.gov.vn'] }),
      TENANT_HOSTS: JSON.stringify({ 'dichvucong.hue.gov.vn': 'hue' }),
    });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  beforeEach(() => jest.clearAllMocks());

  describe("fastify's own refusals are problem+json with a stable type", () => {
    it.each([
      ['malformed JSON', 400, 'BODY_MALFORMED', { 'content-type': 'application/json' }, '{"id": '],
      ['an empty JSON body', 400, 'BODY_MALFORMED', { 'content-type': 'application/json', 'content-length': '0' }, undefined],
      ['a JSON prototype-pollution attempt', 400, 'BODY_MALFORMED', { 'content-type': 'application/json' }, '{"__proto__": {"admin": true}}'],
      ['a text body', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'text/plain' }, 'id=hue'],
      ['a form body', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'application/x-www-form-urlencoded' }, 'id=hue'],
      ['a body without a content type', 415, 'UNSUPPORTED_MEDIA_TYPE', {}, Buffer.from('{}')],
      ['a body over BODY_LIMIT_BYTES', 413, 'BODY_TOO_LARGE', { 'content-type': 'application/json' }, JSON.stringify({ name: 'x'.repeat(4096) })],
    ])('%s → %i %s', async (_case, status, code, headers, payload) => {
      const response = await gateway.inject({ method: 'POST', url: '/v1/tenants', headers: { ...asNationalAdmin, ...headers }, payload });
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status, code, type: `urn:motcua:problem:${code.toLowerCase().replace(/_/g, '-')}`, instance: '/v1/tenants' });
      expect(gateway.clients.tenants.onboardTenant).not.toHaveBeenCalled();
    });

    it('an unknown route → 404 ROUTE_NOT_FOUND, its query not echoed in `instance`', async () => {
      const response = await gateway.inject({ method: 'GET', url: '/v1/nothing-here?secret=1' });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND', type: 'urn:motcua:problem:route-not-found', instance: '/v1/nothing-here' });
    });

    it('a validation failure names every field, in Vietnamese title', async () => {
      const response = await gateway.inject({ method: 'POST', url: '/v1/tenants', headers: asNationalAdmin, payload: { id: 'hue', extra: 1 } });
      expect(response.statusCode).toBe(400);
      const problem = response.json();
      expect(problem).toMatchObject({ code: 'REQUEST_INVALID', title: 'Yêu cầu không hợp lệ' });
      expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual(['(body)', 'name', 'officialCode']);
    });
  });

  describe('security headers and the correlation id', () => {
    it('are on answers, on errors and on 404s alike', async () => {
      for (const [url, headers] of [['/v1/tenants/hue', asNationalAdmin], ['/v1/tenants/hue', {}], ['/nowhere', {}]] as const) {
        const response = await gateway.inject({ method: 'GET', url, headers });
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers[name.toLowerCase()]).toBe(value);
        expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });

    it('forbid storing an answer to a request with credentials', async () => {
      const authenticated = await gateway.inject({ method: 'GET', url: '/v1/tenants/hue', headers: asNationalAdmin });
      expect(authenticated.statusCode).toBe(200);
      expect(authenticated.headers['cache-control']).toBe('no-store');
      const anonymous = await gateway.inject({ method: 'GET', url: '/health/live' });
      expect(anonymous.headers['cache-control']).toBeUndefined();
      expect(anonymous.headers['content-security-policy']).toBe(JSON_CONTENT_SECURITY_POLICY);
    });

    it('echo a well-formed X-Request-Id and replace a malformed one', async () => {
      const echoed = await gateway.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'mobile-7f3a:0001' } });
      expect(echoed.headers['x-request-id']).toBe('mobile-7f3a:0001');
      for (const bad of ['short', 'with space inside it', 'x'.repeat(129), 'line\u00e9break-0001']) {
        const replaced = await gateway.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': bad } });
        expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('CORS per tenant', () => {
    const preflight = (origin: string, headers: Record<string, string> = {}) =>
      gateway.inject({ method: 'OPTIONS', url: '/v1/dossiers', headers: { origin, 'access-control-request-method': 'POST', ...headers } });

    it("answers a preflight from an origin some province allows, naming the allowed methods and headers", async () => {
      const response = await preflight('https://dichvucong.hungyen.gov.vn', { 'access-control-request-headers': 'authorization, x-tenant-id, idempotency-key' });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('https://dichvucong.hungyen.gov.vn');
      expect(response.headers['access-control-allow-methods']).toContain('POST');
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    });

    it('gives no CORS headers to a preflight from an unknown origin, or to one sent to another province\'s host', async () => {
      for (const response of [
        await preflight('https://evil.example'),
        await preflight('https://dichvucong.hungyen.gov.vn', { host: 'dichvucong.hue.gov.vn' }),
      ]) {
        expect(response.statusCode).toBe(204);
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      }
    });

    it("allows an origin for its own province's requests only, errors included", async () => {
      const origin = 'https://dichvucong.hungyen.gov.vn';
      const own = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: { ...asAdmin, origin } });
      expect(own.statusCode).toBe(200);
      expect(own.headers['access-control-allow-origin']).toBe(origin);
      expect(own.headers['access-control-expose-headers']).toContain('X-Request-Id');
      expect(own.headers.vary).toContain('Origin');
      const refused = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: { origin } });
      expect(refused.statusCode).toBe(401);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      const ownError = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: { ...HY, origin } });
      expect(ownError.statusCode).toBe(401);
      expect(ownError.headers['access-control-allow-origin']).toBe(origin);
      const other = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: { authorization: 'Bearer citizen', 'x-tenant-id': 'hue', origin } });
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const everywhere = await gateway.inject({ method: 'GET', url: '/v1/tenants/hue', headers: { ...asNationalAdmin, origin: 'https://dichvucong.gov.vn' } });
      expect(everywhere.headers['access-control-allow-origin']).toBe('https://dichvucong.gov.vn');
    });
  });

  describe('ETag on single resources', () => {
    it('tags the body with a strong hash and answers If-None-Match with 304, without a body', async () => {
      const first = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1', headers: asCitizen });
      expect(first.statusCode).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const again = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1', headers: { ...asCitizen, 'if-none-match': `"other", ${etag}` } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['x-request-id']).toBeDefined();
      gateway.clients.intake.getDossier.mockResolvedValueOnce({ id: 'd-1', status: 'in_processing' });
      const changed = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1', headers: { ...asCitizen, 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
    });

    it('leaves lists untagged', async () => {
      const tasks = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1/tasks', headers: asCitizen });
      expect(tasks.statusCode).toBe(200);
      expect(tasks.headers.etag).toBeUndefined();
    });
  });

  describe('cursor pagination of GET /v1/tenants', () => {
    const ids = ['an-giang', 'ha-noi', 'hue', 'hung-yen', 'thai-nguyen'];

    beforeEach(() => {
      // The service's own keyset paging, faked: the page token is the last id seen.
      gateway.clients.tenants.listTenants.mockImplementation(async (request) => {
        const after = String(request.pageToken ?? '');
        const rest = ids.filter((id) => id > after);
        const page = rest.slice(0, Number(request.pageSize));
        const tenants = page.map((id) => ({ id, officialCode: '01', name: id, status: 'active', onboardedAt: '' }));
        return { tenants, nextPageToken: rest.length > page.length ? page[page.length - 1] : '' };
      });
    });

    it('walks every page by following `next`, with a Link header until the last page', async () => {
      const seen: string[] = [];
      let url: string | null = '/v1/tenants?limit=2';
      let pages = 0;
      while (url !== null) {
        const response = await gateway.inject({ method: 'GET', url, headers: asNationalAdmin });
        expect(response.statusCode).toBe(200);
        const page = response.json() as { items: { id: string }[]; nextCursor: string | null; next: string | null };
        seen.push(...page.items.map((item) => item.id));
        if (page.next !== null) expect(response.headers.link).toBe(`<${page.next}>; rel="next"`);
        else expect(response.headers.link).toBeUndefined();
        url = page.next;
        pages += 1;
      }
      expect(seen).toEqual(ids);
      expect(pages).toBe(3);
      expect(gateway.clients.tenants.listTenants.mock.calls.map(([request]) => request)).toEqual([
        { pageSize: 2, pageToken: '' },
        { pageSize: 2, pageToken: 'ha-noi' },
        { pageSize: 2, pageToken: 'hung-yen' },
      ]);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['cursor=eyJzIjoiYXVkaXQiLCJwIjp7InRva2VuIjoieCJ9fQ', 'cursor'],
      ['page=2', '(query)'],
    ])('refuses ?%s (400, finding on %s)', async (query, field) => {
      const response = await gateway.inject({ method: 'GET', url: `/v1/tenants?${query}`, headers: asNationalAdmin });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('is for national admins', async () => {
      const response = await gateway.inject({ method: 'GET', url: '/v1/tenants', headers: asAdmin });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('degradation per route', () => {
    it('answers 503 DEPENDENCY_UNAVAILABLE for the routes of a service that does not answer, and fast afterwards', async () => {
      gateway.clients.evaluation.getDossierCounters.mockRejectedValue(unreachableError());
      const first = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: asAdmin });
      expect(first.statusCode).toBe(503);
      expect(first.headers['content-type']).toContain('application/problem+json');
      expect(first.headers['retry-after']).toBe('5');
      expect(first.json()).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', type: 'urn:motcua:problem:dependency-unavailable' });

      const second = await gateway.inject({ method: 'GET', url: '/v1/statistics/dossiers', headers: asAdmin });
      expect(second.statusCode).toBe(503);
      expect(gateway.clients.evaluation.getDossierCounters).toHaveBeenCalledTimes(1);

      const dossier = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1', headers: asCitizen });
      expect(dossier.statusCode).toBe(200);
    });

    it('does not degrade a route for a refusal the service sent with a code', async () => {
      expect(KNOWN_TENANTS.has('hue')).toBe(true);
      gateway.clients.intake.getDossier.mockRejectedValueOnce(Object.assign(unreachableError(), { code: 5, details: 'no such dossier' }));
      const missing = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-2', headers: asCitizen });
      expect(missing.statusCode).toBe(404);
      const next = await gateway.inject({ method: 'GET', url: '/v1/dossiers/d-1', headers: asCitizen });
      expect(next.statusCode).toBe(200);
    });
  });
});

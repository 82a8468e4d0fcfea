import request from 'supertest';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(60_000);

/** The conventions through the whole stack: paging served by the tenants service, tags of real answers. */
describe('REST conventions through the whole stack', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;
  const provinces = [
    ['ha-noi', '01', 'Hà Nội'],
    ['hue', '46', 'Huế'],
    ['hung-yen', '33', 'Hưng Yên'],
    ['thai-nguyen', '19', 'Thái Nguyên'],
    ['an-giang', '89', 'An Giang'],
  ];

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    const admin = await bearer('national.admin');
    for (const [id, officialCode, name] of provinces) {
      const onboarded = await api.post('/v1/tenants').set('Authorization', admin).send({ id, officialCode, name });
      expect({ status: onboarded.status, body: onboarded.body }).toMatchObject({ status: 201, body: { id } });
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('pages through the registry with opaque cursors, in id order, each province once', async () => {
    const admin = await bearer('national.admin');
    const seen: string[] = [];
    let next: string | null = '/v1/tenants?limit=2';
    let pages = 0;
    while (next !== null) {
      const response: request.Response = await api.get(next).set('Authorization', admin);
      expect(response.status).toBe(200);
      seen.push(...response.body.items.map((tenant: { id: string }) => tenant.id));
      if (response.body.next !== null) expect(response.headers.link).toBe(`<${response.body.next}>; rel="next"`);
      next = response.body.next;
      pages += 1;
    }
    expect(seen).toEqual(provinces.map(([id]) => id).sort());
    expect(pages).toBe(3);
  });

  it('tags a single resource and answers a matching If-None-Match with 304', async () => {
    const admin = await bearer('national.admin');
    const first = await api.get('/v1/tenants/hue').set('Authorization', admin).set('X-Request-Id', 'rest-conventions-0001');
    expect(first.status).toBe(200);
    expect(first.headers['x-request-id']).toBe('rest-conventions-0001');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    const again = await api.get('/v1/tenants/hue').set('Authorization', admin).set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  it('refuses a malformed body with problem+json before any service is called', async () => {
    const response = await api
      .post('/v1/tenants')
      .set('Authorization', await bearer('national.admin'))
      .set('Content-Type', 'application/json')
      .send('{"id": "quang-ninh",');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'BODY_MALFORMED', type: 'urn:motcua:problem:body-malformed' });
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../../../tools/testing/eventually';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(90_000);

interface AuditEntry {
  id: string;
  occurredAt: string;
  actorSubject: string;
  actorRoles: string[];
  method: string;
  route: string;
  resourceId: string;
  status: number;
  replayed: boolean;
  clientIp: string;
  userAgent: string;
  traceId: string;
}

const USER_AGENT = 'motcua-e2e/1.0 (audit)';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe("the province's audit log: every authenticated write, for its tenant admin only", () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  let procedureId: string;
  let dossierId: string;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;
  const subjectOf = (username: string) => platform.identity.user(username).subject;
  const auditOf = async (username: string, tenant?: string, query = '') => {
    const call = api.get(`/v1/audit${query}`).set('Authorization', await bearer(username));
    return tenant ? call.set('X-Tenant-Id', tenant) : call;
  };
  const entriesOf = async (username: string): Promise<AuditEntry[]> => (await auditOf(username)).body.items ?? [];

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    for (const [id, officialCode, name] of [
      ['hung-yen', '33', 'Hưng Yên'],
      ['thai-nguyen', '19', 'Thái Nguyên'],
    ]) {
      const onboarded = await api.post('/v1/tenants').set('Authorization', await bearer('national.admin')).set('User-Agent', USER_AGENT).send({ id, officialCode, name });
      expect(onboarded.status).toBe(201);
    }
    const procedure = await api
      .post('/v1/procedures')
      .set('Authorization', await bearer('hy.admin'))
      .set('X-Tenant-Id', 'hung-yen')
      .set('User-Agent', USER_AGENT)
      .send({ code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 1, agencyId: '000.00.17.H33', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] });
    expect(procedure.status).toBe(201);
    procedureId = procedure.body.id;
    const key = randomUUID();
    const submit = async () =>
      api
        .post('/v1/dossiers')
        .set('Authorization', await bearer('citizen.an'))
        .set('X-Tenant-Id', 'hung-yen')
        .set('Idempotency-Key', key)
        .set('User-Agent', USER_AGENT)
        .set('traceparent', `00-${TRACE_ID}-00f067aa0ba902b7-01`)
        .send({ procedureId, applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' }, components: [{ componentCode: 'TK01', fileReference: 'upload:1' }] });
    const submitted = await submit();
    expect(submitted.status).toBe(201);
    dossierId = submitted.body.id;
    expect((await submit()).headers['idempotency-replayed']).toBe('true');
    // A write the catalogue refuses (a citizen may not manage procedures): recorded with its status.
    const refused = await api
      .post('/v1/procedures')
      .set('Authorization', await bearer('citizen.binh'))
      .set('X-Tenant-Id', 'hung-yen')
      .send({ code: '1.000003', name: 'Thủ tục giả', processingDays: 1, agencyId: '000.00.17.H33', components: [] });
    expect(refused.status).toBe(403);
    // Reads are not audited.
    expect((await api.get(`/v1/dossiers/${dossierId}`).set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen')).status).toBe(200);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('shows the tenant admin who wrote what, when and from where, newest first', async () => {
    const entries = await eventually(
      () => entriesOf('hy.admin'),
      (found) => found.length >= 5,
    );
    expect(entries.map((entry) => [entry.method, entry.route, entry.status, entry.actorSubject])).toEqual([
      ['POST', '/v1/procedures', 403, subjectOf('citizen.binh')],
      ['POST', '/v1/dossiers', 201, subjectOf('citizen.an')],
      ['POST', '/v1/dossiers', 201, subjectOf('citizen.an')],
      ['POST', '/v1/procedures', 201, subjectOf('hy.admin')],
      ['POST', '/v1/tenants', 201, subjectOf('national.admin')],
    ]);
    const [refused, replay, submission, procedure, onboarding] = entries;
    expect(submission).toMatchObject({ resourceId: dossierId, replayed: false, actorRoles: ['citizen'], userAgent: USER_AGENT, traceId: TRACE_ID });
    expect(replay).toMatchObject({ resourceId: dossierId, replayed: true, traceId: TRACE_ID });
    expect(procedure).toMatchObject({ resourceId: procedureId, actorRoles: ['tenant_admin'] });
    // The national act of onboarding belongs to the province it created.
    expect(onboarding).toMatchObject({ resourceId: 'hung-yen', actorRoles: ['national_admin'] });
    expect(refused).toMatchObject({ resourceId: '', actorRoles: ['citizen'] });
    for (const entry of entries) {
      expect(entry.clientIp).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/);
      expect(entry.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(Date.parse(entry.occurredAt)).not.toBeNaN();
    }
    // No bodies, no personal data.
    const text = JSON.stringify(entries);
    expect(text).not.toContain('Nguyễn Văn An');
    expect(text).not.toContain('033099001234');
    expect(text).not.toContain('Đăng ký khai sinh');
  });

  it('pages with a cursor and a next link', async () => {
    const first = await auditOf('hy.admin', undefined, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.headers.link).toBe(`<${first.body.next}>; rel="next"`);
    const seen: string[] = first.body.items.map((entry: AuditEntry) => entry.id);
    let next: string | null = first.body.next;
    while (next !== null) {
      const page = await api.get(next).set('Authorization', await bearer('hy.admin'));
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((entry: AuditEntry) => entry.id));
      next = page.body.next;
    }
    expect(seen).toEqual((await entriesOf('hy.admin')).map((entry) => entry.id));
    const forged = await auditOf('hy.admin', undefined, '?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
  });

  it("shows another province's admin only their own province's log", async () => {
    const theirs = await eventually(
      () => entriesOf('tn.admin'),
      (found) => found.length >= 1,
    );
    expect(theirs.map((entry) => [entry.route, entry.resourceId])).toEqual([['/v1/tenants', 'thai-nguyen']]);
  });

  it.each([
    ['a citizen', 'citizen.an', 'hung-yen', 'ACCESS_DENIED'],
    ['a specialist of the province', 'hy.specialist', undefined, 'ACCESS_DENIED'],
    ['a national admin', 'national.admin', 'hung-yen', 'ACCESS_DENIED'],
    ["another province's admin", 'tn.admin', 'hung-yen', 'TENANT_MISMATCH'],
  ])('refuses %s (403)', async (_who, username, tenant, code) => {
    const response = await auditOf(username, tenant);
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code });
  });
});

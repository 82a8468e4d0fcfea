import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../../../tools/testing/eventually';
import { putJusticeDesk } from '../../../tools/testing/justice-desk';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(60_000);

describe('a dossier walking through every service (HTTP → gRPC → PostgreSQL + outbox → Kafka → consumers)', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('onboards a province, publishes a procedure, takes a dossier to processing and counts it', async () => {
    const refused = await api.post('/v1/tenants').set('Authorization', await bearer('citizen.an')).send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(refused.status).toBe(403);

    const onboarded = await api
      .post('/v1/tenants')
      .set('Authorization', await bearer('national.admin'))
      .send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);
    expect(onboarded.body).toMatchObject({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên', status: 'active' });

    const procedure = await api
      .post('/v1/procedures')
      .set('Authorization', await bearer('hy.admin'))
      .set('X-Tenant-Id', 'hung-yen')
      .send({
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        processingDays: 1,
        agencyId: '000.00.17.H33',
        components: [
          { code: 'TK01', name: 'Tờ khai đăng ký khai sinh', mandatory: true },
          { code: 'GCS', name: 'Giấy chứng sinh', mandatory: true },
        ],
      });
    expect(procedure.status).toBe(201);
    expect(procedure.body).toMatchObject({ code: '1.001193', version: 1, agencyId: '000.00.17.H33' });

    // The structure the desk works in: the province, the justice department and its counter.
    const admin = await bearer('hy.admin');
    expect(await putJusticeDesk(api, admin)).toEqual([200, 200, 200]);

    const read = await api.get('/v1/procedures/1.001193').set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen');
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(procedure.body.id);

    const submitted = await api
      .post('/v1/dossiers')
      .set('Authorization', await bearer('citizen.an'))
      .set('X-Tenant-Id', 'hung-yen')
      .set('Idempotency-Key', randomUUID())
      .send({
        procedureId: procedure.body.id,
        channel: 'online',
        applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' },
        components: [
          { componentCode: 'TK01', fileReference: 'upload:tk01' },
          { componentCode: 'GCS', fileReference: 'upload:gcs' },
        ],
      });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', procedureCode: '1.001193', channel: 'online' });
    const dossierId: string = submitted.body.id;

    // The desk checks the online submission and receives it; processing takes it up from there.
    const desk = await bearer('hy.desk');
    const received = await api.post(`/v1/dossiers/${dossierId}/receipt`).set('Authorization', desk).set('X-Tenant-Id', 'hung-yen').send({ deskId: 'H33-TTPVHCC-Q01' });
    expect(received.status).toBe(200);
    expect(received.body.code).toMatch(/^000\.00\.17\.H33-\d{6}-0001$/);

    const citizen = await bearer('citizen.an');
    const moved = await eventually(
      () => api.get(`/v1/dossiers/${dossierId}`).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen'),
      (response) => response.body.status === 'in_processing',
    );
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('in_processing');

    const tasks = await api.get(`/v1/dossiers/${dossierId}/tasks`).set('Authorization', await bearer('hy.specialist'));
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks).toEqual([expect.objectContaining({ dossierId, step: 'Thẩm định, xử lý hồ sơ', role: 'specialist', status: 'open', agencyId: '000.00.17.H33' })]);

    const counters = await eventually(
      () => api.get('/v1/statistics/dossiers').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen'),
      (response) => response.body.submitted === '1',
    );
    expect(counters.status).toBe(200);
    expect(counters.body).toMatchObject({ tenantId: 'hung-yen', submitted: '1' });
  });

  it('shows every service ready, with metrics of what it did', async () => {
    for (const [name, service] of Object.entries(platform.services)) {
      const ready = await request(service.httpUrl).get('/health/ready');
      expect({ name, status: ready.status, body: ready.body }).toMatchObject({ name, status: 200, body: { status: 'ready' } });
    }
    const metrics = await request(platform.services.intake.httpUrl).get('/metrics');
    expect(metrics.text).toMatch(/motcua_rpc_handled_total\{method="IntakeController.submitDossier",code="OK",service="intake"\} 1/);
    const published = await request(platform.services.intake.httpUrl).get('/metrics');
    expect(published.text).toMatch(/motcua_events_published_total\{service="intake"\} [1-9]/);
  });

  it('refuses what the walk must not allow, with problem+json', async () => {
    const other = await api
      .get('/v1/procedures/1.001193')
      .set('Authorization', await bearer('citizen.an'))
      .set('X-Tenant-Id', 'no-such-province');
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body).toMatchObject({ status: 404, code: 'TENANT_UNKNOWN', type: 'urn:motcua:problem:tenant-unknown' });

    const incomplete = await api
      .post('/v1/dossiers')
      .set('Authorization', await bearer('citizen.an'))
      .set('X-Tenant-Id', 'hung-yen')
      .set('Idempotency-Key', randomUUID())
      .send({ procedureId: '00000000-0000-4000-8000-000000000000', applicant: { fullName: 'A', citizenId: '12' }, components: [] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual(['applicant.fullName', 'applicant.citizenId']);

    const anonymous = await api.get('/v1/procedures/1.001193').set('X-Tenant-Id', 'hung-yen');
    expect(anonymous.status).toBe(401);
  });
});

import request from 'supertest';
import { eventually } from '../../../tools/testing/eventually';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(60_000);

interface Readiness {
  status: string;
  checks: Record<string, { ok: boolean; error?: string; critical?: false }>;
}

/**
 * The gateway's readiness follows its services' gRPC health, and one service down degrades
 * only its routes: the evaluation service is stopped in the middle of the test.
 */
describe('health of the whole: one service down degrades its routes only', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;
  let dossierId: string;
  let procedureId: string;

  beforeAll(async () => {
    platform = await startPlatform({ gatewayEnv: { DEPENDENCY_PROBE_INTERVAL_MS: '250' } });
    api = request(platform.gatewayUrl);
    const onboarded = await api.post('/v1/tenants').set('Authorization', await bearer('national.admin')).send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);
    const procedure = await api
      .post('/v1/procedures')
      .set('Authorization', await bearer('hy.admin'))
      .set('X-Tenant-Id', 'hung-yen')
      .send({ code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 1, agencyId: '000.00.17.H33', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] });
    expect(procedure.status).toBe(201);
    procedureId = procedure.body.id;
    dossierId = (await submit('first')).body.id;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function submit(key: string) {
    return api
      .post('/v1/dossiers')
      .set('Authorization', await bearer('citizen.an'))
      .set('X-Tenant-Id', 'hung-yen')
      .set('Idempotency-Key', `health-degradation-${key}`)
      .send({ procedureId, applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' }, components: [{ componentCode: 'TK01', fileReference: 'upload:tk01' }] });
  }

  const ready = async () => {
    const response = await api.get('/health/ready');
    return { httpStatus: response.status, body: response.body as Readiness };
  };

  it('is ready while every service serves, and names each one', async () => {
    const report = await ready();
    expect(report.httpStatus).toBe(200);
    expect(report.body.status).toBe('ready');
    for (const service of ['tenants', 'catalogue', 'intake', 'processing', 'evaluation']) expect(report.body.checks[service]?.ok).toBe(true);
    const counters = await api.get('/v1/statistics/dossiers').set('Authorization', await bearer('hy.admin')).set('X-Tenant-Id', 'hung-yen');
    expect(counters.status).toBe(200);
  });

  it('answers 503 problem+json at once on the routes of a stopped service, keeps the others working, and reports it', async () => {
    await platform.services.evaluation.stop();
    const admin = await bearer('hy.admin');

    const attempts: { status: number; ms: number; body: Record<string, unknown>; type: string; retryAfter?: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      const response = await api.get('/v1/statistics/dossiers').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
      attempts.push({ status: response.status, ms: Date.now() - started, body: response.body, type: String(response.headers['content-type']), retryAfter: response.headers['retry-after'] });
    }
    for (const attempt of attempts) {
      expect(attempt.status).toBe(503);
      expect(attempt.type).toContain('application/problem+json');
      expect(attempt.body).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE', type: 'urn:motcua:problem:dependency-unavailable', instance: '/v1/statistics/dossiers' });
      expect(attempt.retryAfter).toBe('5');
      // Far below the gRPC deadline (5 s): the route fails fast instead of hanging.
      expect(attempt.ms).toBeLessThan(1_000);
    }

    const citizen = await bearer('citizen.an');
    const dossier = await api.get(`/v1/dossiers/${dossierId}`).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(dossier.status).toBe(200);
    expect(dossier.body.id).toBe(dossierId);
    const another = await submit('second');
    expect(another.status).toBe(201);
    const procedure = await api.get('/v1/procedures/1.001193').set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(procedure.status).toBe(200);

    const report = await eventually(ready, (value) => value.body.checks?.evaluation?.ok === false);
    expect(report.httpStatus).toBe(200);
    expect(report.body.status).toBe('degraded');
    expect(report.body.checks.evaluation).toMatchObject({ ok: false, critical: false });
    expect(report.body.checks.evaluation.error).toMatch(/UNREACHABLE|NOT_SERVING/);
    for (const service of ['tenants', 'catalogue', 'intake', 'processing']) expect(report.body.checks[service]?.ok).toBe(true);
  });
});

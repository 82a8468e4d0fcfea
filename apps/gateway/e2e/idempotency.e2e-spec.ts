import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { RunningService } from '@motcua/platform';
import { loadGatewayConfig } from '../src/config/gateway.config';
import { startGateway } from '../src/main';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(90_000);

/** Per-client limit of this file's gateways: the burst test goes over it, the others stay well under. */
const CLIENT_LIMIT = 30;

describe('Idempotency-Key and rate limits, through two gateway replicas sharing Redis', () => {
  let platform: Platform;
  let second: RunningService;
  let replicas: ReturnType<typeof request>[];
  let procedureId: string;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;

  const submission = (fileReference = 'upload:tk01') => ({
    procedureId,
    channel: 'online',
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' },
    components: [
      { componentCode: 'TK01', fileReference },
      { componentCode: 'GCS', fileReference: 'upload:gcs' },
    ],
  });

  const submit = async (replica: number, key: string | undefined, body: object, username = 'citizen.an') => {
    const call = replicas[replica].post('/v1/dossiers').set('Authorization', await bearer(username)).set('X-Tenant-Id', 'hung-yen');
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  async function dossierCount(): Promise<number> {
    const client = new Client({ connectionString: platform.database.ownerUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM intake.dossiers')).rows[0].n);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    platform = await startPlatform({
      gatewayEnv: {
        REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        // This run's keys only, so runs and files never share counters or answers.
        REDIS_KEY_PREFIX: `motcua:e2e:${randomUUID()}:`,
        RATE_LIMIT_CLIENT_MAX: String(CLIENT_LIMIT),
        RATE_LIMIT_CLIENT_WINDOW_MS: '60000',
      },
    });
    second = await startGateway(loadGatewayConfig(platform.gatewayEnv));
    replicas = [request(platform.gatewayUrl), request(second.httpUrl)];
    const onboarded = await replicas[0].post('/v1/tenants').set('Authorization', await bearer('national.admin')).send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);
    const procedure = await replicas[0]
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
    procedureId = procedure.body.id;
  });

  afterAll(async () => {
    await second?.stop();
    await platform?.stop();
  });

  it('creates exactly one dossier when the same submission is sent ten times at once', async () => {
    const before = await dossierCount();
    const key = randomUUID();
    const body = submission();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(i % 2, key, body)));

    expect(await dossierCount()).toBe(before + 1);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.filter((answer) => answer.headers['idempotency-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const waiting of answers.filter((answer) => answer.status === 409)) {
      expect(waiting.body).toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
      expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    }

    // A retry later, on either replica, gets the stored answer: same status, same body.
    const original = created.find((answer) => answer.headers['idempotency-replayed'] !== 'true');
    for (const replica of [0, 1]) {
      const retry = await submit(replica, key, body);
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.text).toBe(original?.text);
    }
    expect(await dossierCount()).toBe(before + 1);
  });

  it('refuses the same key with another body (422), creating nothing', async () => {
    const key = randomUUID();
    expect((await submit(0, key, submission('upload:first'))).status).toBe(201);
    const before = await dossierCount();
    const other = await submit(1, key, submission('upload:second'));
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED', type: 'urn:motcua:problem:idempotency-key-reused' });
    expect(await dossierCount()).toBe(before);
  });

  it('requires a well-formed key on dossier submission', async () => {
    const before = await dossierCount();
    const missing = await submit(0, undefined, submission());
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', errors: [{ field: 'Idempotency-Key' }] });
    const malformed = await submit(0, 'two words', submission());
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(await dossierCount()).toBe(before);
  });

  it("keeps one caller's keys apart from another's", async () => {
    const key = randomUUID();
    const an = await submit(0, key, submission());
    const binh = await submit(1, key, submission(), 'citizen.binh');
    expect([an.status, binh.status]).toEqual([201, 201]);
    expect(binh.headers['idempotency-replayed']).toBeUndefined();
    expect(binh.body.id).not.toBe(an.body.id);
  });

  it('replays a refusal too: the same request gets the same answer', async () => {
    const key = randomUUID();
    const unknownProcedure = { ...submission(), procedureId: '0190f3a2-7c4e-7b1a-8d2e-000000000000' };
    const first = await submit(0, key, unknownProcedure);
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(first.status).toBeLessThan(500);
    const again = await submit(1, key, unknownProcedure);
    expect([again.status, again.headers['idempotency-replayed'], again.headers['content-type']]).toEqual([first.status, 'true', first.headers['content-type']]);
    expect(again.body).toEqual(first.body);
  });

  it('honours a key on other creating POSTs, where it is optional', async () => {
    const key = randomUUID();
    const body = { code: '1.000894', name: 'Đăng ký kết hôn', processingDays: 3, agencyId: '000.00.17.H33', components: [{ code: 'TK02', name: 'Tờ khai', mandatory: true }] };
    const create = async (replica: number) =>
      replicas[replica].post('/v1/procedures').set('Authorization', await bearer('hy.admin')).set('X-Tenant-Id', 'hung-yen').set('Idempotency-Key', key).send(body);
    const first = await create(0);
    const retry = await create(1);
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const read = await replicas[0].get('/v1/procedures/1.000894').set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen');
    expect(read.body).toMatchObject({ id: first.body.id, version: first.body.version });
  });

  it('answers 429 with Retry-After once a client goes over its limit, counted across both replicas', async () => {
    const token = await bearer('citizen.binh');
    // Sequential, alternating replicas: the count is shared, so the limit holds for the pair.
    const answers: request.Response[] = [];
    for (let i = 0; i < CLIENT_LIMIT + 10; i++) {
      answers.push(await replicas[i % 2].get('/v1/procedures/1.001193').set('Authorization', token).set('X-Tenant-Id', 'hung-yen'));
    }
    const limited = answers.filter((answer) => answer.status === 429);
    // citizen.binh submitted one dossier above: that counted too.
    expect(answers.length - limited.length).toBe(CLIENT_LIMIT - 1);
    expect(answers.slice(-10).every((answer) => answer.status === 429)).toBe(true);
    const refused = limited[0];
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers).toMatchObject({ 'ratelimit-limit': String(CLIENT_LIMIT), 'ratelimit-remaining': '0' });
    expect(answers[0].headers['ratelimit-remaining']).toBe(String(CLIENT_LIMIT - 2));

    // Another client is not affected.
    const other = await replicas[0].get('/v1/procedures/1.001193').set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen');
    expect(other.status).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { eventually } from '../../../tools/testing/eventually';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(60_000);

interface Province {
  id: string;
  code: string;
  name: string;
  admin: string;
  citizen: string;
  agencyId: string;
}

const HUNG_YEN: Province = { id: 'hung-yen', code: '33', name: 'Hưng Yên', admin: 'hy.admin', citizen: 'citizen.an', agencyId: '000.00.17.H33' };
const THAI_NGUYEN: Province = { id: 'thai-nguyen', code: '19', name: 'Thái Nguyên', admin: 'tn.admin', citizen: 'citizen.binh', agencyId: '000.00.17.H19' };

describe('two provinces side by side, and bad input', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;
  const procedures: Record<string, string> = {};
  const dossiers: Record<string, string> = {};

  async function countRows(sql: string): Promise<number> {
    const client = new Client({ connectionString: platform.database.ownerUrl });
    await client.connect();
    try {
      return Number((await client.query<{ n: string }>(sql)).rows[0].n);
    } finally {
      await client.end();
    }
  }

  const submission = (province: Province) => ({
    procedureId: procedures[province.id],
    channel: 'online',
    applicant: { fullName: 'Trần Thị Bình', citizenId: '019199001234' },
    components: [{ componentCode: 'TK01', fileReference: 'upload:tk01' }],
  });

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    for (const province of [HUNG_YEN, THAI_NGUYEN]) {
      const onboarded = await api.post('/v1/tenants').set('Authorization', await bearer('national.admin')).send({ id: province.id, officialCode: province.code, name: province.name });
      expect(onboarded.status).toBe(201);
      const procedure = await api
        .post('/v1/procedures')
        .set('Authorization', await bearer(province.admin))
        .set('X-Tenant-Id', province.id)
        .send({ code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 1, agencyId: province.agencyId, components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] });
      expect(procedure.status).toBe(201);
      procedures[province.id] = procedure.body.id;
      const submitted = await api
        .post('/v1/dossiers')
        .set('Authorization', await bearer(province.citizen))
        .set('X-Tenant-Id', province.id)
        .set('Idempotency-Key', randomUUID())
        .send(submission(province));
      expect(submitted.status).toBe(201);
      dossiers[province.id] = submitted.body.id;
    }
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('keeps each province’s dossiers, tasks and figures to itself', async () => {
    for (const province of [HUNG_YEN, THAI_NGUYEN]) {
      const admin = await bearer(province.admin);
      const counters = await eventually(
        () => api.get('/v1/statistics/dossiers').set('Authorization', admin).set('X-Tenant-Id', province.id),
        (response) => response.body.submitted === '1',
      );
      expect(counters.body).toMatchObject({ tenantId: province.id, submitted: '1' });
    }
    // Same procedure code in both provinces: two distinct procedures.
    expect(procedures[HUNG_YEN.id]).not.toBe(procedures[THAI_NGUYEN.id]);
  });

  it('answers 404 when one province asks for another’s dossier', async () => {
    const response = await api.get(`/v1/dossiers/${dossiers[THAI_NGUYEN.id]}`).set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', HUNG_YEN.id);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('DOSSIER_NOT_FOUND');
    const tasks = await api.get(`/v1/dossiers/${dossiers[THAI_NGUYEN.id]}/tasks`).set('Authorization', await bearer('hy.specialist'));
    expect(tasks.status).toBe(200);
    expect(tasks.body.tasks ?? []).toEqual([]);
  });

  it('refuses a staff token used against another province', async () => {
    const response = await api.get('/v1/statistics/dossiers').set('Authorization', await bearer('tn.admin')).set('X-Tenant-Id', HUNG_YEN.id);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('TENANT_MISMATCH');
  });

  it('refuses a citizen reading another citizen’s dossier in the same province', async () => {
    const response = await api.get(`/v1/dossiers/${dossiers[HUNG_YEN.id]}`).set('Authorization', await bearer('citizen.binh')).set('X-Tenant-Id', HUNG_YEN.id);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('ACCESS_DENIED');
  });

  it('isolates rows in PostgreSQL itself: the intake role sees and writes only its tenant’s rows', async () => {
    const client = new Client({ connectionString: platform.database.urlAs('motcua_intake') });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [HUNG_YEN.id]);
      const seen = await client.query<{ tenant_id: string }>('SELECT tenant_id FROM intake.dossiers');
      expect(seen.rows.map((row) => row.tenant_id)).toEqual([HUNG_YEN.id]);
      await expect(
        client.query(
          `INSERT INTO intake.dossiers (tenant_id, id, procedure_id, procedure_code, agency_id, submitted_by, status, channel, applicant_pseudonym, components, submitted_at, updated_at)
           VALUES ($1, gen_random_uuid(), gen_random_uuid(), '1.001193', 'X.1', 's', 'submitted', 'online', repeat('a', 64), '[]', now(), now())`,
          [THAI_NGUYEN.id],
        ),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');
      const outside = await client.query('SELECT count(*)::int AS n FROM intake.dossiers');
      expect(outside.rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });

  describe('bad input gets a 4xx problem+json naming the problem, and nothing is stored', () => {
    let before: number;

    beforeAll(async () => {
      before = await countRows('SELECT count(*) AS n FROM intake.dossiers');
    });

    afterAll(async () => {
      expect(await countRows('SELECT count(*) AS n FROM intake.dossiers')).toBe(before);
      expect(await countRows(`SELECT count(*) AS n FROM intake.outbox WHERE type = 'dossier.submitted'`)).toBe(before);
    });

    const post = async (body: string | object, contentType = 'application/json') =>
      api
        .post('/v1/dossiers')
        .set('Authorization', await bearer('citizen.an'))
        .set('X-Tenant-Id', HUNG_YEN.id)
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', contentType)
        .send(body);

    it('an unknown procedure', async () => {
      const response = await post({ ...submission(HUNG_YEN), procedureId: '0190f3a2-7c4e-7b1a-8d2e-000000000000' });
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', errors: [{ field: 'procedureId', message: 'unknown procedure' }] });
    });

    it('missing components', async () => {
      const response = await post({ ...submission(HUNG_YEN), components: [] });
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'DOSSIER_INCOMPLETE', type: 'urn:motcua:problem:dossier-incomplete' });
    });

    it('malformed JSON', async () => {
      const response = await post('{"procedureId": ');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('a wrong content type', async () => {
      const response = await post('procedureId=x', 'text/plain');
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('an unknown field (no silent mass assignment)', async () => {
      const response = await post({ ...submission(HUNG_YEN), status: 'approved' });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: '(body)' })]);
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(90_000);

const SAMPLE_CATALOGUE = join(__dirname, '../../../tools/seed/catalogue/hung-yen.catalogue.json');

/**
 * The on-the-spot flag (4 tại chỗ) of a procedure version through the gateway: imported from
 * the sample, shown in the procedure's definition, accepted in a new version and refused where
 * it cannot hold, versioned like every other field (asOf reads).
 */
describe('on-the-spot procedures (HTTP → catalogue)', () => {
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

  it('shows, accepts and versions onTheSpot, and refuses it on a procedure that takes longer than a working day', async () => {
    const onboarded = await api
      .post('/v1/tenants')
      .set('Authorization', await bearer('national.admin'))
      .send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);
    const admin = await bearer('hy.admin');
    const citizen = await bearer('citizen.an');
    const catalogue: unknown = JSON.parse(readFileSync(SAMPLE_CATALOGUE, 'utf8'));
    const imported = await api.post('/v1/catalogue/imports').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen').send({ catalogue });
    expect(imported.status).toBe(200);

    const read = (code: string, asOf?: string) => {
      const call = api.get(`/v1/procedures/${code}`).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
      return asOf ? call.query({ asOf }) : call;
    };

    // Certifying a copy from its original is done on the spot; certifying a will (2 working days) is not.
    const copies = await read('2.000815');
    expect(copies.status).toBe(200);
    expect(copies.body.definition).toMatchObject({ onTheSpot: true, processingTime: { unit: 'days', amount: 1 } });
    expect((await read('2.001019')).body.definition).toMatchObject({ onTheSpot: false, processingTime: { unit: 'days', amount: 2 } });

    // Copies of civil status extracts (1 working day) become on the spot from next year on.
    const extract = await read('2.000635');
    expect(extract.body.definition.onTheSpot).toBe(false);
    const nextYear = new Date().getUTCFullYear() + 1;
    const amend = (code: string, definition: Record<string, unknown>) =>
      api
        .post(`/v1/procedures/${code}/versions`)
        .set('Authorization', admin)
        .set('X-Tenant-Id', 'hung-yen')
        .send({ definition, effectiveFrom: `${nextYear}-01-01`, decision: { number: '9200/QĐ-UBND', date: `${nextYear - 1}-12-01` } });
    const flagged = await amend('2.000635', { ...extract.body.definition, onTheSpot: true });
    expect(flagged.status).toBe(201);
    expect(flagged.body).toMatchObject({ code: '2.000635', version: extract.body.version + 1, definition: { onTheSpot: true } });
    expect((await read('2.000635')).body).toMatchObject({ versionId: extract.body.versionId, definition: { onTheSpot: false } });
    expect((await read('2.000635', `${nextYear}-01-02`)).body).toMatchObject({ versionId: flagged.body.versionId, definition: { onTheSpot: true } });
    const versions = await api.get('/v1/procedures/2.000635/versions').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
    expect(versions.body.versions.map((version: { definition: { onTheSpot: boolean } }) => version.definition.onTheSpot)).toEqual([false, true]);

    // Left out, the flag is off.
    const { onTheSpot: _onTheSpot, ...withoutFlag } = flagged.body.definition as Record<string, unknown>;
    const unflagged = await amend('2.000884', withoutFlag);
    expect(unflagged.status).toBe(201);
    expect(unflagged.body.definition.onTheSpot).toBe(false);

    // Land registration (20 working days, handed over between agencies) cannot be on the spot.
    const land = await read('1.013978');
    const refused = await amend('1.013978', { ...land.body.definition, onTheSpot: true });
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 400, code: 'PROCEDURE_INVALID' });
    expect(refused.body.errors).toEqual([
      { field: 'definition.onTheSpot', message: expect.stringContaining('not 20 working days') },
      { field: 'definition.onTheSpot', message: expect.stringContaining('hands the dossier over') },
    ]);
    const wrongType = await amend('2.000635', { ...extract.body.definition, onTheSpot: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual([expect.objectContaining({ field: 'definition.onTheSpot' })]);
  });
});

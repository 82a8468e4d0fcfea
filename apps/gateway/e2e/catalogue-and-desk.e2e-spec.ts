import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(90_000);

const SAMPLE_CATALOGUE = join(__dirname, '../../../tools/seed/catalogue/hung-yen.catalogue.json');

/** supertest buffers a binary body as a Buffer with this parser. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('catalogue import, public search and the desk (HTTP → catalogue + intake)', () => {
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

  it('imports the sample catalogue, finds a procedure, takes an online dossier through the desk and tracks it', async () => {
    const onboarded = await api
      .post('/v1/tenants')
      .set('Authorization', await bearer('national.admin'))
      .send({ id: 'hung-yen', officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);

    const catalogue: unknown = JSON.parse(readFileSync(SAMPLE_CATALOGUE, 'utf8'));
    const admin = await bearer('hy.admin');
    const imported = await api.post('/v1/catalogue/imports').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen').send({ catalogue });
    expect(imported.status).toBe(200);
    expect(imported.body.dryRun).toBe(false);
    expect(imported.body.changes).toBeGreaterThan(0);
    expect(imported.body.procedures.created).toBeGreaterThan(30);

    const again = await api.post('/v1/catalogue/imports').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen').send({ catalogue });
    expect(again.status).toBe(200);
    expect(again.body.changes).toBe(0);

    const desks = await api.get('/v1/desks').query({ agencyId: '000.00.17.H33' }).set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
    expect(desks.status).toBe(200);
    expect(desks.body.desks.map((desk: { id: string }) => desk.id)).toEqual(expect.arrayContaining(['H33-TTPVHCC-Q01', 'H33-TTPVHCC-Q02']));
    const dayOff = await api
      .put('/v1/calendar/overrides/2027-12-31')
      .set('Authorization', admin)
      .set('X-Tenant-Id', 'hung-yen')
      .send({ kind: 'day_off', reason: 'Nghỉ bù' });
    expect(dayOff.status).toBe(200);
    expect(dayOff.body.overrides).toContainEqual({ date: '2027-12-31', kind: 'day_off', reason: 'Nghỉ bù' });
    const removed = await api.delete('/v1/calendar/overrides/2027-12-31').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
    expect(removed.status).toBe(200);
    expect(removed.body.overrides).not.toContainEqual(expect.objectContaining({ date: '2027-12-31' }));

    const citizen = await bearer('citizen.an');
    const refusedAdmin = await api.put('/v1/calendar/overrides/2027-12-30').set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen').send({ kind: 'day_off' });
    expect(refusedAdmin.status).toBe(403);
    const found = await api.get('/v1/procedures').query({ q: 'dang ky khai sinh' }).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(found.status).toBe(200);
    expect(found.body.items[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh' });

    // A new version from next year on: today's stays in force until then.
    const current = await api.get('/v1/procedures/1.001193').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
    expect(current.status).toBe(200);
    const nextYear = new Date().getUTCFullYear() + 1;
    const amended = await api
      .post('/v1/procedures/1.001193/versions')
      .set('Authorization', admin)
      .set('X-Tenant-Id', 'hung-yen')
      .send({
        definition: { ...current.body.definition, processingTime: { unit: 'days', amount: 2 } },
        effectiveFrom: `${nextYear}-01-01`,
        decision: { number: '9999/QĐ-UBND', date: `${nextYear - 1}-12-01` },
      });
    expect(amended.status).toBe(201);
    expect(amended.body).toMatchObject({ code: '1.001193', version: current.body.version + 1, processingDays: 2 });
    const versions = await api.get('/v1/procedures/1.001193/versions').set('Authorization', admin).set('X-Tenant-Id', 'hung-yen');
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((version: { version: number }) => version.version)).toEqual([current.body.version, current.body.version + 1]);
    const then = await api.get('/v1/procedures/1.001193').query({ asOf: `${nextYear}-06-01` }).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(then.status).toBe(200);
    expect(then.body.version).toBe(current.body.version + 1);

    // A province-level procedure of the justice department (000.00.17.H33), received at its desks.
    const procedure = await api.get('/v1/procedures/1.013837').set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(procedure.status).toBe(200);
    expect(procedure.body.agencyId).toBe('000.00.17.H33');

    // Processing still opens its first task on DossierSubmitted (walking skeleton), which moves an
    // online dossier to in_processing before any desk check: stop it so the desk check is not raced.
    const processing = platform.services.processing;
    if (processing) {
      await processing.stop();
      delete platform.services.processing;
    }

    const submitted = await api
      .post('/v1/dossiers')
      .set('Authorization', citizen)
      .set('X-Tenant-Id', 'hung-yen')
      .set('Idempotency-Key', randomUUID())
      .send({
        procedureId: procedure.body.id,
        applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234', phone: '0912345678' },
        components: [{ componentCode: 'DON', fileReference: 'upload:don' }],
      });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', channel: 'online', agencyId: '000.00.17.H33' });
    const dossierId: string = submitted.body.id;

    const desk = await bearer('hy.desk');
    const pending = await api.get('/v1/desks/H33-TTPVHCC-Q01/pending').set('Authorization', desk).set('X-Tenant-Id', 'hung-yen');
    expect(pending.status).toBe(200);
    expect(pending.body.items.map((item: { dossierId: string }) => item.dossierId)).toContain(dossierId);

    const received = await api
      .post(`/v1/dossiers/${dossierId}/receipt`)
      .set('Authorization', desk)
      .set('X-Tenant-Id', 'hung-yen')
      .send({ deskId: 'H33-TTPVHCC-Q01' });
    expect(received.status).toBe(200);
    expect(received.body.dossier).toMatchObject({ id: dossierId, status: 'received' });
    expect(received.body.code).not.toBe('');
    expect(received.body.appointmentAt).not.toBe('');
    expect(received.body.receivingDeskId).toBe('H33-TTPVHCC-Q01');

    const tracked = await api.get('/v1/tracking').query({ code: received.body.code, secret: '1234' }).set('X-Tenant-Id', 'hung-yen');
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ code: received.body.code, procedureCode: '1.013837', appointmentAt: received.body.appointmentAt });
    expect(tracked.body.status).toBe('received');
    const wrongSecret = await api.get('/v1/tracking').query({ code: received.body.code, secret: '9999' }).set('X-Tenant-Id', 'hung-yen');
    expect(wrongSecret.status).toBe(404);

    const receipt = await api
      .get(`/v1/dossiers/${dossierId}/receipt`)
      .query({ format: 'pdf' })
      .set('Authorization', citizen)
      .set('X-Tenant-Id', 'hung-yen')
      .buffer(true)
      .parse(binary);
    expect(receipt.status).toBe(200);
    expect(receipt.headers['content-type']).toMatch(/^application\/pdf/);
    expect((receipt.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
  });
});

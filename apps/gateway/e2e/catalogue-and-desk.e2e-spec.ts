import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { Clock } from '../../intake/src/dossier/application/clock';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(90_000);

const SAMPLE_CATALOGUE = join(__dirname, '../../../tools/seed/catalogue/hung-yen.catalogue.json');
/** Intake's default document storage (the harness sets no DOCUMENT_STORAGE_DIR). */
const STORAGE = join(tmpdir(), 'motcua-documents', 'hung-yen');
const MiB = 1024 * 1024;
/** Intake's and the gateway's default DOCUMENT_MAX_BYTES. */
const UPLOAD_LIMIT = 10 * MiB;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A valid PDF of `size` bytes: a minimal document padded with whitespace. */
function pdfOf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n', 'latin1');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

/** supertest buffers a binary body as a Buffer with this parser. */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('catalogue import, public search and the desk (HTTP → catalogue + intake)', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  let owner: Client;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;
  // Set by the first test: a province-level procedure, and an online dossier received at the desk.
  let procedureId = '';
  let dossierId = '';

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    // Remove the files this suite stored in the default storage directory.
    const stored = owner ? await owner.query<{ storage_key: string }>('SELECT storage_key FROM intake.documents') : { rows: [] };
    for (const { storage_key } of stored.rows) rmSync(join(tmpdir(), 'motcua-documents', storage_key), { force: true });
    await owner?.end();
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
    dossierId = submitted.body.id;
    procedureId = procedure.body.id;

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

  it('stores a 6 MiB PDF uploaded through the gateway with its SHA-256; above the upload limit: 413 and nothing stored', async () => {
    const citizen = await bearer('citizen.an');
    const upload = (content: Buffer) =>
      api
        .post('/v1/documents')
        .set('Authorization', citizen)
        .set('X-Tenant-Id', 'hung-yen')
        .send({ content: content.toString('base64'), fileName: 'don-de-nghi.pdf', documentType: 'don-de-nghi', declaredContentType: 'application/pdf' });
    const documentRows = async () => Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM intake.documents')).rows[0].n);
    const storedFiles = () => (existsSync(STORAGE) ? readdirSync(STORAGE).length : 0);

    // Above grpc-js' default 4 MiB message and the gateway's 1 MiB body limit of other routes.
    const pdf = pdfOf(6 * MiB);
    const stored = await upload(pdf);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ contentType: 'application/pdf', size: String(pdf.length), sha256: sha256(pdf), fileName: 'don-de-nghi.pdf', inWallet: false });
    const row = await owner.query('SELECT size_bytes::int AS size, sha256, storage_key FROM intake.documents WHERE id = $1', [stored.body.id]);
    expect(row.rows).toEqual([{ size: pdf.length, sha256: sha256(pdf), storage_key: `hung-yen/${stored.body.id}` }]);
    expect(sha256(readFileSync(join(STORAGE, stored.body.id)))).toBe(sha256(pdf));

    const [rows, files] = [await documentRows(), storedFiles()];
    // One byte over: the body fits the route's limit, the gateway refuses the decoded content.
    const justOver = await upload(pdfOf(UPLOAD_LIMIT + 1));
    // Far over: fastify refuses the body before reading it whole.
    const farOver = await upload(pdfOf(UPLOAD_LIMIT + 4 * MiB));
    for (const refused of [justOver, farOver]) {
      expect(refused.status).toBe(413);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', type: 'urn:motcua:problem:body-too-large', instance: '/v1/documents' });
    }
    expect(justOver.body.errors).toEqual([{ field: 'content', message: `at most ${UPLOAD_LIMIT} bytes` }]);
    expect(await documentRows()).toBe(rows);
    expect(storedFiles()).toBe(files);

    // Every other route keeps the 1 MiB body limit.
    const bigSubmission = await api
      .post('/v1/dossiers')
      .set('Authorization', citizen)
      .set('X-Tenant-Id', 'hung-yen')
      .set('Idempotency-Key', randomUUID())
      .send({ procedureId, applicant: { fullName: 'x'.repeat(2 * MiB), citizenId: '033099001234' }, components: [] });
    expect(bigSubmission.status).toBe(413);
  });

  it('refuses the 10,000th dossier code of an agency and day with 429 and rolls the receipt back; the next day counts again', async () => {
    const citizen = await bearer('citizen.an');
    const desk = await bearer('hy.desk');
    const clock = platform.services.intake.app.get(Clock);
    const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));
    const submit = async () => {
      const submitted = await api
        .post('/v1/dossiers')
        .set('Authorization', citizen)
        .set('X-Tenant-Id', 'hung-yen')
        .set('Idempotency-Key', randomUUID())
        .send({ procedureId, applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234', phone: '0912345678' }, components: [{ componentCode: 'DON', fileReference: 'upload:don' }] });
      expect(submitted.status).toBe(201);
      return String(submitted.body.id);
    };
    const receive = (id: string) =>
      api.post(`/v1/dossiers/${id}/receipt`).set('Authorization', desk).set('X-Tenant-Id', 'hung-yen').send({ deskId: 'H33-TTPVHCC-Q01' });
    const counter = async (day: string) =>
      (
        await owner.query<{ last_sequence: number }>(
          `SELECT last_sequence FROM intake.dossier_code_counters WHERE tenant_id = 'hung-yen' AND format = 'agency-day' AND agency_code = '000.00.17.H33' AND day = $1`,
          [day],
        )
      ).rows.map((r) => r.last_sequence);

    const [last, refused] = [await submit(), await submit()];
    // 9998 receipts already today (Tue 1 Dec 2026, 09:00 local): seeded, not made.
    at('2026-12-01T02:00:00Z');
    await owner.query(
      `INSERT INTO intake.dossier_code_counters (tenant_id, format, agency_code, day, last_sequence) VALUES ('hung-yen', 'agency-day', '000.00.17.H33', '2026-12-01', 9998)`,
    );
    const ninety999 = await receive(last);
    expect(ninety999.status).toBe(200);
    expect(ninety999.body.code).toBe('000.00.17.H33-261201-9999');

    const exhausted = await receive(refused);
    expect(exhausted.status).toBe(429);
    expect(exhausted.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(exhausted.body).toMatchObject({ status: 429, code: 'DOSSIER_CODES_EXHAUSTED', type: 'urn:motcua:problem:dossier-codes-exhausted' });
    expect(await counter('2026-12-01')).toEqual([9999]);
    const untouched = await api.get(`/v1/dossiers/${refused}/detail`).set('Authorization', citizen).set('X-Tenant-Id', 'hung-yen');
    expect(untouched.body).toMatchObject({ code: '', dossier: { status: 'submitted' } });
    const events = await owner.query(`SELECT type FROM intake.outbox WHERE message_key = $1 ORDER BY seq`, [refused]);
    expect(events.rows.map((e: { type: string }) => e.type)).toEqual(['dossier.submitted']);

    at('2026-12-02T02:00:00Z');
    const nextDay = await receive(refused);
    expect(nextDay.status).toBe(200);
    expect(nextDay.body.code).toBe('000.00.17.H33-261202-0001');
  });

  it('records each staff read of the applicant’s data, not the applicant’s own; the applicant and the tenant admin read the log', async () => {
    const [citizen, desk, specialist] = [await bearer('citizen.an'), await bearer('hy.desk'), await bearer('hy.specialist')];
    const hy = (req: request.Test, token: string) => req.set('Authorization', token).set('X-Tenant-Id', 'hung-yen');
    const traceId = randomUUID().replace(/-/g, '');
    const logged = async () =>
      (await owner.query(`SELECT read, actor_subject FROM intake.personal_data_access WHERE dossier_id = $1 ORDER BY accessed_at, id`, [dossierId])).rows;
    const before = await logged();

    expect((await hy(api.get(`/v1/dossiers/${dossierId}/detail`), citizen)).status).toBe(200);
    expect((await hy(api.get(`/v1/dossiers/${dossierId}/actions`), citizen)).status).toBe(200);
    expect(await logged()).toEqual(before);

    const deskRead = await hy(api.get(`/v1/dossiers/${dossierId}/detail`), desk).set('traceparent', `00-${traceId}-0123456789abcdef-01`);
    expect(deskRead.status).toBe(200);
    expect((await hy(api.get(`/v1/dossiers/${dossierId}/receipt`).query({ format: 'html' }), desk)).status).toBe(200);
    expect((await hy(api.get(`/v1/dossiers/${dossierId}`), specialist)).status).toBe(200);

    const mine = await hy(api.get(`/v1/dossiers/${dossierId}/access-log`), citizen);
    expect(mine.status).toBe(200);
    const deskUser = platform.identity.user('hy.desk');
    const specialistUser = platform.identity.user('hy.specialist');
    expect(mine.body.items.slice(0, 3)).toEqual([
      expect.objectContaining({ read: 'GetDossier', actorSubject: specialistUser.subject, actorRoles: ['specialist'], actorAgencyId: '000.00.17.H33', dossierId }),
      expect.objectContaining({ read: 'GetReceipt', actorSubject: deskUser.subject, actorRoles: ['desk_officer'], actorAgencyId: '000.00.17.H33' }),
      expect.objectContaining({ read: 'GetDossierDetail', actorSubject: deskUser.subject, traceId }),
    ]);
    expect(mine.body.items).toHaveLength(before.length + 3);
    // Who read and what, never a value read.
    const serialized = JSON.stringify(mine.body) + JSON.stringify((await owner.query(`SELECT * FROM intake.personal_data_access`)).rows);
    for (const personal of ['Nguyễn Văn An', '033099001234', '0912345678']) expect(serialized).not.toContain(personal);

    const firstPage = await hy(api.get(`/v1/dossiers/${dossierId}/access-log`).query({ limit: 2 }), citizen);
    expect(firstPage.body.items).toEqual(mine.body.items.slice(0, 2));
    const secondPage = await hy(api.get(`/v1/dossiers/${dossierId}/access-log`).query({ limit: 2, cursor: firstPage.body.nextCursor }), citizen);
    expect(secondPage.body.items[0]).toEqual(mine.body.items[2]);

    const admin = await hy(api.get(`/v1/dossiers/${dossierId}/access-log`), await bearer('hy.admin'));
    expect(admin.status).toBe(200);
    expect(admin.body.items).toEqual(mine.body.items);
    for (const username of ['hy.desk', 'citizen.binh']) {
      const refused = await hy(api.get(`/v1/dossiers/${dossierId}/access-log`), await bearer(username));
      expect(refused.status).toBe(403);
    }
    expect((await hy(api.get(`/v1/dossiers/${randomUUID()}/access-log`), citizen)).status).toBe(404);
  });
});

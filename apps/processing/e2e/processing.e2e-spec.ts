import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { extractText, parsePdf } from '@motcua/printing';
import { nationalWorkingCalendar } from '@motcua/calendar';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';
import { eventually } from '../../../tools/testing/eventually';
import { ProcessingClock } from '../src/workflow/application/processing-clock';
import { DocumentStorage, storageKey } from '../../intake/src/document/application/document-storage.port';

jest.setTimeout(120_000);

const SAMPLE_CATALOGUE = join(__dirname, '../../../tools/seed/catalogue/hung-yen.catalogue.json');
const TENANT = 'hung-yen';
const COMMUNE = '000.24.11.H33';
const LAND_OFFICE = '000.01.19.H33';
const COMMUNE_DESK = 'H33-X12250-BPMC';
/** One certificate: the land registration's charge is counted per certificate. */
const LAND_FEE_CASE = { quantities: [{ item: 'LP_GCN', quantity: 1 }] };

describe('processing through the gateway: internal process, inter-agency flow, clocks, apology, results', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  let owner: Client;
  const tokens = new Map<string, string>();
  const as = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, `Bearer ${await platform.identity.tokenFor(username)}`);
    return tokens.get(username) as string;
  };
  const get = async (username: string, path: string) => api.get(path).set('Authorization', await as(username)).set('X-Tenant-Id', TENANT);
  const act = async (username: string, dossierId: string, body: Record<string, unknown>) =>
    api.post(`/v1/dossiers/${dossierId}/workflow/actions`).set('Authorization', await as(username)).set('X-Tenant-Id', TENANT).send(body);

  /** Takes a dossier of `code` in at the commune desk for an applicant of the commune, and waits for its workflow. */
  async function receivedAtCommune(code: string, feeCase?: Record<string, unknown>): Promise<{ dossierId: string; appointmentAt: string }> {
    const procedure = await get('hy.commune.desk', `/v1/procedures/${code}`);
    expect(procedure.status).toBe(200);
    const components = (procedure.body.components as { code: string; mandatory: boolean }[])
      .filter((component) => component.mandatory)
      .map((component) => ({ componentCode: component.code, fileReference: `upload:${component.code.toLowerCase()}` }));
    const submitted = await api
      .post('/v1/desk/dossiers')
      .set('Authorization', await as('hy.commune.desk'))
      .set('X-Tenant-Id', TENANT)
      .set('Idempotency-Key', randomUUID())
      .send({
        procedureId: procedure.body.id,
        deskId: COMMUNE_DESK,
        applicant: { fullName: 'Trần Thị Bình', citizenId: '033199004321', phone: '0987654321', unitCode: '12250' },
        components,
      });
    expect(submitted.status).toBe(201);
    const dossierId = submitted.body.dossier.id as string;
    if (feeCase) {
      // Without the case its fees depend on, the receipt is refused clearly and the dossier stays as it was.
      const refused = await api
        .post(`/v1/dossiers/${dossierId}/receipt`)
        .set('Authorization', await as('hy.commune.desk'))
        .set('X-Tenant-Id', TENANT)
        .send({ deskId: COMMUNE_DESK });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('FEE_CASE_INVALID');
      expect((await get('hy.commune.desk', `/v1/dossiers/${dossierId}`)).body.status).toBe('submitted');
    }
    const received = await api
      .post(`/v1/dossiers/${dossierId}/receipt`)
      .set('Authorization', await as('hy.commune.desk'))
      .set('X-Tenant-Id', TENANT)
      .send({ deskId: COMMUNE_DESK, feeCase });
    expect(received.status).toBe(200);
    const workflow = await eventually(
      () => get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`),
      (res) => res.status === 200,
    );
    expect(workflow.status).toBe(200);
    return { dossierId, appointmentAt: received.body.appointmentAt };
  }

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    const onboarded = await api.post('/v1/tenants').set('Authorization', await as('national.admin')).send({ id: TENANT, officialCode: '33', name: 'Hưng Yên' });
    expect(onboarded.status).toBe(201);
    const catalogue: unknown = JSON.parse(readFileSync(SAMPLE_CATALOGUE, 'utf8'));
    const imported = await api.post('/v1/catalogue/imports').set('Authorization', await as('hy.admin')).set('X-Tenant-Id', TENANT).send({ catalogue });
    expect(imported.status).toBe(200);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await owner?.end();
    await platform?.stop();
  });

  it('runs a commune-level procedure from receipt to the returned, signed result', async () => {
    const { dossierId, appointmentAt } = await receivedAtCommune('1.001193');
    const opened = await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`);
    expect(opened.body).toMatchObject({ status: 'in_progress', currentStep: 1, appointmentAt, deadlineAt: appointmentAt, nationalStatus: 4 });
    expect(opened.body.steps.map((step: { role: string; agencyId: string }) => [step.role, step.agencyId])).toEqual([
      ['desk_officer', COMMUNE],
      ['specialist', COMMUNE],
      ['leader', COMMUNE],
      ['desk_officer', COMMUNE],
    ]);
    const atIntake = await eventually(
      () => get('hy.commune.desk', `/v1/dossiers/${dossierId}`),
      (res) => res.body.status === 'in_processing',
    );
    expect(atIntake.body.status).toBe('in_processing');

    const pool = await get('hy.commune.specialist', '/v1/worklist?scope=pool');
    expect(pool.status).toBe(200);
    expect(pool.body.items.map((task: { dossierId: string }) => task.dossierId)).toContain(dossierId);

    // Wrong people are refused with a clear error, and nothing is recorded.
    const leaderTooEarly = await act('hy.commune.leader', dossierId, { action: 'approve' });
    expect(leaderTooEarly.status).toBe(409);
    expect(leaderTooEarly.body.code).toBe('WORKFLOW_ACTION_NOT_ALLOWED');
    const otherAgency = await act('hy.specialist', dossierId, { action: 'claim' });
    expect(otherAgency.status).toBe(403);
    const malformed = await act('hy.commune.specialist', dossierId, { action: 'teleport' });
    expect(malformed.status).toBe(400);

    const claimed = await act('hy.commune.specialist', dossierId, { action: 'claim' });
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('hy-4f8a1d3e-spec-0007');
    const mine = await get('hy.commune.specialist', '/v1/worklist?scope=mine');
    expect(mine.body.items.map((task: { dossierId: string }) => task.dossierId)).toContain(dossierId);
    const completed = await act('hy.commune.specialist', dossierId, { action: 'complete', note: 'Hồ sơ hợp lệ' });
    expect(completed.status).toBe(200);
    expect(completed.body.currentStep).toBe(2);

    const approved = await act('hy.commune.leader', dossierId, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'decided', decision: 'approved', currentStep: 3, nationalStatus: 9 });
    expect(approved.body.resultId).toMatch(/^[0-9a-f-]{36}$/);

    const returned = await act('hy.commune.desk', dossierId, { action: 'return_result', channel: 'desk' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', returnChannel: 'desk', nationalStatus: 10, overdue: false });

    // Intake's view, which the applicant reads, follows processing to the returned result.
    const followed = await eventually(
      () => get('hy.commune.desk', `/v1/dossiers/${dossierId}/detail`),
      (res) => res.body.dossier?.status === 'result_returned',
    );
    expect(followed.body).toMatchObject({ dossier: { status: 'result_returned' }, nationalStatus: 10 });

    // The result is signed and verifiable by anyone.
    const document = await api
      .get(`/v1/results/${approved.body.resultId}`)
      .set('Authorization', await as('hy.commune.leader'))
      .set('X-Tenant-Id', TENANT)
      .set('Accept', 'application/pdf')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(document.status).toBe(200);
    const verified = await api.post('/v1/results/verify').set('X-Tenant-Id', TENANT).send({ document: (document.body as Buffer).toString('base64') });
    expect(verified.status).toBe(200);
    expect(verified.body.valid).toBe(true);

    // The history is append-only, complete, and rebuilds the state.
    const history = await get('hy.commune.leader', `/v1/dossiers/${dossierId}/workflow/history`);
    expect(history.status).toBe(200);
    expect(history.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['opened', 'claimed', 'completed', 'approved', 'result_returned']);
    expect(history.body.entries[2]).toMatchObject({ actor: 'hy-4f8a1d3e-spec-0007', fromStep: 1, toStep: 2 });
    expect(Number(history.body.entries[2].allowedMs)).toBeGreaterThan(0);
    expect(history.body.rebuildsState).toBe(true);
    await expect(owner.query(`UPDATE processing.workflow_actions SET actor = 'someone else' WHERE dossier_id = $1`, [dossierId])).rejects.toThrow(/append-only/);
    const appRole = new Client({ connectionString: platform.database.urlAs('motcua_processing') });
    await appRole.connect();
    try {
      await expect(appRole.query(`DELETE FROM processing.workflow_actions WHERE dossier_id = $1`, [dossierId])).rejects.toThrow(/permission denied/);
    } finally {
      await appRole.end();
    }

    const decided = await owner.query(`SELECT type, data FROM processing.outbox WHERE data->>'dossierId' = $1 ORDER BY seq`, [dossierId]);
    expect(decided.rows.map((row: { type: string }) => row.type)).toEqual([
      'dossier.processing-started',
      'dossier.task-assigned',
      'dossier.step-completed',
      'dossier.result-issued',
      'dossier.step-completed',
      'dossier.decided',
      'dossier.result-returned',
    ]);
    expect(JSON.stringify(decided.rows)).not.toMatch(/Trần Thị Bình|033199004321|0987654321/);
  });

  it("files the approved result of an online dossier in the citizen's wallet, where its bytes verify", async () => {
    const citizen = await as('citizen.an');
    const procedure = await get('citizen.an', '/v1/procedures/1.013837');
    expect(procedure.status).toBe(200);
    const submitted = await api
      .post('/v1/dossiers')
      .set('Authorization', citizen)
      .set('X-Tenant-Id', TENANT)
      .set('Idempotency-Key', randomUUID())
      .send({
        procedureId: procedure.body.id,
        applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234', phone: '0912345678' },
        components: [{ componentCode: 'DON', fileReference: 'upload:don' }],
      });
    expect(submitted.status).toBe(201);
    const dossierId = submitted.body.id as string;
    const received = await api
      .post(`/v1/dossiers/${dossierId}/receipt`)
      .set('Authorization', await as('hy.desk'))
      .set('X-Tenant-Id', TENANT)
      .send({ deskId: 'H33-TTPVHCC-Q01' });
    expect(received.status).toBe(200);
    const workflow = await eventually(
      () => get('hy.specialist', `/v1/dossiers/${dossierId}/workflow`),
      (res) => res.status === 200,
    );
    expect(workflow.status).toBe(200);
    expect((await act('hy.specialist', dossierId, { action: 'claim' })).status).toBe(200);
    expect((await act('hy.specialist', dossierId, { action: 'complete' })).status).toBe(200);
    const approved = await act('hy.leader', dossierId, { action: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ decision: 'approved' });
    const resultId = approved.body.resultId as string;
    const issued = await owner.query<{ data: { sha256: string; documentType: string } }>(
      `SELECT data FROM processing.outbox WHERE type = 'dossier.result-issued' AND data->>'resultId' = $1`,
      [resultId],
    );
    expect(issued.rows).toHaveLength(1);
    const { sha256, documentType } = issued.rows[0].data;

    // The wallet as the citizen reads it through the gateway.
    const subject = platform.identity.user('citizen.an').subject;
    const wallet = await eventually(
      () => get('citizen.an', `/v1/wallet?documentType=${encodeURIComponent(documentType)}`),
      (res) => res.status === 200 && res.body.documents.length > 0,
    );
    expect(wallet.body.documents).toEqual([
      expect.objectContaining({ ownerSubject: subject, walletSource: 'result', inWallet: true, documentType, sha256, contentType: 'application/pdf', fileName: `${documentType}-${received.body.code}.pdf` }),
    ]);
    // The stored bytes are the signed document: they verify.
    const key = storageKey(TENANT, wallet.body.documents[0].id);
    const bytes = await platform.services.intake.app.get(DocumentStorage).get(key);
    try {
      expect(bytes).not.toBeNull();
      const verified = await api.post('/v1/results/verify').set('X-Tenant-Id', TENANT).send({ document: (bytes as Buffer).toString('base64') });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ valid: true, result: { resultId, documentType, sha256, decision: 'approved' } });
    } finally {
      await platform.services.intake.app.get(DocumentStorage).delete(key);
    }
  });

  it('stops processing when the applicant withdraws the dossier before a decision (Decree 118 art. 21)', async () => {
    const citizen = await as('citizen.binh');
    const procedure = await api.get('/v1/procedures/1.013837').set('Authorization', citizen).set('X-Tenant-Id', TENANT);
    const submitted = await api
      .post('/v1/dossiers')
      .set('Authorization', citizen)
      .set('X-Tenant-Id', TENANT)
      .set('Idempotency-Key', randomUUID())
      .send({ procedureId: procedure.body.id, applicant: { fullName: 'Lê Văn Bình', citizenId: '033095004567', phone: '0901234567' }, components: [{ componentCode: 'DON', fileReference: 'upload:don' }] });
    expect(submitted.status).toBe(201);
    const dossierId = submitted.body.id as string;
    expect((await api.post(`/v1/dossiers/${dossierId}/receipt`).set('Authorization', await as('hy.desk')).set('X-Tenant-Id', TENANT).send({ deskId: 'H33-TTPVHCC-Q01' })).status).toBe(200);
    const opened = await eventually(
      () => get('hy.specialist', `/v1/dossiers/${dossierId}/workflow`),
      (res) => res.status === 200,
    );
    expect(opened.body.status).toBe('in_progress');
    expect((await act('hy.specialist', dossierId, { action: 'claim' })).status).toBe(200);

    const withdrawn = await api.post(`/v1/dossiers/${dossierId}/withdrawal`).set('Authorization', citizen).set('X-Tenant-Id', TENANT).send({ reason: 'Không còn nhu cầu' });
    expect(withdrawn.status).toBe(200);
    const stopped = await eventually(
      () => get('hy.specialist', `/v1/dossiers/${dossierId}/workflow`),
      (res) => res.body.status === 'stopped',
    );
    expect(stopped.body).toMatchObject({ status: 'stopped', nationalStatus: 8 });
    const tasks = await get('hy.specialist', `/v1/dossiers/${dossierId}/tasks`);
    expect(tasks.body.tasks.map((task: { status: string }) => task.status)).toEqual(['cancelled']);
    expect((await get('hy.specialist', '/v1/worklist?scope=mine')).body.items.map((task: { dossierId: string }) => task.dossierId)).not.toContain(dossierId);
    const late = await act('hy.specialist', dossierId, { action: 'complete' });
    expect(late.status).toBe(409);
  });

  it('resolves an on-the-spot procedure (4 tại chỗ) at the desk in one visit, recorded as such', async () => {
    // Certification of 5 pages of copies: 2 pages at 2,000 VND, 3 more at 1,000 VND.
    const { dossierId } = await receivedAtCommune('2.000815', { quantities: [{ item: 'PHI_CT', quantity: 5 }] });
    expect((await get('hy.commune.desk', `/v1/dossiers/${dossierId}/detail`)).body.feesTotal).toBe('7000');
    const opened = (await get('hy.commune.desk', `/v1/dossiers/${dossierId}/workflow`)).body;
    expect(opened.onTheSpot).toBe(true);
    const resolved = await act('hy.commune.desk', dossierId, { action: 'resolve_on_the_spot', note: 'Trả ngay tại quầy' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'returned', decision: 'approved', returnChannel: 'desk', nationalStatus: 10 });
    const history = await get('hy.commune.desk', `/v1/dossiers/${dossierId}/workflow/history`);
    expect(history.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['opened', 'resolved_on_the_spot']);
    const events = await owner.query(`SELECT type, data FROM processing.outbox WHERE data->>'dossierId' = $1 AND type IN ('dossier.decided', 'dossier.result-returned') ORDER BY seq`, [dossierId]);
    expect(events.rows.map((row: { data: { onTheSpot: boolean } }) => row.data.onTheSpot)).toEqual([true, true]);

    // A procedure not flagged for it cannot take the fast path.
    const ordinary = await receivedAtCommune('1.001193');
    const refused = await act('hy.commune.desk', ordinary.dossierId, { action: 'resolve_on_the_spot' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('WORKFLOW_NOT_ON_THE_SPOT');
  });

  it('hands a land registration over between the commune and the province land office and back', async () => {
    const { dossierId } = await receivedAtCommune('1.013978', LAND_FEE_CASE);
    const opened = await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`);
    expect(opened.body.steps.map((step: { agencyId: string }) => step.agencyId)).toEqual([COMMUNE, COMMUNE, LAND_OFFICE, COMMUNE, COMMUNE]);

    expect((await act('hy.commune.specialist', dossierId, { action: 'complete' })).status).toBe(200);
    // Now with the province's land office: the commune can no longer act, the office can.
    expect((await act('hy.commune.specialist', dossierId, { action: 'claim' })).status).toBe(403);
    const landPool = await get('hy.land.specialist', '/v1/worklist?scope=agency');
    expect(landPool.body.items.map((task: { dossierId: string }) => task.dossierId)).toContain(dossierId);
    expect((await act('hy.land.specialist', dossierId, { action: 'claim' })).status).toBe(200);
    const back = await act('hy.land.specialist', dossierId, { action: 'complete' });
    expect(back.status).toBe(200);
    expect(back.body.currentStep).toBe(3);
    const refused = await act('hy.commune.leader', dossierId, { action: 'refuse', reasons: ['Thửa đất đang có tranh chấp'] });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'decided', decision: 'refused', currentStep: 4 });
    expect((await act('hy.commune.desk', dossierId, { action: 'return_result', channel: 'postal' })).status).toBe(200);

    const history = await get('hy.commune.leader', `/v1/dossiers/${dossierId}/workflow/history`);
    expect(history.body.handovers).toEqual([
      expect.objectContaining({ fromStep: 1, fromAgencyId: COMMUNE, toAgencyId: LAND_OFFICE, sentBy: 'hy-4f8a1d3e-spec-0007', receivedBy: 'hy-1a6c4e8d-spec-0009' }),
      expect.objectContaining({ fromStep: 2, fromAgencyId: LAND_OFFICE, toAgencyId: COMMUNE, sentBy: 'hy-1a6c4e8d-spec-0009', receivedBy: 'hy-7e2b9c5a-lead-0008' }),
    ]);
    const events = await owner.query(`SELECT type, data FROM processing.outbox WHERE data->>'dossierId' = $1 ORDER BY seq`, [dossierId]);
    expect(events.rows.filter((row: { type: string }) => row.type === 'dossier.transferred')).toHaveLength(2);
    expect(events.rows.find((row: { type: string }) => row.type === 'dossier.result-returned').data).toMatchObject({ channel: 'postal', deskId: COMMUNE_DESK });
  });

  it('a supplement pause moves the appointment by exactly the paused working time', async () => {
    const { dossierId } = await receivedAtCommune('1.013978', LAND_FEE_CASE);
    const before = (await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`)).body;
    const clock = platform.services.processing.app.get(ProcessingClock);
    const pausedAt = new Date(Date.parse(before.receivedAt) + 60_000);
    jest.spyOn(clock, 'now').mockReturnValue(pausedAt);
    const paused = await act('hy.commune.specialist', dossierId, { action: 'request_supplement', items: ['Sơ đồ thửa đất chưa có xác nhận'] });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', pausedReason: 'supplement', nationalStatus: 5 });
    expect((await act('hy.commune.specialist', dossierId, { action: 'complete' })).status).toBe(409);

    // Resumed a week later (calendar days): the working time in between is added.
    const resumedAt = new Date(pausedAt.getTime() + 7 * 86_400_000);
    jest.spyOn(clock, 'now').mockReturnValue(resumedAt);
    const resumed = await act('hy.commune.desk', dossierId, { action: 'resume', note: 'Đã bổ sung' });
    expect(resumed.status).toBe(200);
    const pausedMs = Number(resumed.body.pausedMs);
    expect(pausedMs).toBeGreaterThan(0);
    const calendar = nationalWorkingCalendar();
    expect(calendar.workingTimeBetween(pausedAt, resumedAt)).toBe(pausedMs);
    expect(calendar.workingTimeBetween(new Date(before.appointmentAt), new Date(resumed.body.appointmentAt))).toBe(pausedMs);
    expect(calendar.workingTimeBetween(new Date(before.deadlineAt), new Date(resumed.body.deadlineAt))).toBe(pausedMs);
    // The applicant's receipt view follows: the appointment moved, and the dossier is back in processing.
    const atIntake = await eventually(
      () => get('hy.commune.desk', `/v1/dossiers/${dossierId}/detail`),
      (res) => res.body.appointmentAt === resumed.body.appointmentAt,
    );
    expect(atIntake.body).toMatchObject({ appointmentAt: resumed.body.appointmentAt, dossier: { status: 'in_processing' } });
  });

  it('two officers acting at once on one task: one wins, one gets a clear conflict', async () => {
    const { dossierId } = await receivedAtCommune('1.001193');
    const seen = (await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`)).body;
    const [first, second] = await Promise.all([
      act('hy.commune.specialist', dossierId, { action: 'complete', expectedVersion: seen.version }),
      act('hy.commune.specialist', dossierId, { action: 'request_supplement', expectedVersion: seen.version, items: ['Thiếu bản sao'] }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    // (the loser's body is below)
    const loser = first.status === 409 ? first : second;
    expect(loser.body).toMatchObject({ code: 'WORKFLOW_VERSION_CONFLICT', type: expect.stringContaining('urn:motcua:problem') });
    const history = await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow/history`);
    expect(history.body.entries).toHaveLength(2);
  });

  it('two final approvals at once: one decides and signs, the other gets a clear conflict', async () => {
    const { dossierId } = await receivedAtCommune('1.001193');
    expect((await act('hy.commune.specialist', dossierId, { action: 'complete' })).status).toBe(200);
    const [first, second] = await Promise.all([act('hy.commune.leader', dossierId, { action: 'approve' }), act('hy.commune.leader', dossierId, { action: 'approve' })]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect((first.status === 409 ? first : second).body.code).toBe('WORKFLOW_VERSION_CONFLICT');
    const results = await owner.query(`SELECT count(*)::int AS n FROM processing.results WHERE dossier_id = $1`, [dossierId]);
    expect(results.rows[0].n).toBe(1);
  });

  it('marks a late dossier once, which gets its apology and a new appointment', async () => {
    const { dossierId } = await receivedAtCommune('1.001193');
    const before = (await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`)).body;
    const clock = platform.services.processing.app.get(ProcessingClock);
    const late = new Date(Date.parse(before.deadlineAt) + 3_600_000);
    jest.spyOn(clock, 'now').mockReturnValue(late);
    const marksOf = async () =>
      (await owner.query(`SELECT action FROM processing.workflow_actions WHERE dossier_id = $1 AND actor = 'system' ORDER BY seq`, [dossierId])).rows
        .map((row: { action: string }) => row.action)
        .sort();
    const marks = await eventually(marksOf, (actions) => actions.length >= 3);
    expect(marks).toEqual(['due_soon', 'overdue', 'step_overdue']);
    const overdue = (await get('hy.commune.specialist', `/v1/dossiers/${dossierId}/workflow`)).body;
    expect(overdue.overdue).toBe(true);
    const slipOf = async (accept: string) =>
      api
        .get(`/v1/dossiers/${dossierId}/apology-slip`)
        .set('Authorization', await as('hy.commune.specialist'))
        .set('X-Tenant-Id', TENANT)
        .set('Accept', accept)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
    // Late, but no apology yet: no slip, with a clear problem.
    const none = await slipOf('application/pdf');
    expect(none.status).toBe(404);
    expect(JSON.parse((none.body as Buffer).toString('utf8'))).toMatchObject({ code: 'WORKFLOW_APOLOGY_NOT_ISSUED', status: 404 });

    const newAppointment = new Date(late.getTime() + 3 * 86_400_000).toISOString();
    const apology = await act('hy.commune.leader', dossierId, { action: 'apologise', reason: 'Cần xác minh thêm thông tin', newAppointmentAt: newAppointment });
    expect(apology.status).toBe(200);
    expect(apology.body.appointmentAt).toBe(newAppointment);
    expect(apology.body.apology).toMatchObject({ agencyId: COMMUNE, previousAppointmentAt: before.appointmentAt });
    // The applicant sees the new appointment, and intake's history says why it moved.
    const atIntake = await eventually(
      () => get('hy.commune.desk', `/v1/dossiers/${dossierId}/detail`),
      (res) => res.body.appointmentAt === newAppointment,
    );
    expect(atIntake.body.appointmentAt).toBe(newAppointment);
    const intakeHistory = await get('hy.commune.desk', `/v1/dossiers/${dossierId}/actions`);
    expect(intakeHistory.body.actions).toContainEqual(expect.objectContaining({ action: 'appointment_moved', actorSubject: 'hy-7e2b9c5a-lead-0008' }));
    const again = await act('hy.commune.leader', dossierId, { action: 'apologise', reason: 'Lần nữa', newAppointmentAt: new Date(late.getTime() + 5 * 86_400_000).toISOString() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WORKFLOW_APOLOGY_ALREADY_ISSUED');
    const events = await owner.query(`SELECT type FROM processing.outbox WHERE data->>'dossierId' = $1 ORDER BY seq`, [dossierId]);
    expect(events.rows.map((row: { type: string }) => row.type)).toEqual(
      expect.arrayContaining(['dossier.deadline-approached', 'dossier.deadline-passed', 'dossier.step-deadline-passed', 'dossier.apology-issued']),
    );
    const timers = await owner.query(`SELECT kind FROM processing.timers WHERE dossier_id = $1`, [dossierId]);
    expect(timers.rows).toEqual([]);

    // The apology slip (form 04), printable as HTML and PDF: the code, the reason, the new appointment in Vietnam's date.
    const vietnamDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(newAppointment));
    const keyFacts = [
      'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
      `người nộp hồ sơ số ${before.code}`,
      'Cần xác minh thêm thông tin',
      `Ủy ban nhân dân xã Phù Cừ (${COMMUNE})`,
      `Thời gian hẹn trả kết quả mới`,
      `ngày ${vietnamDate}`,
    ];
    const html = await slipOf('text/html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = (html.body as Buffer).toString('utf8');
    for (const fact of keyFacts) expect(page).toContain(fact);
    expect(page).toMatch(new RegExp(`<tr><th scope="row">Thời gian hẹn trả kết quả mới</th><td>\\d{2} giờ \\d{2} phút, ngày ${vietnamDate}</td></tr>`));
    const pdf = await slipOf('application/pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="phieu-xin-loi-.+\.pdf"$/);
    const text = extractText(parsePdf(pdf.body as Buffer));
    for (const fact of keyFacts) expect(text).toContain(fact);
  });
});

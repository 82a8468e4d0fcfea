import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { Client } from 'pg';
import { CatalogueV1, GrpcServices, IntakeV1 } from '@motcua/contracts';
import { serviceDatabaseNames } from '@motcua/persistence';
import { createGrpcClient, GrpcClient, readRpcError, RpcErrorInfo } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { Clock } from '../src/dossier/application/clock';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(180_000);

/**
 * Intake's desk work over gRPC as real actors, with catalogue answering over gRPC (the whole
 * platform; the app role under forced row-level security; the outbox). Processing is stopped:
 * the walking skeleton's processing takes dossiers up on `dossier.submitted`, which would race
 * the desk's check here.
 */

const HY = 'hung-yen';
const TN = 'thai-nguyen';
const CENTRE = '000.00.01.H33';
const FINANCE = '000.00.17.H33';
const COMMUNE = '000.97.12.H33';
const BUSINESS = '2.000046';
const CERTIFY = '2.000815';

const hyAdmin: Actor = { subject: 'hy-admin-0001', roles: ['tenant_admin'] };
const citizen: Actor = { subject: `citizen-${randomUUID()}`, roles: ['citizen'] };
const otherCitizen: Actor = { subject: `citizen-${randomUUID()}`, roles: ['citizen'] };
const centreOfficer: Actor = { subject: 'hy-desk-centre', roles: ['desk_officer'], agencyId: CENTRE, deskIds: ['H33-TTPVHCC-Q01'] };
const financeOfficer: Actor = { subject: 'hy-desk-finance', roles: ['desk_officer'], agencyId: FINANCE, deskIds: ['H33-STC-01'] };
const communeOfficer: Actor = { subject: 'hy-desk-commune', roles: ['desk_officer'], agencyId: COMMUNE, deskIds: ['H33-NQ-01'] };
const tnOfficer: Actor = { subject: 'tn-desk', roles: ['desk_officer'], agencyId: FINANCE, deskIds: ['H33-STC-01'] };

const NAME = 'Trần Thị Bích Ngọc';
const CCCD = '033199004321';
const PHONE = '0987654321';
const EMAIL = 'ngoc.tran@example.vn';
const person: IntakeV1.Applicant = { fullName: NAME, citizenId: CCCD, kind: 'person', dateOfBirth: '1999-03-04', phone: PHONE, email: EMAIL, address: 'Thôn Như Quỳnh, Văn Lâm', unitCode: '12097' };
const components = [
  { componentCode: 'TK01', fileReference: 'file:tk01' },
  { componentCode: 'GCN', fileReference: 'file:gcn' },
];

const definition = (overrides: Partial<CatalogueV1.ProcedureDefinition>): CatalogueV1.ProcedureDefinition => ({
  name: 'Đăng ký thành lập doanh nghiệp tư nhân',
  field: 'Thành lập và hoạt động doanh nghiệp',
  level: 'province',
  competentAgencyId: FINANCE,
  implementingAgencyId: '',
  legalBasis: ['Luật Doanh nghiệp 2020'],
  components: [
    { code: 'TK01', name: 'Giấy đề nghị đăng ký', mandatory: true, form: 'original', count: 1, formTemplate: '', documentType: '' },
    { code: 'GCN', name: 'Bản sao giấy tờ pháp lý', mandatory: true, form: 'copy', count: 1, formTemplate: '', documentType: '' },
  ],
  processingTime: { unit: 'days', amount: 3 },
  fees: {
    variants: [],
    items: [{ code: 'LP', name: 'Lệ phí đăng ký doanh nghiệp', kind: 'charge', amount: '50000', unit: '', tiers: [], variantAmounts: [] }],
    exemptions: [],
    discounts: [{ code: 'online-50', name: 'Giảm 50% khi nộp trực tuyến', channels: ['online'], items: ['LP'], percent: 50 }],
  },
  results: [],
  onlineLevel: 'full',
  locationIndependent: false,
  postalIntake: true,
  postalReturn: true,
  internalProcess: [],
  onTheSpot: false,
  ...overrides,
});

describe('intake: channels, the desk check, codes and tracking over gRPC', () => {
  let platform: Platform;
  let intake: GrpcClient<IntakeV1.IntakeServiceClient>;
  let catalogue: GrpcClient<CatalogueV1.CatalogueServiceClient>;
  let owner: Client;
  let clock: Clock;
  let business: CatalogueV1.Procedure;
  let certify: CatalogueV1.Procedure;

  const as = <T>(tenantId: string, actor: Actor | undefined, call: (c: GrpcClient<IntakeV1.IntakeServiceClient>) => Promise<T>) =>
    runInTenant({ tenantId, traceId: newTraceId(), actor }, () => call(intake));
  const hy = <T>(actor: Actor | undefined, call: (c: GrpcClient<IntakeV1.IntakeServiceClient>) => Promise<T>) => as(HY, actor, call);
  const admin = <T>(call: (c: GrpcClient<CatalogueV1.CatalogueServiceClient>) => Promise<T>) =>
    runInTenant({ tenantId: HY, traceId: newTraceId(), actor: hyAdmin }, () => call(catalogue));
  async function failure(call: Promise<unknown>): Promise<RpcErrorInfo> {
    try {
      await call;
    } catch (error) {
      return readRpcError(error);
    }
    throw new Error('expected the call to fail');
  }
  const at = (iso: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(iso));

  const submitOnline = (extra: Partial<IntakeV1.SubmitDossierRequest> = {}, actor: Actor = citizen) =>
    hy(actor, (c) => c.submitDossier({ procedureId: business.id, applicant: person, components, channel: 'online', idempotencyKey: null, ...extra }));
  const submitAtDesk = (channel: 'desk' | 'postal', officer: Actor = centreOfficer, procedureId = business.id) =>
    hy(officer, (c) => c.submitAtDesk({ procedureId, applicant: person, components, channel, deskId: '', applicantSubject: citizen.subject, idempotencyKey: '' }));
  const receiveAs = (officer: Actor, dossierId: string) => hy(officer, (c) => c.receiveDossier({ dossierId, deskId: '', note: '', feeCase: null }));

  beforeAll(async () => {
    platform = await startPlatform();
    await platform.services.processing.stop();
    intake = createGrpcClient(GrpcServices.intake, String(platform.gatewayEnv.INTAKE_GRPC_URL), { deadlineMs: 30_000 });
    catalogue = createGrpcClient(GrpcServices.catalogue, String(platform.gatewayEnv.CATALOGUE_GRPC_URL), { deadlineMs: 30_000 });
    owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    clock = platform.services.intake.app.get(Clock);

    const units: CatalogueV1.AdministrativeUnit[] = [
      { code: '33', name: 'Tỉnh Hưng Yên', level: 'province', parentCode: '', validFrom: '1997-01-01', validTo: '' },
      { code: '12097', name: 'Xã Như Quỳnh', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: '' },
    ];
    for (const unit of units) await admin((c) => c.upsertAdministrativeUnit({ unit }));
    const agencies: CatalogueV1.Agency[] = [
      { id: CENTRE, name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'service_centre', unitCode: '33', parentId: '', validFrom: '2025-07-01', validTo: '' },
      { id: FINANCE, name: 'Sở Tài chính', kind: 'department', unitCode: '33', parentId: '', validFrom: '2025-03-01', validTo: '' },
      { id: COMMUNE, name: 'Ủy ban nhân dân xã Như Quỳnh', kind: 'people_committee', unitCode: '12097', parentId: '', validFrom: '2025-07-01', validTo: '' },
    ];
    for (const agency of agencies) await admin((c) => c.upsertAgency({ agency }));
    const desks: CatalogueV1.Desk[] = [
      { id: 'H33-TTPVHCC-Q01', name: 'Quầy 01', agencyId: CENTRE, unitCodes: ['33'], procedureCodes: [], levels: ['province'], active: true },
      { id: 'H33-STC-01', name: 'Bộ phận một cửa Sở Tài chính', agencyId: FINANCE, unitCodes: ['33'], procedureCodes: [], levels: ['province'], active: true },
      { id: 'H33-NQ-01', name: 'Bộ phận một cửa xã Như Quỳnh', agencyId: COMMUNE, unitCodes: ['12097'], procedureCodes: [], levels: ['commune'], active: true },
    ];
    for (const desk of desks) await admin((c) => c.upsertDesk({ desk }));
    const publication = { effectiveFrom: '2026-01-01', decision: { number: '13/QĐ-UBND', date: '2025-12-20' } };
    business = await admin((c) => c.createProcedure({ code: BUSINESS, name: '', processingDays: 0, components: [], agencyId: '', definition: definition({}), publication }));
    certify = await admin((c) =>
      c.createProcedure({
        code: CERTIFY,
        name: '',
        processingDays: 0,
        components: [],
        agencyId: '',
        definition: definition({ name: 'Cấp bản sao giấy chứng nhận', locationIndependent: true, processingTime: { unit: 'days', amount: 1 } }),
        publication,
      }),
    );
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    intake?.close();
    catalogue?.close();
    await owner?.end();
    await platform?.stop();
  });

  it('online: submitted, in the worklist oldest first, received with code, appointment, fees and routing', async () => {
    at('2026-11-23T02:00:00Z');
    const first = await submitOnline();
    at('2026-11-23T02:05:00Z');
    const second = await submitOnline({ applicant: { ...person, kind: 'organization', citizenId: '', dateOfBirth: '', taxCode: '0100109106', fullName: 'Công ty TNHH Hưng Phát' } });
    const detail = await hy(citizen, (c) => c.getDossierDetail({ id: first.id }));
    expect(detail).toMatchObject({ nationalStatus: 1, nationalChannel: 2, procedureVersionId: business.versionId, code: '', dossier: { status: 'submitted', agencyId: FINANCE } });

    const page1 = await hy(financeOfficer, (c) => c.listPendingChecks({ deskId: '', pageSize: 1, pageToken: '' }));
    expect(page1.items.map((i) => i.dossierId)).toEqual([first.id]);
    const page2 = await hy(financeOfficer, (c) => c.listPendingChecks({ deskId: '', pageSize: 1, pageToken: page1.nextPageToken }));
    expect(page2.items.map((i) => i.dossierId)).toEqual([second.id]);
    expect((await hy(centreOfficer, (c) => c.listPendingChecks({ deskId: '', pageSize: 10, pageToken: '' }))).items).toEqual([]);

    // Received Mon 23 Nov 2026 10:00 local: 3 working days → Thu 26 Nov 17:00.
    at('2026-11-23T03:00:00Z');
    const received = await receiveAs(financeOfficer, first.id);
    expect(received).toMatchObject({
      code: `${FINANCE}-261123-0001`,
      nationalStatus: 2,
      receivingAgencyId: FINANCE,
      receivingDeskId: 'H33-STC-01',
      appointmentAt: '2026-11-26T10:00:00.000Z',
      appointmentLocalDate: '2026-11-26',
      feesTotal: '25000',
      dossier: { status: 'received', agencyId: FINANCE },
    });
    expect(received.fees.map((f) => [f.type, f.amount])).toEqual([
      ['base', '50000'],
      ['discount', '-25000'],
    ]);
    const types = (await outbox(first.id)).map((e) => e.type);
    expect(types).toEqual(['dossier.submitted', 'dossier.received', 'dossier.routed', 'dossier.fees-assessed']);
    expect(await failure(receiveAs(financeOfficer, first.id))).toMatchObject({ status: status.FAILED_PRECONDITION, code: 'DOSSIER_TRANSITION_NOT_ALLOWED' });
    expect(await failure(receiveAs(centreOfficer, second.id))).toMatchObject({ status: status.PERMISSION_DENIED });
  });

  it('at the desk and by post: national channels 1 and 3, the receiving desk’s code, routed to the competent agency', async () => {
    at('2026-11-24T01:00:00Z');
    const desk = await submitAtDesk('desk');
    expect(desk).toMatchObject({ nationalChannel: 1, submissionDeskId: 'H33-TTPVHCC-Q01', dossier: { channel: 'desk', status: 'submitted' } });
    const postal = await submitAtDesk('postal');
    expect(postal.nationalChannel).toBe(3);

    at('2026-11-24T02:00:00Z');
    const received = await receiveAs(centreOfficer, desk.dossier?.id ?? '');
    expect(received).toMatchObject({ code: `${CENTRE}-261124-0001`, receivingAgencyId: CENTRE, feesTotal: '50000', dossier: { agencyId: FINANCE } });
    const routed = (await outbox(desk.dossier?.id ?? '')).find((e) => e.type === 'dossier.routed');
    expect(routed?.data).toMatchObject({ receivingAgencyId: CENTRE, competentAgencyId: FINANCE, locationIndependent: true });

    // The postal dossier counts from when the desk receives it (Wednesday), not from its entry.
    at('2026-11-25T08:00:00Z');
    const postalReceived = await receiveAs(centreOfficer, postal.dossier?.id ?? '');
    expect(postalReceived).toMatchObject({ code: `${CENTRE}-261125-0001`, receivedAt: '2026-11-25T08:00:00.000Z', dossier: { channel: 'postal' } });
    // An officer's own desks only.
    expect(await failure(hy(centreOfficer, (c) => c.submitAtDesk({ procedureId: business.id, applicant: person, components, channel: 'desk', deskId: 'H33-STC-01', applicantSubject: '', idempotencyKey: '' })))).toMatchObject({
      code: 'DESK_NOT_OWN',
    });
  });

  it('location-independent intake: a commune desk receives a provincial procedure when catalogue allows it', async () => {
    at('2026-11-24T03:00:00Z');
    const allowed = await submitAtDesk('desk', communeOfficer, certify.id);
    const received = await receiveAs(communeOfficer, allowed.dossier?.id ?? '');
    expect(received).toMatchObject({ code: `${COMMUNE}-261124-0001`, receivingAgencyId: COMMUNE, dossier: { agencyId: FINANCE } });
    const refused = await submitAtDesk('desk', communeOfficer, business.id);
    expect(await failure(receiveAs(communeOfficer, refused.dossier?.id ?? ''))).toMatchObject({ status: status.FAILED_PRECONDITION, code: 'DESK_CANNOT_RECEIVE' });
  });

  it('one supplement request listing everything, the same dossier resubmitted, then received; refusal needs reasons', async () => {
    at('2026-11-24T04:00:00Z');
    const dossier = await submitOnline();
    const items = [
      { componentCode: 'GCN', reason: 'Bản sao không có chứng thực' },
      { componentCode: 'TK01', reason: 'Thiếu chữ ký của chủ doanh nghiệp' },
    ];
    at('2026-11-24T04:10:00Z');
    const asked = await hy(financeOfficer, (c) => c.requestSupplement({ dossierId: dossier.id, deskId: '', items }));
    expect(asked).toMatchObject({ nationalStatus: 5, supplementRequests: 1, code: '', appointmentAt: '', dossier: { status: 'supplement_requested' } });
    expect(await failure(hy(financeOfficer, (c) => c.requestSupplement({ dossierId: dossier.id, deskId: '', items })))).toMatchObject({ status: status.FAILED_PRECONDITION });
    expect(await failure(hy(otherCitizen, (c) => c.resubmitDossier({ dossierId: dossier.id, components })))).toMatchObject({ status: status.PERMISSION_DENIED });
    at('2026-11-25T01:00:00Z');
    const again = await hy(citizen, (c) => c.resubmitDossier({ dossierId: dossier.id, components: [...components].reverse() }));
    expect(again).toMatchObject({ nationalStatus: 1, dossier: { id: dossier.id, status: 'resubmitted' } });
    expect(await failure(hy(financeOfficer, (c) => c.requestSupplement({ dossierId: dossier.id, deskId: '', items })))).toMatchObject({ code: 'DOSSIER_TRANSITION_NOT_ALLOWED' });
    at('2026-11-25T02:00:00Z');
    const received = await receiveAs(financeOfficer, dossier.id);
    expect(received.dossier?.status).toBe('received');

    const actions = await hy(financeOfficer, (c) => c.listDossierActions({ dossierId: dossier.id }));
    expect(actions.actions.map((a) => [a.action, a.actorSubject])).toEqual([
      ['submitted', citizen.subject],
      ['supplement_requested', financeOfficer.subject],
      ['resubmitted', citizen.subject],
      ['received', financeOfficer.subject],
    ]);
    expect(JSON.parse(actions.actions[1].detailsJson)).toEqual({ items });

    const other = await submitOnline();
    expect(await failure(hy(financeOfficer, (c) => c.refuseDossier({ dossierId: other.id, deskId: '', reasons: [] })))).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'DOSSIER_DECISION_INVALID' });
    const refused = await hy(financeOfficer, (c) => c.refuseDossier({ dossierId: other.id, deskId: '', reasons: ['Ngành nghề kinh doanh bị cấm'] }));
    expect(refused).toMatchObject({ nationalStatus: 3, dossier: { status: 'refused' } });
    expect(await failure(hy(citizen, (c) => c.withdrawDossier({ dossierId: other.id, reason: '' })))).toMatchObject({ status: status.FAILED_PRECONDITION });
  });

  it('keeps the action log append-only for the app role', async () => {
    const app = new Client({ connectionString: platform.database.urlAs(serviceDatabaseNames('intake').appRole) });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [HY]);
      expect(Number((await app.query('SELECT count(*) AS n FROM intake.dossier_actions')).rows[0].n)).toBeGreaterThan(0);
      await expect(app.query(`UPDATE intake.dossier_actions SET actor_subject = 'someone-else'`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [HY]);
      await expect(app.query('DELETE FROM intake.dossier_actions')).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  it('the applicant withdraws before a result; nobody else can', async () => {
    at('2026-11-24T05:00:00Z');
    const dossier = await submitOnline();
    await receiveAs(financeOfficer, dossier.id);
    expect(await failure(hy(otherCitizen, (c) => c.withdrawDossier({ dossierId: dossier.id, reason: '' })))).toMatchObject({ status: status.PERMISSION_DENIED });
    const withdrawn = await hy(citizen, (c) => c.withdrawDossier({ dossierId: dossier.id, reason: 'Không còn nhu cầu' }));
    expect(withdrawn).toMatchObject({ nationalStatus: 7, dossier: { status: 'withdrawn' } });
    expect((await outbox(dossier.id)).map((e) => e.type).at(-1)).toBe('dossier.withdrawn');
  });

  it('gives 20 concurrent receipts at one agency the codes 0001..0020; a rolled-back receipt leaves no gap', async () => {
    at('2026-11-27T01:00:00Z');
    const dossiers = [];
    for (let i = 0; i < 20; i++) dossiers.push(await submitAtDesk('desk'));
    const received = await Promise.all(dossiers.map((d) => receiveAs(centreOfficer, d.dossier?.id ?? '')));
    const codes = received.map((r) => r.code).sort();
    expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => `${CENTRE}-261127-${String(i + 1).padStart(4, '0')}`));

    // A receipt whose transaction rolls back (here: by hand, as the app role) gives its number back.
    const app = new Client({ connectionString: platform.database.urlAs(serviceDatabaseNames('intake').appRole) });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [HY]);
      const taken = await app.query(
        `UPDATE intake.dossier_code_counters SET last_sequence = last_sequence + 1 WHERE tenant_id = $1 AND format = 'agency-day' AND agency_code = $2 AND day = '2026-11-27' RETURNING last_sequence`,
        [HY, CENTRE],
      );
      expect(taken.rows).toEqual([{ last_sequence: 21 }]);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    const next = await submitAtDesk('desk');
    expect((await receiveAs(centreOfficer, next.dossier?.id ?? '')).code).toBe(`${CENTRE}-261127-0021`);
  });

  it('takes the Circular 04/2025 format when the procedure is set to it (data)', async () => {
    await owner.query(`INSERT INTO intake.dossier_code_formats (tenant_id, procedure_code, format, system_digits) VALUES ($1, $2, 'tt04-2025', '07')`, [HY, CERTIFY]);
    at('2026-11-27T02:00:00Z');
    const dossier = await submitAtDesk('desk', centreOfficer, certify.id);
    expect((await receiveAs(centreOfficer, dossier.dossier?.id ?? '')).code).toBe(`${FINANCE}-261127-070001`);
  });

  it('appoints across a weekend and across Tết 2026 on the tenant calendar', async () => {
    // Fri 20 Nov 2026 09:00 local + 3 working days → Wed 25 Nov 17:00.
    at('2026-11-20T02:00:00Z');
    const weekend = await submitAtDesk('desk');
    expect(await receiveAs(centreOfficer, weekend.dossier?.id ?? '')).toMatchObject({ appointmentAt: '2026-11-25T10:00:00.000Z', appointmentLocalDate: '2026-11-25' });
    // Fri 13 Feb 2026 10:00 local + 3 working days: weekend, Tết 16–20 Feb, weekend → Wed 25 Feb 17:00.
    at('2026-02-13T03:00:00Z');
    const tet = await submitAtDesk('desk');
    expect(await receiveAs(centreOfficer, tet.dossier?.id ?? '')).toMatchObject({ code: `${CENTRE}-260213-0001`, appointmentAt: '2026-02-25T10:00:00.000Z', appointmentLocalDate: '2026-02-25' });
  });

  it('returns the first dossier for a retried submission, also under concurrent retries', async () => {
    at('2026-11-25T01:00:00Z');
    const key = `retry-${randomUUID()}`;
    const attempts = await Promise.all(Array.from({ length: 6 }, () => submitOnline({ idempotencyKey: key })));
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1);
    const later = await submitOnline({ idempotencyKey: key });
    expect(later.id).toBe(attempts[0].id);
    const rows = await owner.query(`SELECT count(*)::int AS n FROM intake.submission_keys WHERE idempotency_key = $1`, [key]);
    expect(rows.rows).toEqual([{ n: 1 }]);
    expect(await failure(submitOnline({ idempotencyKey: key, applicant: { ...person, phone: '0911111111' } }))).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // Another submitter's key is theirs.
    expect((await submitOnline({ idempotencyKey: key }, otherCitizen)).id).not.toBe(attempts[0].id);
  });

  it('tracks a dossier by code and a secret without signing in, and hides it from another tenant', async () => {
    at('2026-11-25T02:00:00Z');
    const dossier = await submitOnline();
    const { code } = await receiveAs(financeOfficer, dossier.id);
    expect(await hy(undefined, (c) => c.trackDossier({ code, secret: PHONE.slice(-4) }))).toMatchObject({ code, status: 'received', nationalStatus: 2 });
    expect(await hy(undefined, (c) => c.trackDossier({ code, secret: CCCD.slice(-4) }))).toMatchObject({ code });
    expect(await failure(hy(undefined, (c) => c.trackDossier({ code, secret: '0000' })))).toMatchObject({ status: status.NOT_FOUND });
    expect(await failure(as(TN, undefined, (c) => c.trackDossier({ code, secret: PHONE.slice(-4) })))).toMatchObject({ status: status.NOT_FOUND });
    expect(await failure(as(TN, tnOfficer, (c) => c.getDossier({ id: dossier.id })))).toMatchObject({ status: status.NOT_FOUND });
    expect((await as(TN, tnOfficer, (c) => c.listPendingChecks({ deskId: '', pageSize: 100, pageToken: '' }))).items).toEqual([]);
    expect(await failure(hy(undefined, (c) => c.getDossier({ id: dossier.id })))).toMatchObject({ status: status.UNAUTHENTICATED });
  });

  it('publishes no personal data: no name, CCCD, phone or e-mail in any outbox row', async () => {
    const rows = await owner.query<{ type: string; text: string }>(`SELECT type, data::text AS text FROM intake.outbox`);
    expect(new Set(rows.rows.map((r) => r.type))).toEqual(
      new Set(['dossier.submitted', 'dossier.received', 'dossier.routed', 'dossier.fees-assessed', 'dossier.supplement-requested', 'dossier.resubmitted', 'dossier.refused', 'dossier.withdrawn']),
    );
    const leaks = rows.rows.filter((r) => [NAME, CCCD, PHONE, EMAIL, '0100109106', 'Hưng Phát'].some((value) => r.text.includes(value)));
    expect(leaks).toEqual([]);
  });

  async function outbox(dossierId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
    return (await owner.query(`SELECT type, data FROM intake.outbox WHERE message_key = $1 ORDER BY seq`, [dossierId])).rows;
  }
});

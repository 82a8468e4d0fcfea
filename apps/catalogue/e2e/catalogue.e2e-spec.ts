import { status } from '@grpc/grpc-js';
import { Client } from 'pg';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { serviceDatabaseNames } from '@motcua/persistence';
import { RunningService } from '@motcua/platform';
import { createGrpcClient, GrpcClient, readRpcError, RpcErrorInfo } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { createTestDatabase, freePort, KafkaBrokers, resolveKafkaBrokers, TestDatabase } from '@motcua/testing';
import { loadCatalogueConfig } from '../src/config/catalogue.config';
import { startCatalogue } from '../src/main';
import { GrpcProcedureCatalogue } from '../../intake/src/dossier/adapters/procedure-catalogue.grpc';

jest.setTimeout(60_000);

/**
 * The catalogue service on its own, through gRPC the way intake and the gateway call it: a
 * fresh copy of the migrated database (the service connects as its app role, so forced
 * row-level security applies), the Kafka mock behind the outbox relay.
 */

const HY = 'hung-yen';
const TN = 'thai-nguyen';
const hyAdmin: Actor = { subject: 'hy-admin-0001', roles: ['tenant_admin'] };
const tnAdmin: Actor = { subject: 'tn-admin-0001', roles: ['tenant_admin'] };
const citizen: Actor = { subject: 'citizen-0001', roles: ['citizen'] };
const deskOfficer: Actor = { subject: 'hy-desk-0001', roles: ['desk_officer'], agencyId: '000.00.01.H33', deskIds: ['H33-TTPVHCC-Q01'] };

const BIRTH = '1.001193';
const CERTIFICATION = '2.000815';
const BUSINESS = '2.000046';

/** Birth registration, decided by the People's Committee of the applicant's commune. */
const birthRegistration = (days: number): CatalogueV1.ProcedureDefinition => ({
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  competentAgencyId: '',
  implementingAgencyId: '',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định số 123/2015/NĐ-CP'],
  components: [
    { code: 'TK01', name: 'Tờ khai đăng ký khai sinh', mandatory: true, form: 'original', count: 1, formTemplate: 'Mẫu TT04/2020/TT-BTP', documentType: '' },
    { code: 'GCS', name: 'Giấy chứng sinh', mandatory: true, form: 'original', count: 1, formTemplate: '', documentType: 'giay-chung-sinh' },
  ],
  processingTime: { unit: 'days', amount: days },
  fees: {
    variants: [{ code: 'late', name: 'Đăng ký quá hạn' }],
    items: [
      { code: 'LP', name: 'Lệ phí đăng ký khai sinh', kind: 'charge', amount: '8000', unit: '', tiers: [], variantAmounts: [{ variant: 'late', amount: '10000' }] },
      { code: 'TL', name: 'Phí cấp bản sao trích lục', kind: 'fee', amount: '8000', unit: 'bản', tiers: [], variantAmounts: [] },
    ],
    exemptions: [{ code: 'poor', name: 'Hộ nghèo', attributes: ['poor-household'], items: ['LP'], percent: 100 }],
    discounts: [{ code: 'online-50', name: 'Giảm 50% khi nộp trực tuyến', channels: ['online'], items: ['LP'], percent: 50 }],
  },
  results: [{ code: 'GKS', name: 'Giấy khai sinh', documentType: 'giay-khai-sinh' }],
  onlineLevel: 'full',
  locationIndependent: false,
  postalIntake: true,
  postalReturn: true,
  internalProcess: [
    { name: 'Tiếp nhận hồ sơ', role: 'desk_officer', agencyId: '', share: 0.1, handsOver: false },
    { name: 'Thẩm định', role: 'specialist', agencyId: '', share: 0.6, handsOver: false },
    { name: 'Ký giấy khai sinh', role: 'leader', agencyId: '', share: 0.3, handsOver: false },
  ],
  onTheSpot: false,
});

/** Certification of copies, in working hours, location-independent. */
const certification: CatalogueV1.ProcedureDefinition = {
  ...birthRegistration(0),
  name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
  field: 'Chứng thực',
  processingTime: { unit: 'hours', amount: 4 },
  locationIndependent: true,
  components: [{ code: 'BC', name: 'Bản chính giấy tờ', mandatory: true, form: 'original', count: 1, formTemplate: '', documentType: '' }],
  fees: {
    variants: [],
    items: [{ code: 'CT', name: 'Phí chứng thực bản sao', kind: 'fee', amount: '2000', unit: 'trang', tiers: [{ fromUnit: 3, amount: '1000' }], cap: '200000', variantAmounts: [] }],
    exemptions: [],
    discounts: [],
  },
  results: [],
  internalProcess: [],
};

/** Business registration at the provincial Department of Finance (a named competent agency). */
const businessRegistration: CatalogueV1.ProcedureDefinition = {
  ...birthRegistration(3),
  name: 'Đăng ký thành lập doanh nghiệp tư nhân',
  field: 'Thành lập và hoạt động doanh nghiệp',
  level: 'province',
  competentAgencyId: '000.00.17.H33',
  fees: { variants: [], items: [{ code: 'LP', name: 'Lệ phí đăng ký doanh nghiệp', kind: 'charge', amount: '50000', unit: '', tiers: [], variantAmounts: [] }], exemptions: [], discounts: [] },
  internalProcess: [
    { name: 'Tiếp nhận', role: 'desk_officer', agencyId: '000.00.01.H33', share: 0.125, handsOver: true },
    { name: 'Thụ lý', role: 'specialist', agencyId: '000.00.17.H33', share: 0.625, handsOver: false },
    { name: 'Phê duyệt', role: 'leader', agencyId: '000.00.17.H33', share: 0.25, handsOver: true },
  ],
};

describe('the catalogue over gRPC (PostgreSQL with forced row-level security, outbox)', () => {
  let database: TestDatabase;
  let kafka: KafkaBrokers;
  let service: RunningService;
  let url: string;
  let client: GrpcClient<CatalogueV1.CatalogueServiceClient>;

  const as = <T>(tenantId: string, actor: Actor | undefined, call: () => Promise<T>): Promise<T> => runInTenant({ tenantId, traceId: newTraceId(), actor }, call);
  const hy = <T>(call: (c: GrpcClient<CatalogueV1.CatalogueServiceClient>) => Promise<T>, actor: Actor = hyAdmin) => as(HY, actor, () => call(client));
  const tn = <T>(call: (c: GrpcClient<CatalogueV1.CatalogueServiceClient>) => Promise<T>, actor: Actor = tnAdmin) => as(TN, actor, () => call(client));

  async function failure(call: Promise<unknown>): Promise<RpcErrorInfo> {
    try {
      await call;
    } catch (error) {
      return readRpcError(error);
    }
    throw new Error('expected the call to fail');
  }

  const fields = (info: RpcErrorInfo) => ((info.details.errors as { field: string }[] | undefined) ?? []).map((e) => e.field);

  async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const pg = new Client({ connectionString: database.ownerUrl });
    await pg.connect();
    try {
      return (await pg.query(text, values)).rows as T[];
    } finally {
      await pg.end();
    }
  }

  /** The events written to the outbox for a subject, oldest first. */
  const events = (subject: string) =>
    sql<{ tenant_id: string; type: string; message_key: string; data: Record<string, unknown> }>(
      `SELECT tenant_id, type, message_key, data FROM catalogue.outbox WHERE message_key = $1 ORDER BY seq`,
      [subject],
    );

  let birth: CatalogueV1.Procedure;
  let business: CatalogueV1.Procedure;
  let certify: CatalogueV1.Procedure;

  beforeAll(async () => {
    database = await createTestDatabase();
    kafka = await resolveKafkaBrokers();
    url = `127.0.0.1:${await freePort()}`;
    const roles = serviceDatabaseNames('catalogue');
    service = await startCatalogue(
      loadCatalogueConfig({
        DATABASE_URL: database.urlAs(roles.appRole),
        OUTBOX_RELAY_DATABASE_URL: database.urlAs(roles.relayRole),
        KAFKA_BROKERS: kafka.brokers.join(','),
        KAFKA_MAX_WAIT_MS: '50',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        KAFKA_HEARTBEAT_MS: '500',
        GRPC_URL: url,
        HTTP_PORT: '0',
        LOG_LEVEL: process.env.MOTCUA_TEST_LOG_LEVEL ?? 'silent',
        SHUTDOWN_GRACE_MS: '1000',
      }),
    );
    client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 10_000 });

    // Hưng Yên's structure: the province, a legacy district, two communes, agencies and desks.
    const units: CatalogueV1.AdministrativeUnit[] = [
      { code: '33', name: 'Tỉnh Hưng Yên', level: 'province', parentCode: '', validFrom: '1997-01-01', validTo: '' },
      { code: '323', name: 'Huyện Văn Lâm', level: 'district', parentCode: '33', validFrom: '1999-01-01', validTo: '2025-07-01' },
      { code: '12097', name: 'Xã Như Quỳnh', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: '' },
      { code: '12100', name: 'Xã Lạc Đạo', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: '' },
    ];
    for (const unit of units) await hy((c) => c.upsertAdministrativeUnit({ unit }));
    const agencies: CatalogueV1.Agency[] = [
      { id: '000.00.01.H33', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'service_centre', unitCode: '33', parentId: '', validFrom: '2025-07-01', validTo: '' },
      { id: '000.00.17.H33', name: 'Sở Tài chính', kind: 'department', unitCode: '33', parentId: '', validFrom: '2025-03-01', validTo: '' },
      { id: '000.97.12.H33', name: 'Ủy ban nhân dân xã Như Quỳnh', kind: 'people_committee', unitCode: '12097', parentId: '', validFrom: '2025-07-01', validTo: '' },
    ];
    for (const agency of agencies) await hy((c) => c.upsertAgency({ agency }));
    const desks: CatalogueV1.Desk[] = [
      { id: 'H33-TTPVHCC-Q01', name: 'Quầy 01', agencyId: '000.00.01.H33', unitCodes: ['33'], procedureCodes: [], levels: ['province'], active: true },
      { id: 'H33-NQ-01', name: 'Bộ phận một cửa xã Như Quỳnh', agencyId: '000.97.12.H33', unitCodes: ['12097'], procedureCodes: [BIRTH], levels: [], active: true },
      { id: 'H33-OLD-01', name: 'Quầy cũ', agencyId: '000.00.01.H33', unitCodes: ['33'], procedureCodes: [BIRTH], levels: ['province'], active: false },
    ];
    for (const desk of desks) await hy((c) => c.upsertDesk({ desk }));

    birth = await hy((c) =>
      c.createProcedure({
        code: BIRTH,
        name: '',
        processingDays: 0,
        components: [],
        agencyId: '',
        definition: birthRegistration(1),
        publication: { effectiveFrom: '2026-01-01', decision: { number: '12/QĐ-UBND', date: '2025-12-20' } },
      }),
    );
    business = await hy((c) =>
      c.createProcedure({ code: BUSINESS, name: '', processingDays: 0, components: [], agencyId: '', definition: businessRegistration, publication: { effectiveFrom: '2026-01-01', decision: { number: '13/QĐ-UBND', date: '2025-12-20' } } }),
    );
    certify = await hy((c) => c.createProcedure({ code: CERTIFICATION, name: '', processingDays: 0, components: [], agencyId: '', definition: certification, publication: { effectiveFrom: '2026-01-01', decision: { number: '14/QĐ-UBND', date: '2025-12-20' } } }));
  });

  afterAll(async () => {
    client?.close();
    await service?.stop();
    await kafka?.stop();
    await database?.drop();
  });

  describe('procedures', () => {
    it('publishes version 1 with everything a procedure says', () => {
      expect(birth).toMatchObject({
        code: BIRTH,
        name: 'Đăng ký khai sinh',
        version: 1,
        processingDays: 1,
        agencyId: '',
        effectiveFrom: '2025-12-31T17:00:00.000Z',
        effectiveTo: '',
        decision: { number: '12/QĐ-UBND', date: '2025-12-20' },
        publishedBy: 'hy-admin-0001',
        definition: birthRegistration(1),
      });
      expect(birth.versionId).not.toBe(birth.id);
      expect(business.definition?.internalProcess.map((s) => [s.role, s.agencyId, s.share, s.handsOver])).toEqual([
        ['desk_officer', '000.00.01.H33', 0.125, true],
        ['specialist', '000.00.17.H33', 0.625, false],
        ['leader', '000.00.17.H33', 0.25, true],
      ]);
      expect(certify.definition?.fees?.items[0]).toMatchObject({ code: 'CT', name: 'Phí chứng thực bản sao', kind: 'fee', amount: '2000', unit: 'trang', tiers: [{ fromUnit: 3, amount: '1000' }], cap: '200000', variantAmounts: [] });
    });

    it('writes procedure.published to the outbox, keyed by the procedure', async () => {
      expect(await events(birth.id)).toEqual([
        {
          tenant_id: HY,
          type: 'procedure.published',
          message_key: birth.id,
          data: expect.objectContaining({ procedureId: birth.id, versionId: birth.versionId, code: BIRTH, version: 1, level: 'commune', agencyId: null, publishedBy: 'hy-admin-0001' }),
        },
      ]);
    });

    it('keeps the short form of the walking skeleton, and intake’s adapter reads what it needs', async () => {
      const short = await hy((c) =>
        c.createProcedure({ code: '1.000894', name: 'Đăng ký kết hôn', processingDays: 3, agencyId: '000.00.99.H33', components: [{ code: 'TK', name: 'Tờ khai đăng ký kết hôn', mandatory: true }] }),
      );
      expect(short).toMatchObject({ version: 1, processingDays: 3, agencyId: '000.00.99.H33', components: [{ code: 'TK', mandatory: true, form: 'original', count: 1 }] });
      expect(short.definition).toMatchObject({ field: '', level: '', onlineLevel: 'partial', processingTime: { unit: 'days', amount: 3 } });
      const adapter = new GrpcProcedureCatalogue(url, 5_000);
      try {
        expect(await as(HY, citizen, () => adapter.find(short.id))).toEqual({ id: short.id, versionId: short.versionId, code: '1.000894', agencyId: '000.00.99.H33', components: [{ code: 'TK', mandatory: true }] });
        expect(await as(HY, citizen, () => adapter.find('0190f3a2-7c4e-7b1a-8d2e-000000000000'))).toBeNull();
      } finally {
        adapter.onApplicationShutdown();
      }
    });

    it('refuses an invalid procedure with every field error at once', async () => {
      const info = await failure(
        hy((c) =>
          c.createProcedure({
            code: '1.23',
            name: '',
            processingDays: 0,
            components: [],
            agencyId: '',
            definition: {
              ...birthRegistration(1),
              level: 'national',
              processingTime: { unit: 'weeks', amount: 1 },
              fees: { variants: [], items: [{ code: 'LP', name: 'Lệ phí', kind: 'charge', amount: '-5', unit: '', tiers: [], variantAmounts: [] }], exemptions: [], discounts: [] },
              internalProcess: [{ name: 'Thẩm định', role: 'specialist', agencyId: '', share: 0.5, handsOver: false }],
            },
            publication: { effectiveFrom: 'yesterday', decision: null },
          }),
        ),
      );
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'PROCEDURE_INVALID' });
      expect(fields(info)).toEqual([
        'code',
        'definition.level',
        'definition.competentAgencyId',
        'definition.processingTime.unit',
        'definition.fees.items[0].amount',
        'definition.internalProcess',
        'publication.effectiveFrom',
      ]);
      expect(await sql(`SELECT 1 FROM catalogue.procedures WHERE code = '1.23'`)).toEqual([]);
    });

    it('refuses a second procedure with the same code in the tenant', async () => {
      const info = await failure(hy((c) => c.createProcedure({ code: BIRTH, name: 'Đăng ký khai sinh', processingDays: 1, agencyId: '000.00.17.H33', components: [] })));
      expect(info).toMatchObject({ status: status.ALREADY_EXISTS, code: 'PROCEDURE_EXISTS' });
    });

    it('lets a tenant admin publish and everyone allowed by the policy read', async () => {
      const create = (actor?: Actor) => as(HY, actor, () => client.createProcedure({ code: '1.000001', name: 'Thủ tục thử', processingDays: 1, agencyId: '000.00.17.H33', components: [] }));
      expect(await failure(create(citizen))).toMatchObject({ status: status.PERMISSION_DENIED });
      expect(await failure(create(deskOfficer))).toMatchObject({ status: status.PERMISSION_DENIED });
      expect(await failure(create(undefined))).toMatchObject({ status: status.UNAUTHENTICATED });
      // A citizen sending nonsense is refused before the input is looked at.
      expect(await failure(as(HY, citizen, () => client.createProcedure({ code: 'x', name: '', processingDays: -1, agencyId: '', components: [] })))).toMatchObject({
        status: status.PERMISSION_DENIED,
      });
      expect((await hy((c) => c.getProcedure({ code: BIRTH }), citizen)).id).toBe(birth.id);
      expect((await hy((c) => c.getProcedure({ code: BIRTH }), deskOfficer)).id).toBe(birth.id);
      expect(await failure(hy((c) => c.upsertAgency({ agency: { id: '000.00.05.H33', name: 'Sở X', kind: 'department', unitCode: '33', parentId: '', validFrom: '2025-01-01', validTo: '' } }), deskOfficer))).toMatchObject({
        status: status.PERMISSION_DENIED,
      });
    });
  });

  describe('versions', () => {
    let v2: CatalogueV1.Procedure;

    beforeAll(async () => {
      v2 = await hy((c) =>
        c.amendProcedure({
          code: BIRTH,
          definition: {
            ...birthRegistration(3),
            components: [...birthRegistration(3).components, { code: 'CCCD', name: 'Căn cước của cha hoặc mẹ', mandatory: false, form: 'copy', count: 1, formTemplate: '', documentType: 'cccd' }],
          },
          publication: { effectiveFrom: '2026-03-01', decision: { number: '99/QĐ-UBND', date: '2026-02-20' } },
        }),
      );
    });

    it('publishes version 2 from its effective date and ends version 1 then', async () => {
      expect(v2).toMatchObject({ id: birth.id, version: 2, effectiveFrom: '2026-02-28T17:00:00.000Z', effectiveTo: '', decision: { number: '99/QĐ-UBND', date: '2026-02-20' }, processingDays: 3 });
      const v1 = await hy((c) => c.getProcedure({ versionId: birth.versionId }));
      expect(v1).toMatchObject({ version: 1, effectiveTo: '2026-02-28T17:00:00.000Z', endedBy: 'superseded', processingDays: 1, definition: birthRegistration(1) });
      expect((await events(birth.id)).map((e) => [e.type, e.data.version, e.data.supersedesVersionId])).toEqual([
        ['procedure.published', 1, undefined],
        ['procedure.amended', 2, birth.versionId],
      ]);
    });

    it('reads the version in force now by default, and the one in force at a past date with asOf', async () => {
      expect((await hy((c) => c.getProcedure({ code: BIRTH }), citizen)).versionId).toBe(v2.versionId);
      expect((await hy((c) => c.getProcedure({ id: birth.id, asOf: '2026-02-15T10:00:00+07:00' }), citizen)).versionId).toBe(birth.versionId);
      expect((await hy((c) => c.getProcedure({ code: BIRTH, asOf: '2026-02-28T23:59:59+07:00' }))).version).toBe(1);
      expect((await hy((c) => c.getProcedure({ code: BIRTH, asOf: '2026-03-01T00:00:00+07:00' }))).version).toBe(2);
      expect(await failure(hy((c) => c.getProcedure({ code: BIRTH, asOf: '2025-12-31T23:00:00+07:00' })))).toMatchObject({ status: status.NOT_FOUND, code: 'PROCEDURE_NOT_IN_FORCE' });
      const components = await hy((c) => c.listRequiredComponents({ procedure: { code: BIRTH, asOf: '2026-02-15T10:00:00+07:00' } }));
      expect(components).toMatchObject({ versionId: birth.versionId });
      expect(components.components.map((x) => x.code)).toEqual(['TK01', 'GCS']);
      expect((await hy((c) => c.listRequiredComponents({ procedure: { code: BIRTH, asOf: '' } }))).components.map((x) => x.code)).toEqual(['TK01', 'GCS', 'CCCD']);
    });

    it('schedules a version for a future date without changing what is in force now', async () => {
      const v3 = await hy((c) =>
        c.amendProcedure({ id: birth.id, definition: birthRegistration(2), publication: { effectiveFrom: '2027-01-01T00:00:00+07:00', decision: { number: '150/QĐ-UBND', date: '2026-11-20' } } }),
      );
      expect((await hy((c) => c.getProcedure({ code: BIRTH }))).version).toBe(2);
      expect((await hy((c) => c.getProcedure({ code: BIRTH, asOf: '2027-01-02T08:00:00+07:00' }))).versionId).toBe(v3.versionId);
      const versions = await hy((c) => c.listProcedureVersions({ code: BIRTH }));
      expect(versions.versions.map((v) => [v.version, v.effectiveFrom, v.effectiveTo, v.endedBy])).toEqual([
        [1, '2025-12-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z', 'superseded'],
        [2, '2026-02-28T17:00:00.000Z', '2026-12-31T17:00:00.000Z', 'superseded'],
        [3, '2026-12-31T17:00:00.000Z', '', ''],
      ]);
    });

    it('refuses a version that does not start after the latest, or comes without a decision', async () => {
      expect(await failure(hy((c) => c.amendProcedure({ code: BIRTH, definition: birthRegistration(5), publication: { effectiveFrom: '2026-06-01', decision: { number: '1/QĐ', date: '2026-05-01' } } })))).toMatchObject({
        status: status.FAILED_PRECONDITION,
        code: 'PROCEDURE_VERSION_CONFLICT',
      });
      const missing = await failure(hy((c) => c.amendProcedure({ code: BIRTH, definition: birthRegistration(5), publication: { effectiveFrom: '2027-06-01', decision: null } })));
      expect(missing).toMatchObject({ status: status.INVALID_ARGUMENT });
      expect(fields(missing)).toEqual(['publication.decision']);
      expect(await failure(hy((c) => c.amendProcedure({ code: '9.999999', definition: birthRegistration(5), publication: { effectiveFrom: '2027-06-01', decision: { number: '1', date: '2027-01-01' } } })))).toMatchObject({
        status: status.NOT_FOUND,
      });
    });

    it('keeps versions immutable in the database itself: only an open version’s end may be set, and nothing deleted', async () => {
      const pg = new Client({ connectionString: database.urlAs(serviceDatabaseNames('catalogue').appRole) });
      await pg.connect();
      const inTenant = async (statement: string, values: unknown[]) => {
        await pg.query('BEGIN');
        try {
          await pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [HY]);
          return await pg.query(statement, values);
        } finally {
          await pg.query('ROLLBACK');
        }
      };
      try {
        await expect(inTenant(`UPDATE catalogue.procedure_versions SET name = 'Khác' WHERE id = $1`, [v2.versionId])).rejects.toThrow(/permission denied/);
        await expect(inTenant(`UPDATE catalogue.procedure_versions SET effective_to = now() + interval '1 day', ended_by = 'withdrawn' WHERE id = $1`, [birth.versionId])).rejects.toThrow(
          /already ended/,
        );
        await expect(inTenant(`UPDATE catalogue.procedure_versions SET on_the_spot = true WHERE id = $1`, [v2.versionId])).rejects.toThrow(/permission denied/);
        await expect(inTenant(`DELETE FROM catalogue.procedure_versions WHERE id = $1`, [birth.versionId])).rejects.toThrow(/permission denied/);
        await expect(inTenant(`DELETE FROM catalogue.procedures WHERE id = $1`, [birth.id])).rejects.toThrow(/permission denied/);
      } finally {
        await pg.end();
      }
    });
  });

  describe('on the spot (4 tại chỗ)', () => {
    let flagged: CatalogueV1.Procedure;
    const publication = { effectiveFrom: '2026-06-01', decision: { number: '60/QĐ-UBND', date: '2026-05-20' } };

    beforeAll(async () => {
      flagged = await hy((c) => c.amendProcedure({ code: CERTIFICATION, definition: { ...certification, onTheSpot: true }, publication }));
    });

    it('is versioned: a new version carries the flag, the older one and reads as of before it do not', async () => {
      expect(certify.definition?.onTheSpot).toBe(false);
      expect(flagged).toMatchObject({ id: certify.id, version: 2, effectiveFrom: '2026-05-31T17:00:00.000Z', definition: { ...certification, onTheSpot: true } });
      expect((await hy((c) => c.getProcedure({ versionId: certify.versionId }))).definition).toMatchObject({ onTheSpot: false });
      const asOf = async (instant: string) => (await hy((c) => c.getProcedure({ code: CERTIFICATION, asOf: instant }), citizen)).definition?.onTheSpot;
      expect([await asOf('2026-05-31T23:59:59+07:00'), await asOf('2026-06-01T00:00:00+07:00')]).toEqual([false, true]);
      expect((await hy((c) => c.listProcedureVersions({ code: CERTIFICATION }))).versions.map((v) => [v.version, v.definition?.onTheSpot])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(await sql(`SELECT version, on_the_spot FROM catalogue.procedure_versions WHERE procedure_id = $1 ORDER BY version`, [certify.id])).toEqual([
        { version: 1, on_the_spot: false },
        { version: 2, on_the_spot: true },
      ]);
      expect((await events(certify.id)).map((e) => [e.type, e.data.version, e.data.onTheSpot])).toEqual([
        ['procedure.published', 1, false],
        ['procedure.amended', 2, true],
      ]);
    });

    it('is refused on a procedure taking more than one working day or handing the dossier over, with the reasons', async () => {
      const info = await failure(hy((c) => c.amendProcedure({ code: BUSINESS, definition: { ...businessRegistration, onTheSpot: true }, publication })));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'PROCEDURE_INVALID' });
      const errors = (info.details.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]);
      expect(errors).toEqual([
        ['definition.onTheSpot', expect.stringContaining('not 3 working days')],
        ['definition.onTheSpot', expect.stringContaining('step 1 of the internal process hands the dossier over')],
      ]);
      expect((await hy((c) => c.listProcedureVersions({ code: BUSINESS }))).versions).toHaveLength(1);
    });

    it('cannot be switched in place: the stored flag is immutable, even for the database owner', async () => {
      const pg = new Client({ connectionString: database.ownerUrl });
      await pg.connect();
      try {
        await pg.query('BEGIN');
        await pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [HY]);
        await expect(pg.query(`UPDATE catalogue.procedure_versions SET on_the_spot = false WHERE id = $1`, [flagged.versionId])).rejects.toThrow(/is immutable/);
      } finally {
        await pg.query('ROLLBACK');
        await pg.end();
      }
    });
  });

  describe('withdrawal', () => {
    let procedure: CatalogueV1.Procedure;

    beforeAll(async () => {
      procedure = await hy((c) =>
        c.createProcedure({
          code: '1.000656',
          name: '',
          processingDays: 0,
          components: [],
          agencyId: '',
          definition: { ...birthRegistration(5), name: 'Đăng ký khai tử' },
          publication: { effectiveFrom: '2026-01-01', decision: { number: '12/QĐ-UBND', date: '2025-12-20' } },
        }),
      );
    });

    it('ends the current version: nothing is in force afterwards, the past still reads', async () => {
      const ended = await hy((c) => c.withdrawProcedure({ code: '1.000656', effectiveTo: '2026-11-01', decision: { number: '140/QĐ-UBND', date: '2026-10-25' } }));
      expect(ended).toMatchObject({ versionId: procedure.versionId, effectiveTo: '2026-10-31T17:00:00.000Z', endedBy: 'withdrawn', endDecision: { number: '140/QĐ-UBND', date: '2026-10-25' } });
      expect(await failure(hy((c) => c.getProcedure({ code: '1.000656' })))).toMatchObject({ status: status.NOT_FOUND, code: 'PROCEDURE_NOT_IN_FORCE' });
      expect((await hy((c) => c.getProcedure({ code: '1.000656', asOf: '2026-10-31T16:59:59Z' }))).versionId).toBe(procedure.versionId);
      expect((await hy((c) => c.getProcedure({ versionId: procedure.versionId }))).versionId).toBe(procedure.versionId);
      expect((await events(procedure.id)).at(-1)).toMatchObject({
        type: 'procedure.withdrawn',
        data: { versionId: procedure.versionId, effectiveTo: '2026-10-31T17:00:00.000Z', decision: { number: '140/QĐ-UBND', date: '2026-10-25' }, withdrawnBy: 'hy-admin-0001' },
      });
    });

    it('withdraws once, by a decision', async () => {
      expect(await failure(hy((c) => c.withdrawProcedure({ code: '1.000656', effectiveTo: '', decision: { number: '141/QĐ-UBND', date: '2026-11-01' } })))).toMatchObject({
        status: status.FAILED_PRECONDITION,
        code: 'PROCEDURE_VERSION_CONFLICT',
      });
      expect(fields(await failure(hy((c) => c.withdrawProcedure({ code: BUSINESS, effectiveTo: '', decision: null }))))).toEqual(['decision']);
    });

    it('publishes a withdrawn procedure again from a later date', async () => {
      const again = await hy((c) => c.amendProcedure({ code: '1.000656', definition: { ...birthRegistration(5), name: 'Đăng ký khai tử' }, publication: { effectiveFrom: '2026-11-15', decision: { number: '145/QĐ-UBND', date: '2026-11-10' } } }));
      expect(again.version).toBe(2);
      expect((await hy((c) => c.getProcedure({ code: '1.000656' }))).versionId).toBe(again.versionId);
      expect(await failure(hy((c) => c.getProcedure({ code: '1.000656', asOf: '2026-11-05T00:00:00Z' })))).toMatchObject({ code: 'PROCEDURE_NOT_IN_FORCE' });
      expect((await events(procedure.id)).at(-1)).toMatchObject({ type: 'procedure.amended', data: { supersedesVersionId: null, supersededUntil: null } });
    });
  });

  describe('fees', () => {
    const assess = (request: Partial<CatalogueV1.AssessFeesRequest>) =>
      hy((c) => c.assessFees({ procedure: { code: BIRTH, asOf: '' }, variant: '', attributes: [], quantities: [{ item: 'TL', quantity: 0 }], channel: 'desk', ...request }), citizen);

    it.each<[string, Partial<CatalogueV1.AssessFeesRequest>, string, [string, string, string][]]>([
      ['at the desk', {}, '8000', [['LP', 'base', '8000']]],
      ['online: 50% off the charge', { channel: 'online' }, '4000', [['LP', 'base', '8000'], ['LP', 'discount', '-4000']]],
      ['a poor household online: exempt', { channel: 'online', attributes: ['poor-household'] }, '0', [['LP', 'base', '8000'], ['LP', 'exemption', '-8000']]],
      ['late, with three copies, by post', { channel: 'postal', variant: 'late', quantities: [{ item: 'TL', quantity: 3 }] }, '34000', [['LP', 'base', '10000'], ['TL', 'base', '24000']]],
    ])('%s', async (_name, request, total, lines) => {
      const assessment = await assess(request);
      expect(assessment.total).toBe(total);
      expect(assessment.lines.map((l) => [l.item, l.type, l.amount])).toEqual(lines);
      expect(assessment.versionId).not.toBe('');
    });

    it('assesses the version in force at the date asked, and per-unit items with steps and a cap', async () => {
      const pages = async (quantity: number) =>
        (await hy((c) => c.assessFees({ procedure: { code: CERTIFICATION, asOf: '' }, variant: '', attributes: [], quantities: [{ item: 'CT', quantity }], channel: 'online' }))).total;
      expect([await pages(1), await pages(2), await pages(10), await pages(300)]).toEqual(['2000', '4000', '12000', '200000']);
    });

    it('refuses a case that does not fit, listing every problem', async () => {
      const info = await failure(assess({ variant: 'early', attributes: ['student'], quantities: [], channel: 'fax' }));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'FEE_CASE_INVALID' });
      expect(fields(info)).toEqual(['variant', 'attributes[0]', 'quantities.TL', 'channel']);
    });
  });

  describe('appointments', () => {
    const appointment = (code: string, receivedAt: string) => hy((c) => c.computeAppointment({ code, receivedAt }), deskOfficer);
    let v2VersionId = '';

    beforeAll(async () => {
      v2VersionId = (await hy((c) => c.getProcedure({ code: BIRTH, asOf: '2026-03-02T00:00:00Z' }))).versionId;
    });

    it('counts working days after the receipt day, across Tết 2026', async () => {
      // Fri 13 Feb 2026 + 3 working days (version 2's time): 14–15 weekend, 16–20 Tết, 21–22 weekend → Wed 25 Feb 17:00.
      const tet = await hy((c) => c.computeAppointment({ versionId: v2VersionId, receivedAt: '2026-02-13T10:00:00+07:00' }), deskOfficer);
      expect(tet).toMatchObject({ versionId: v2VersionId, processingTime: { unit: 'days', amount: 3 }, appointmentAt: '2026-02-25T10:00:00.000Z', localDate: '2026-02-25' });
    });

    it('uses the version in force at the receipt', async () => {
      // Received Fri 13 Feb 2026 under version 1 (1 working day): the Tết week is off → Mon 23 Feb 17:00.
      expect(await appointment(BIRTH, '2026-02-13T10:00:00+07:00')).toMatchObject({ versionId: birth.versionId, appointmentAt: '2026-02-23T10:00:00.000Z' });
    });

    it('runs across a weekend, in days and in working hours', async () => {
      expect(await appointment(BUSINESS, '2026-11-20T09:00:00+07:00')).toMatchObject({ localDate: '2026-11-25', appointmentAt: '2026-11-25T10:00:00.000Z' });
      // 4 working hours from Fri 15:00: 2 h on Friday, 2 h from Monday 07:30.
      expect(await appointment(CERTIFICATION, '2026-11-20T15:00:00+07:00')).toMatchObject({ appointmentAt: '2026-11-23T02:30:00.000Z', processingTime: { unit: 'hours', amount: 4 } });
    });

    it('follows the tenant’s own days and office hours', async () => {
      await hy((c) => c.upsertCalendarOverride({ override: { date: '2026-11-23', kind: 'day_off', reason: 'Ngày hội văn hóa tỉnh' } }));
      expect(await appointment(CERTIFICATION, '2026-11-20T15:00:00+07:00')).toMatchObject({ appointmentAt: '2026-11-24T02:30:00.000Z' });
      await hy((c) => c.removeCalendarOverride({ date: '2026-11-23' }));
      expect(await appointment(CERTIFICATION, '2026-11-20T15:00:00+07:00')).toMatchObject({ appointmentAt: '2026-11-23T02:30:00.000Z' });
    });

    it('refuses a receipt without its offset', async () => {
      const info = await failure(appointment(BIRTH, '2026-02-13T10:00:00'));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'CATALOGUE_QUERY_INVALID' });
      expect(fields(info)).toEqual(['receivedAt']);
    });
  });

  describe('the working calendar', () => {
    it('starts from the national rules and the published days off', async () => {
      const calendar = await tn((c) => c.getCalendar({ year: 2026 }));
      expect(calendar).toMatchObject({ revision: 0, weeklyRestDays: [6, 7], officeHours: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }], overrides: [] });
      expect(calendar.exceptions.filter((d) => d.date.startsWith('2026-02')).map((d) => d.date)).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']);
    });

    it('stores office hours and own days per tenant, with a revision and an event each', async () => {
      const settings = await tn((c) => c.updateCalendarSettings({ officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], weeklyRestDays: [6, 7] }));
      expect(settings).toMatchObject({ revision: 1, officeHours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] });
      const withDay = await tn((c) => c.upsertCalendarOverride({ override: { date: '2026-12-05', kind: 'working_day', reason: 'Làm bù' } }));
      expect(withDay).toMatchObject({ revision: 2, year: 2026, overrides: [{ date: '2026-12-05', kind: 'working_day', reason: 'Làm bù' }] });
      expect(withDay.exceptions).toContainEqual({ date: '2026-12-05', working: true, kind: 'tenant-working-day' });
      // Sat 5 Dec is worked in Thái Nguyên: Fri 4 Dec + 1 day → Sat 17:00; Hưng Yên is unaffected.
      await tn((c) => c.createProcedure({ code: BUSINESS, name: 'Đăng ký doanh nghiệp', processingDays: 1, agencyId: '000.00.17.H19', components: [] }));
      expect(await tn((c) => c.computeAppointment({ code: BUSINESS, receivedAt: '2026-12-04T09:00:00+07:00' }))).toMatchObject({ localDate: '2026-12-05' });
      expect((await hy((c) => c.getCalendar({ year: 2026 }))).overrides).toEqual([]);
      const changes = await sql<{ data: Record<string, unknown> }>(`SELECT data FROM catalogue.outbox WHERE tenant_id = $1 AND type = 'calendar.changed' ORDER BY seq`, [TN]);
      expect(changes.map((c) => [c.data.revision, c.data.change, c.data.overrideDate])).toEqual([
        [1, 'settings', null],
        [2, 'override-set', '2026-12-05'],
      ]);
    });

    it('refuses bad settings with every field', async () => {
      const info = await failure(tn((c) => c.updateCalendarSettings({ officeHours: [{ start: '13:30', end: '17:00' }, { start: '7:30', end: '11:30' }], weeklyRestDays: [0] })));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'CALENDAR_INVALID' });
      expect(fields(info)).toEqual(['officeHours[1].start', 'weeklyRestDays[0]']);
      expect(await failure(tn((c) => c.removeCalendarOverride({ date: '2026-01-05' })))).toMatchObject({ status: status.NOT_FOUND, code: 'CALENDAR_OVERRIDE_NOT_FOUND' });
    });
  });

  describe('administrative structure', () => {
    it('lists units by level and validity date (the legacy district until 1 July 2025)', async () => {
      const codes = async (request: Partial<CatalogueV1.ListAdministrativeUnitsRequest>) =>
        (await hy((c) => c.listAdministrativeUnits({ level: '', parentCode: '', asOf: '', ...request }), citizen)).units.map((u) => u.code);
      expect(await codes({})).toEqual(['12097', '12100', '323', '33']);
      expect(await codes({ asOf: '2025-06-30' })).toEqual(['323', '33']);
      expect(await codes({ asOf: '2025-07-01' })).toEqual(['12097', '12100', '33']);
      expect(await codes({ level: 'commune', parentCode: '33' })).toEqual(['12097', '12100']);
    });

    it('refuses a unit, agency or desk that does not hold together, with every field', async () => {
      const unit = await failure(hy((c) => c.upsertAdministrativeUnit({ unit: { code: '1234', name: '', level: 'commune', parentCode: '99', validFrom: '2025-07-01', validTo: '2025-01-01' } })));
      expect(unit).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'UNIT_INVALID' });
      expect(fields(unit)).toEqual(['code', 'name', 'validTo', 'parentCode']);
      const agency = await failure(hy((c) => c.upsertAgency({ agency: { id: 'so tai chinh', name: 'Sở', kind: 'ministry', unitCode: '55555', parentId: '', validFrom: '2025-01-01', validTo: '' } })));
      expect(fields(agency)).toEqual(['id', 'kind', 'unitCode']);
      const desk = await failure(hy((c) => c.upsertDesk({ desk: { id: 'H33-Q09', name: 'Quầy 09', agencyId: '000.00.55.H33', unitCodes: ['55555'], procedureCodes: [], levels: ['national'], active: true } })));
      expect(fields(desk)).toEqual(['agencyId', 'unitCodes[0]', 'levels[0]']);
    });

    it('changes a record whole and says so in an event with who and when', async () => {
      await hy((c) => c.upsertAgency({ agency: { id: '000.00.17.H33', name: 'Sở Tài chính tỉnh Hưng Yên', kind: 'department', unitCode: '33', parentId: '', validFrom: '2025-03-01', validTo: '' } }));
      expect((await hy((c) => c.listAgencies({ unitCode: '33', kind: 'department', asOf: '' }))).agencies.map((a) => a.name)).toEqual(['Sở Tài chính tỉnh Hưng Yên']);
      expect((await events('000.00.17.H33')).map((e) => [e.type, e.data.created, e.data.name, e.data.changedBy])).toEqual([
        ['agency.changed', true, 'Sở Tài chính', 'hy-admin-0001'],
        ['agency.changed', false, 'Sở Tài chính tỉnh Hưng Yên', 'hy-admin-0001'],
      ]);
      expect((await events('12097'))[0]).toMatchObject({ type: 'administrative-unit.changed', data: { code: '12097', level: 'commune', parentCode: '33', created: true } });
      expect((await events('H33-NQ-01'))[0]).toMatchObject({ type: 'desk.changed', data: { deskId: 'H33-NQ-01', procedureCodes: [BIRTH], created: true } });
      expect((await hy((c) => c.listDesks({ agencyId: '000.97.12.H33' }))).desks.map((d) => d.id)).toEqual(['H33-NQ-01']);
    });

    it('resolves the competent agency: named by the procedure, or the People’s Committee of the applicant’s commune', async () => {
      const resolve = (code: string, unitCode = '') => hy((c) => c.resolveCompetentAgency({ procedure: { code, asOf: '' }, unitCode }), deskOfficer);
      expect(await resolve(BUSINESS)).toMatchObject({ agencyId: '000.00.17.H33', registered: true, resolvedBy: 'procedure', unitCode: '33' });
      expect(await resolve(BIRTH, '12097')).toMatchObject({ agencyId: '000.97.12.H33', name: 'Ủy ban nhân dân xã Như Quỳnh', registered: true, resolvedBy: 'unit' });
      expect(await resolve('1.000894')).toMatchObject({ agencyId: '000.00.99.H33', registered: false, name: '' });
      expect(fields(await failure(resolve(BIRTH)))).toEqual(['unitCode']);
      expect(fields(await failure(resolve(BIRTH, '33')))).toEqual(['unitCode']);
      expect(await failure(resolve(BIRTH, '12100'))).toMatchObject({ status: status.NOT_FOUND, code: 'AGENCY_NOT_FOUND' });
    });

    it('says whether a desk may receive a procedure, and why', async () => {
      const can = (deskId: string, code: string, unitCode = '') => hy((c) => c.canDeskReceive({ deskId, procedure: { code, asOf: '' }, unitCode }), deskOfficer);
      expect(await can('H33-NQ-01', BIRTH, '12097')).toMatchObject({ allowed: true, reason: 'assigned', versionId: (await hy((c) => c.getProcedure({ code: BIRTH }))).versionId });
      expect(await can('H33-NQ-01', BIRTH, '12100')).toMatchObject({ allowed: false, reason: 'unit_outside_desk' });
      expect(await can('H33-TTPVHCC-Q01', BIRTH, '12097')).toMatchObject({ allowed: false, reason: 'procedure_not_assigned' });
      expect(await can('H33-TTPVHCC-Q01', BUSINESS, '12100')).toMatchObject({ allowed: true, reason: 'assigned' });
      expect(await can('H33-NQ-01', CERTIFICATION, '12100')).toMatchObject({ allowed: true, reason: 'location_independent' });
      expect(await can('H33-OLD-01', BIRTH)).toMatchObject({ allowed: false, reason: 'desk_inactive' });
      expect((await can('H33-NQ-01', BUSINESS)).explanation).toMatch(/không được giao/);
      expect(await failure(can('H33-NOPE', BIRTH))).toMatchObject({ status: status.NOT_FOUND, code: 'DESK_NOT_FOUND' });
      expect(await failure(can('H33-NQ-01', BIRTH, '99999'))).toMatchObject({ status: status.NOT_FOUND, code: 'UNIT_NOT_FOUND' });
    });
  });

  it('relays every event of the outbox to the catalogue topic', async () => {
    const deadline = Date.now() + 20_000;
    let pending = -1;
    while (pending !== 0 && Date.now() < deadline) {
      pending = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM catalogue.outbox WHERE published_at IS NULL`))[0].n;
      if (pending !== 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pending).toBe(0);
    expect(await sql(`SELECT DISTINCT topic FROM catalogue.outbox`)).toEqual([{ topic: 'motcua.catalogue.v1' }]);
  });

  describe('a second tenant', () => {
    let tnBirth: CatalogueV1.Procedure;

    beforeAll(async () => {
      tnBirth = await tn((c) => c.createProcedure({ code: BIRTH, name: 'Đăng ký khai sinh', processingDays: 2, agencyId: '000.00.17.H19', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] }));
    });

    it('has its own procedure under the same code, and never sees the first tenant’s', async () => {
      expect(tnBirth.id).not.toBe(birth.id);
      expect((await tn((c) => c.getProcedure({ code: BIRTH }), citizen)).id).toBe(tnBirth.id);
      expect((await hy((c) => c.getProcedure({ code: BIRTH }), citizen)).id).toBe(birth.id);
      expect(await failure(tn((c) => c.getProcedure({ id: birth.id }), citizen))).toMatchObject({ status: status.NOT_FOUND, code: 'PROCEDURE_NOT_FOUND' });
      expect(await failure(tn((c) => c.getProcedure({ versionId: birth.versionId }), citizen))).toMatchObject({ status: status.NOT_FOUND });
      expect(await failure(tn((c) => c.getProcedure({ code: CERTIFICATION }), citizen))).toMatchObject({ status: status.NOT_FOUND });
      expect((await tn((c) => c.listProcedureVersions({ code: BIRTH }))).versions.map((v) => v.id)).toEqual([tnBirth.id]);
      expect(await failure(tn((c) => c.assessFees({ procedure: { versionId: birth.versionId, asOf: '' }, variant: '', attributes: [], quantities: [], channel: 'desk' })))).toMatchObject({
        status: status.NOT_FOUND,
      });
      expect(await failure(tn((c) => c.computeAppointment({ versionId: birth.versionId, receivedAt: '2026-11-20T09:00:00+07:00' })))).toMatchObject({ status: status.NOT_FOUND });
    });

    it('cannot change the first tenant’s procedures', async () => {
      expect(await failure(tn((c) => c.amendProcedure({ id: birth.id, definition: birthRegistration(9), publication: { effectiveFrom: '2027-06-01', decision: { number: '1', date: '2027-01-01' } } })))).toMatchObject({
        status: status.NOT_FOUND,
      });
      expect(await failure(tn((c) => c.withdrawProcedure({ id: birth.id, effectiveTo: '', decision: { number: '1', date: '2026-11-01' } })))).toMatchObject({ status: status.NOT_FOUND });
      expect((await hy((c) => c.listProcedureVersions({ id: birth.id }))).versions).toHaveLength(3);
    });

    it('sees none of the first tenant’s units, agencies or desks', async () => {
      expect((await tn((c) => c.listAdministrativeUnits({ level: '', parentCode: '', asOf: '' }))).units).toEqual([]);
      expect((await tn((c) => c.listAgencies({ unitCode: '', kind: '', asOf: '' }))).agencies).toEqual([]);
      expect((await tn((c) => c.listDesks({ agencyId: '' }))).desks).toEqual([]);
      expect(await failure(tn((c) => c.canDeskReceive({ deskId: 'H33-NQ-01', procedure: { code: BIRTH, asOf: '' }, unitCode: '' })))).toMatchObject({ code: 'DESK_NOT_FOUND' });
      // The first tenant's units are not a parent here either.
      const orphan = await failure(tn((c) => c.upsertAdministrativeUnit({ unit: { code: '05500', name: 'Xã A', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: '' } })));
      expect(fields(orphan)).toEqual(['parentCode']);
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import { seedCatalogue } from '../../../tools/dev/seed-catalogue';

jest.setTimeout(120_000);

/**
 * Catalogue import and public search through gRPC, against a fresh migrated database (forced
 * row-level security) with the outbox relay: the Hưng Yên sample loads, a second import
 * changes nothing, a bad file stores nothing, and search folds Vietnamese.
 */

const HY = 'hung-yen';
const TN = 'thai-nguyen';
const hyAdmin: Actor = { subject: 'hy-admin-0001', roles: ['tenant_admin'] };
const tnAdmin: Actor = { subject: 'tn-admin-0001', roles: ['tenant_admin'] };
const citizen: Actor = { subject: 'citizen-0001', roles: ['citizen'] };

const SAMPLE_PATH = join(__dirname, '../../../tools/seed/catalogue/hung-yen.catalogue.json');
const sampleText = readFileSync(SAMPLE_PATH, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document edited freely by the tests
const sample = (): any => JSON.parse(sampleText);
const bytes = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

const TABLES = ['procedures', 'procedure_versions', 'procedure_search', 'administrative_units', 'agencies', 'desks', 'calendar_settings', 'calendar_overrides', 'outbox'];

describe('catalogue import and search over gRPC (PostgreSQL with forced row-level security)', () => {
  let database: TestDatabase;
  let kafka: KafkaBrokers;
  let service: RunningService;
  let client: GrpcClient<CatalogueV1.CatalogueServiceClient>;
  let url: string;

  const as = <T>(tenantId: string, actor: Actor, call: (c: GrpcClient<CatalogueV1.CatalogueServiceClient>) => Promise<T>): Promise<T> =>
    runInTenant({ tenantId, traceId: newTraceId(), actor }, () => call(client));
  const importAs = (tenantId: string, actor: Actor, json: unknown, dryRun = false, csv: Record<string, string> = {}) =>
    as(tenantId, actor, (c) => c.importCatalogue({ json: bytes(json), csv, dryRun }));
  const search = (request: Partial<CatalogueV1.SearchProceduresRequest>, tenantId = HY) =>
    as(tenantId, citizen, (c) => c.searchProcedures({ query: '', field: '', level: '', agencyCode: '', onlineLevel: '', pageSize: 0, pageToken: '', ...request }));

  async function failure(call: Promise<unknown>): Promise<RpcErrorInfo> {
    try {
      await call;
    } catch (error) {
      return readRpcError(error);
    }
    throw new Error('expected the call to fail');
  }

  async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const pg = new Client({ connectionString: database.ownerUrl });
    await pg.connect();
    try {
      return (await pg.query(text, values)).rows as T[];
    } finally {
      await pg.end();
    }
  }

  /** Rows in every catalogue table, all tenants. */
  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM catalogue.${table}`))[0].n;
    return result;
  }

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
    client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 60_000 });
  });

  afterAll(async () => {
    client?.close();
    await service?.stop();
    await kafka?.stop();
    await database?.drop();
  });

  describe('import', () => {
    it('refuses a bad file with every error by row and field, and stores nothing', async () => {
      const before = await counts();
      const bad = sample();
      bad.procedures[0].components[0].count = 0;
      bad.procedures[2].competent_agency_code = '000.99.99.H33';
      bad.procedures[3].components[0].mandatroy = true;
      bad.agencies[1].code = bad.agencies[0].code;
      const info = await failure(importAs(HY, hyAdmin, bad));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'CATALOGUE_IMPORT_INVALID' });
      const locations = (info.details.errors as { location: string; code: string }[]).map((e) => `${e.code} ${e.location}`);
      expect(locations).toEqual(
        expect.arrayContaining([
          'invalid procedures[0].components[0].count',
          'unknown_reference procedures[2].competent_agency_code',
          'invalid procedures[3].components[0].mandatroy',
          expect.stringMatching(/^duplicate agencies\[1\]\.code/),
        ]),
      );
      // A broken CSV part is reported with its row, and refuses the whole file as well.
      const withCsv = sample();
      delete withCsv.units;
      const unitRows = sample().units.map((u: { code: string; name: string; level: string; parent_code?: string | null; valid_from: string }) => [u.code, `"${u.name}"`, u.level, u.parent_code ?? '', u.valid_from, ''].join(','));
      const csv = { units: ['code,name,level,parent_code,valid_from,valid_to', unitRows[0], '1234,Xã Sai Mã,commune,33,2025-07-01,', ...unitRows.slice(1)].join('\r\n') };
      const csvInfo = await failure(importAs(HY, hyAdmin, withCsv, false, csv));
      expect(csvInfo.code).toBe('CATALOGUE_IMPORT_INVALID');
      expect(csvInfo.details.errors).toEqual([expect.objectContaining({ location: 'units.csv row 3, column code', code: 'invalid' })]);
      // Nor JSON that does not parse, nor a file for another tenant.
      expect((await failure(importAs(HY, hyAdmin, '{"format": '))).code).toBe('CATALOGUE_IMPORT_INVALID');
      expect((await failure(importAs(TN, tnAdmin, sample()))).details.errors).toEqual([expect.objectContaining({ location: 'tenant' })]);
      expect(await counts()).toEqual(before);
    });

    it('is for a tenant admin only', async () => {
      expect(await failure(importAs(HY, citizen, sample()))).toMatchObject({ status: status.PERMISSION_DENIED });
    });

    it('plans without storing anything in a dry run', async () => {
      const before = await counts();
      const result = await importAs(HY, hyAdmin, sample(), true);
      expect(result).toMatchObject({ dryRun: true, changes: 37 + 5 + 10 + 6, procedures: { created: 37, updated: 0, unchanged: 0 } });
      expect(await counts()).toEqual(before);
    });

    it('loads the Hưng Yên sample in one transaction, each write with its event', async () => {
      const result = await importAs(HY, hyAdmin, sample());
      expect(result).toMatchObject({
        dryRun: false,
        changes: 58,
        units: { created: 5, updated: 0, unchanged: 0 },
        agencies: { created: 10, updated: 0, unchanged: 0 },
        desks: { created: 6, updated: 0, unchanged: 0 },
        procedures: { created: 37, updated: 0, unchanged: 0 },
        untouchedProcedures: [],
      });
      const after = await counts();
      expect(after).toMatchObject({ procedures: 37, procedure_versions: 37, procedure_search: 37, administrative_units: 5, agencies: 10, desks: 6, outbox: 58 });
      const birth = await as(HY, citizen, (c) => c.getProcedure({ code: '1.001193' }));
      expect(birth).toMatchObject({ code: '1.001193', version: 1, effectiveFrom: '2025-06-30T17:00:00.000Z' });
      const fingerprints = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM catalogue.procedure_versions WHERE fingerprint ~ '^[0-9a-f]{64}$'`);
      expect(fingerprints[0].n).toBe(37);
      // Inclusive last days in the file, exclusive ends in the service.
      const units = await as(HY, citizen, (c) => c.listAdministrativeUnits({ level: '', parentCode: '', asOf: '' }));
      expect(units.units.map((u) => u.code).sort()).toEqual(sample().units.map((u: { code: string }) => u.code).sort());
    });

    it('changes nothing when the same file is imported again: no new versions, no events', async () => {
      const before = await counts();
      const result = await importAs(HY, hyAdmin, sample());
      expect(result).toMatchObject({ changes: 0, procedures: { created: 0, updated: 0, unchanged: 37 }, units: { unchanged: 5 }, agencies: { unchanged: 10 }, desks: { unchanged: 6 } });
      expect(await counts()).toEqual(before);
    });

    it('refuses to rewrite a stored version, storing nothing', async () => {
      const before = await counts();
      const changed = sample();
      changed.procedures[0].processing_time.amount += 1;
      changed.units.push({ code: '12251', name: 'Xã Mới', level: 'commune', parent_code: '33', valid_from: '2025-07-01' });
      const info = await failure(importAs(HY, hyAdmin, changed));
      expect(info).toMatchObject({ code: 'CATALOGUE_IMPORT_CONFLICT' });
      expect((info.details.errors as { location: string }[]).map((e) => e.location)).toEqual(['procedures[0].version']);
      expect(await counts()).toEqual(before);
    });

    it('imports the on-the-spot flag (4 tại chỗ), refuses it where it cannot hold, and publishes a change of it as a new version', async () => {
      const flagged = await sql<{ code: string }>(
        `SELECT p.code FROM catalogue.procedure_versions v JOIN catalogue.procedures p ON p.tenant_id = v.tenant_id AND p.id = v.procedure_id WHERE v.tenant_id = $1 AND v.on_the_spot ORDER BY p.code`,
        [HY],
      );
      expect(flagged.map((row) => row.code)).toEqual(['2.000815', '2.000884', '2.000942']);
      expect((await as(HY, citizen, (c) => c.getProcedure({ code: '2.000815' }))).definition).toMatchObject({ onTheSpot: true, processingTime: { unit: 'days', amount: 1 } });
      expect((await as(HY, citizen, (c) => c.getProcedure({ code: '2.001019' }))).definition).toMatchObject({ onTheSpot: false });

      // Certifying a will takes up to 2 working days: it cannot be on the spot.
      const before = await counts();
      const wrong = sample();
      const will = wrong.procedures.findIndex((p: { code: string }) => p.code === '2.001019');
      wrong.procedures[will].on_the_spot = true;
      const info = await failure(importAs(HY, hyAdmin, wrong));
      expect(info).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'CATALOGUE_IMPORT_INVALID' });
      expect(info.details.errors).toEqual([expect.objectContaining({ location: `procedures[${will}].on_the_spot`, code: 'inconsistent', message: expect.stringContaining('not 2 working days') })]);
      expect(await counts()).toEqual(before);

      // Copies of civil status extracts (1 working day) become on the spot by a later decision.
      const next = sample();
      next.procedures = next.procedures.filter((p: { code: string }) => p.code === '2.000635');
      next.desks = [];
      next.procedures[0].on_the_spot = true;
      next.procedures[0].version = { effective_from: '2026-09-01', decision_number: '9100/QĐ-UBND', decision_date: '2026-08-25' };
      expect(await importAs(HY, hyAdmin, next)).toMatchObject({ changes: 1, procedures: { created: 0, updated: 1, unchanged: 0 } });
      const versions = (await as(HY, citizen, (c) => c.listProcedureVersions({ code: '2.000635' }))).versions;
      expect(versions.map((v) => [v.version, v.definition?.onTheSpot, v.endedBy])).toEqual([
        [1, false, 'superseded'],
        [2, true, ''],
      ]);
      const asOf = async (instant: string) => (await as(HY, citizen, (c) => c.getProcedure({ code: '2.000635', asOf: instant }))).definition?.onTheSpot;
      expect([await asOf('2026-08-31T12:00:00+07:00'), await asOf('2026-09-01T08:00:00+07:00')]).toEqual([false, true]);
      const amended = await sql<{ data: { onTheSpot: boolean; version: number } }>(`SELECT data FROM catalogue.outbox WHERE message_key = $1 AND type = 'procedure.amended'`, [versions[1].id]);
      expect(amended.map((row) => [row.data.version, row.data.onTheSpot])).toEqual([[2, true]]);
      expect((await importAs(HY, hyAdmin, next)).changes).toBe(0);
    });
  });

  describe('search', () => {
    it('finds Đăng ký khai sinh with and without diacritics, first', async () => {
      for (const query of ['dang ky khai sinh', 'Đăng ký khai sinh', 'DANG KY KHAI SINH']) {
        const { procedures } = await search({ query });
        expect(procedures[0]).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingTime: { unit: expect.any(String), amount: expect.any(Number) } });
      }
      const { procedures } = await search({ query: 'khai sinh' });
      expect(procedures.map((p) => p.code)).toEqual(expect.arrayContaining(['1.001193', '1.004884', '2.000528', '1.000689']));
      expect(procedures.every((p) => /khai sinh/i.test(p.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd')) || /khai sinh/i.test(p.name))).toBe(true);
      // Prefixes of words match too (typing in progress).
      expect((await search({ query: 'dang ky khai si' })).procedures.slice(0, 3).map((p) => p.code)).toContain('1.001193');
    });

    it('finds by code prefix, in code order', async () => {
      const { procedures } = await search({ query: '1.0011' });
      expect(procedures.map((p) => p.code)).toEqual(['1.001193']);
      const codes = (await search({ query: '1.0012', pageSize: 100 })).procedures.map((p) => p.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes.every((c) => c.startsWith('1.0012'))).toBe(true);
      expect([...codes].sort()).toEqual(codes);
    });

    it('filters by field, level, agency and online level', async () => {
      const field = await search({ field: 'Hộ tịch', pageSize: 100 });
      expect(field.procedures.length).toBeGreaterThan(5);
      expect(field.procedures.every((p) => p.field === 'Hộ tịch')).toBe(true);
      const province = await search({ level: 'province', pageSize: 100 });
      expect(province.procedures.length).toBeGreaterThan(0);
      expect(province.procedures.every((p) => p.level === 'province')).toBe(true);
      const land = await search({ agencyCode: '000.01.19.H33', pageSize: 100 });
      expect(land.procedures.map((p) => p.code).sort()).toEqual(['1.012783', '1.012784', '1.013831']);
      expect(land.procedures[0].agencyName).not.toBe('');
      const none = await search({ query: 'chung thuc', onlineLevel: 'none', pageSize: 100 });
      expect(none.procedures.length).toBeGreaterThan(0);
      expect(none.procedures.every((p) => p.onlineLevel === 'none' && p.field === 'Chứng thực')).toBe(true);
      expect(await failure(search({ level: 'village' }))).toMatchObject({ status: status.INVALID_ARGUMENT });
    });

    it('pages through every procedure in force with tokens bound to the search', async () => {
      const seen: string[] = [];
      let pageToken = '';
      do {
        const page = await search({ pageSize: 10, pageToken });
        seen.push(...page.procedures.map((p) => p.code));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      expect(seen).toHaveLength(37);
      expect(new Set(seen).size).toBe(37);
      const first = await search({ pageSize: 10 });
      expect(await failure(search({ pageSize: 10, query: 'khai sinh', pageToken: first.nextPageToken }))).toMatchObject({ status: status.INVALID_ARGUMENT });
    });

    it('shows only what is in force now: a scheduled version is found when it starts', async () => {
      const next = sample();
      next.procedures = [next.procedures[0]];
      next.desks = [];
      next.procedures[0].name = 'Đăng ký khai sinh (bản mới)';
      next.procedures[0].version = { effective_from: '2099-01-01', decision_number: '9999/QĐ-UBND', decision_date: '2098-12-01' };
      const result = await importAs(HY, hyAdmin, next);
      expect(result).toMatchObject({ changes: 1, procedures: { created: 0, updated: 1, unchanged: 0 } });
      expect(result.untouchedProcedures).toHaveLength(36);
      const hits = (await search({ query: 'dang ky khai sinh' })).procedures;
      expect(hits.filter((p) => p.code === '1.001193').map((p) => p.name)).toEqual(['Đăng ký khai sinh']);
      // Importing it again changes nothing.
      expect((await importAs(HY, hyAdmin, next)).changes).toBe(0);
    });

    it('never shows another tenant’s procedures', async () => {
      await as(TN, tnAdmin, (c) =>
        c.createProcedure({ code: '1.099999', name: 'Cấp phép khai thác cát sông Cầu', processingDays: 2, agencyId: '000.00.17.H19', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] }),
      );
      expect((await search({ query: 'khai thac cat' }, TN)).procedures.map((p) => p.code)).toEqual(['1.099999']);
      expect((await search({ query: 'khai thac cat' })).procedures).toEqual([]);
      expect((await search({ query: '1.0999' })).procedures).toEqual([]);
      expect((await search({ query: 'khai sinh' }, TN)).procedures).toEqual([]);
      expect((await search({ pageSize: 100 }, TN)).procedures.map((p) => p.code)).toEqual(['1.099999']);
    });
  });

  describe('the dev stack’s seed (tools/dev/seed-catalogue.ts)', () => {
    it('loads the sample beside a procedure published otherwise, and a second run changes nothing', async () => {
      const TEST = 'seed-test';
      await as(TEST, tnAdmin, (c) =>
        c.createProcedure({ code: '1.001193', name: 'Đăng ký khai sinh', processingDays: 1, agencyId: '000.24.11.H33', components: [{ code: 'TK01', name: 'Tờ khai', mandatory: true }] }),
      );
      const first = await seedCatalogue(url, TEST);
      expect(first).toMatchObject({ skipped: ['1.001193'], procedures: { created: 36 } });
      expect((await seedCatalogue(url, TEST)).changes).toBe(0);
      expect((await search({ query: 'dang ky ket hon' }, TEST)).procedures[0].code).toBe('1.000894');
    });
  });
});

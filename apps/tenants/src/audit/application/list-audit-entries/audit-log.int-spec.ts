import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthError, AuthErrorCode } from '@motcua/auth';
import { Inbox } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { AuditEntry } from '../../domain/audit-entry';
import { AuditLogRepository } from '../../persistence/audit-log.repository';
import { RecordAuditEntryHandler } from '../record-audit-entry/record-audit-entry.handler';
import { ListAuditEntriesHandler } from './list-audit-entries.handler';
import { ListAuditEntriesQuery } from './list-audit-entries.query';

const admin = (tenant: string): Actor => ({ subject: `${tenant}-admin`, roles: ['tenant_admin'] });
const as = <T>(tenantId: string, actor: Actor | undefined, work: () => Promise<T>) => runInTenant({ tenantId, traceId: newTraceId(), actor }, work);

function entryAt(minute: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: randomUUID(),
    occurredAt: new Date(Date.UTC(2026, 10, 26, 3, minute)),
    actorSubject: 'citizen-an',
    actorRoles: ['citizen'],
    method: 'POST',
    route: '/v1/dossiers',
    resourceId: randomUUID(),
    status: 201,
    replayed: false,
    clientIp: '203.113.130.5',
    userAgent: 'MotCua-Android/1.4',
    traceId: newTraceId(),
    ...extra,
  };
}

describe('the audit log against PostgreSQL (as the tenants app role, forced RLS)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let record: RecordAuditEntryHandler;
  let list: ListAuditEntriesHandler;
  const hungYen: AuditEntry[] = [];

  const readAll = async (tenant: string, pageSize: number, between?: (page: number) => Promise<void>): Promise<string[][]> => {
    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await as(tenant, admin(tenant), () => list.execute(ListAuditEntriesQuery.create({ pageSize, pageToken })));
      pages.push(page.entries.map((entry) => entry.id));
      pageToken = page.nextPageToken;
      await between?.(pages.length);
    } while (pageToken !== '');
    return pages;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({ service: 'tenants', url: database.urlAs(serviceDatabaseNames('tenants').appRole), entities: [], poolSize: 2 });
    await dataSource.initialize();
    const runner = new TenantTransactionRunner(dataSource);
    const repository = new AuditLogRepository();
    record = new RecordAuditEntryHandler(runner, repository, new Inbox('tenants'));
    list = new ListAuditEntriesHandler(runner, repository);
    for (let minute = 0; minute < 5; minute++) hungYen.push(entryAt(minute));
    // Two entries in the same instant: the id orders them.
    hungYen.push(entryAt(4, { id: '00000000-0000-4000-8000-000000000001' }), entryAt(4, { id: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }));
    for (const entry of hungYen) await as('hung-yen', undefined, () => record.execute(`event-${entry.id}`, entry));
    await as('thai-nguyen', undefined, () => record.execute('event-tn-1', entryAt(9, { actorSubject: 'tn-admin', route: '/v1/procedures' })));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const newestFirst = () =>
    [...hungYen].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1)).map((entry) => entry.id);

  it("gives a tenant admin their province's entries, newest first, as they were recorded", async () => {
    const page = await as('hung-yen', admin('hung-yen'), () => list.execute(ListAuditEntriesQuery.create({ pageSize: 50 })));
    expect(page.entries.map((entry) => entry.id)).toEqual(newestFirst());
    expect(page.nextPageToken).toBe('');
    const first = hungYen[0];
    expect(page.entries.find((entry) => entry.id === first.id)).toEqual(first);
  });

  it('pages through every entry once, even while new entries arrive', async () => {
    expect((await readAll('hung-yen', 3)).flat()).toEqual(newestFirst());
    const pages = await readAll('hung-yen', 2, async (page) => {
      if (page === 1) await as('hung-yen', undefined, () => record.execute('event-late', entryAt(30)));
    });
    expect(pages.flat()).toEqual(newestFirst());
  });

  it("keeps each province's log to itself", async () => {
    const theirs = (await readAll('thai-nguyen', 50)).flat();
    expect(theirs).toHaveLength(1);
    expect(theirs.some((id) => hungYen.some((entry) => entry.id === id))).toBe(false);
  });

  it('records an entry once however often its event is delivered', async () => {
    const entry = entryAt(40);
    await as('thai-nguyen', undefined, () => record.execute('event-twice', entry));
    await as('thai-nguyen', undefined, () => record.execute('event-twice', entry));
    const rows: { n: number }[] = await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', 'thai-nguyen', true)`);
      return manager.query('SELECT count(*)::int AS n FROM tenants.audit_log WHERE id = $1', [entry.id]);
    });
    expect(rows).toEqual([{ n: 1 }]);
  });

  it.each([
    ['a citizen', { subject: 'citizen-an', roles: ['citizen'] }],
    ['a specialist', { subject: 'hy-spec', roles: ['specialist'], agencyId: '000.00.17.H33' }],
    ['a national admin', { subject: 'nat-admin', roles: ['national_admin'] }],
    ['nobody', undefined],
  ])('refuses %s', async (_who, actor) => {
    const refusal = await as('hung-yen', actor, () => list.execute(ListAuditEntriesQuery.create({}))).then(
      () => 'read',
      (error: unknown) => (error instanceof AuthError ? error.code : String(error)),
    );
    expect(refusal).toBe(actor ? AuthErrorCode.AccessDenied : AuthErrorCode.TokenMissing);
  });

  it('is append-only for the service: no entry can be changed or deleted', async () => {
    const attempt = (sql: string) =>
      dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', 'hung-yen', true)`);
        await manager.query(sql);
      });
    await expect(attempt(`UPDATE tenants.audit_log SET status = 200`)).rejects.toThrow(/permission denied/);
    await expect(attempt(`DELETE FROM tenants.audit_log`)).rejects.toThrow(/permission denied/);
  });
});

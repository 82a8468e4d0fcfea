import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { runInTenant } from '@motcua/tenancy';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { PersonalDataAccess } from '../domain/personal-data-access';
import { PersonalDataAccessEntity } from './personal-data-access.entity';
import { PersonalDataAccessRepository } from './personal-data-access.repository';

/** intake.personal_data_access as intake's app role sees it: forced RLS, SELECT and INSERT only. */
describe('the personal-data access log (PostgreSQL, as the app role)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  const repository = new PersonalDataAccessRepository();
  const dossierId = randomUUID();

  const inTenant = <T>(tenantId: string, work: () => Promise<T>) => runInTenant({ tenantId, traceId: 'a'.repeat(32) }, work);
  const entry = (minute: number): PersonalDataAccess => ({
    id: randomUUID(),
    accessedAt: new Date(Date.UTC(2026, 10, 26, 3, minute, 0, 123)),
    actorSubject: 'hy-desk-0001',
    actorRoles: ['desk_officer'],
    actorAgencyId: '000.00.17.H33',
    dataSubject: 'citizen-an',
    dossierId,
    read: 'GetDossierDetail',
    traceId: 'b'.repeat(32),
  });
  const entries = [entry(1), entry(2), entry(3)];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({ service: 'intake', url: database.urlAs(serviceDatabaseNames('intake').appRole), entities: [PersonalDataAccessEntity], poolSize: 2 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    await inTenant('hung-yen', () => runner.run(async (manager) => {
      for (const e of entries) await repository.append(manager, e);
    }));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('gives a dossier’s entries back newest first, page by page on (accessed_at, id)', async () => {
    const [first, second] = await inTenant('hung-yen', () =>
      runner.run(async (manager) => {
        const page1 = await repository.listForDossier(manager, dossierId, 2, null);
        const last = page1[page1.length - 1];
        return [page1, await repository.listForDossier(manager, dossierId, 2, { accessedAt: last.accessedAt, id: last.id })];
      }),
    );
    expect(first).toEqual([entries[2], entries[1]]);
    expect(second).toEqual([entries[0]]);
  });

  it('shows another tenant nothing', async () => {
    const seen = await inTenant('thai-nguyen', () => runner.run((manager) => repository.listForDossier(manager, dossierId, 10, null)));
    expect(seen).toEqual([]);
  });

  it.each([
    ['UPDATE', `UPDATE intake.personal_data_access SET actor_subject = 'someone-else'`],
    ['DELETE', `DELETE FROM intake.personal_data_access`],
    ['TRUNCATE', `TRUNCATE intake.personal_data_access`],
  ])('refuses %s to the app role: the log is append-only', async (_verb, sql) => {
    await expect(inTenant('hung-yen', () => runner.run((manager) => manager.query(sql)))).rejects.toThrow(/permission denied/);
    const left = await inTenant('hung-yen', () => runner.run((manager) => manager.count(PersonalDataAccessEntity, { where: { dossierId } })));
    expect(left).toBe(entries.length);
  });
});

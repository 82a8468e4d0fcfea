import { Client } from 'pg';
import { DataSource, Logger } from 'typeorm';
import { runInTenant } from '@motcua/tenancy';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { createServiceDataSource } from './data-source';
import { serviceSchemaSql, tenantTableSecuritySql } from './schema-sql';
import { serviceDatabaseNames } from './service-database';
import { TenantTransactionRunner } from './tenant-transaction';

const SERVICE = 'rls_probe';

/** Every statement the data source sends, in order (TypeORM logs each before it goes out); other log calls apart. */
class StatementRecorder implements Logger {
  readonly statements: string[] = [];
  readonly other: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(error: string | Error): void {
    this.other.push(String(error));
  }
  logQuerySlow(time: number, query: string): void {
    this.other.push(query);
  }
  logSchemaBuild(message: string): void {
    this.other.push(message);
  }
  logMigration(message: string): void {
    this.other.push(message);
  }
  log(level: string, message: unknown): void {
    this.other.push(String(message));
  }
}

describe('TenantTransactionRunner against PostgreSQL with forced row-level security', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;

  beforeAll(async () => {
    database = await createTestDatabase();
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    for (const statement of serviceSchemaSql(SERVICE)) await owner.query(statement);
    await owner.query(`CREATE TABLE rls_probe.notes (tenant_id text NOT NULL, id int NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, id))`);
    for (const statement of tenantTableSecuritySql(SERVICE, 'notes')) await owner.query(statement);
    await owner.end();
    dataSource = createServiceDataSource({ service: SERVICE, url: database.urlAs(serviceDatabaseNames(SERVICE).appRole), poolSize: 2 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const inTenant = <T>(tenantId: string, work: () => Promise<T>) =>
    runInTenant({ tenantId, traceId: '0'.repeat(32) }, work);

  it('lets each tenant see only its own rows', async () => {
    await inTenant('ha-noi', () => runner.run((m) => m.query(`INSERT INTO rls_probe.notes VALUES ('ha-noi', 1, 'a')`)));
    await inTenant('hue', () => runner.run((m) => m.query(`INSERT INTO rls_probe.notes VALUES ('hue', 1, 'b')`)));
    const seenByHue = await inTenant('hue', () => runner.run((m) => m.query(`SELECT tenant_id, body FROM rls_probe.notes`)));
    expect(seenByHue).toEqual([{ tenant_id: 'hue', body: 'b' }]);
  });

  it('refuses to write a row for another tenant', async () => {
    await expect(
      inTenant('hue', () => runner.run((m) => m.query(`INSERT INTO rls_probe.notes VALUES ('ha-noi', 2, 'x')`))),
    ).rejects.toThrow(/row-level security/);
  });

  it('sees nothing and writes nothing outside a tenant transaction (fails closed)', async () => {
    await expect(dataSource.query(`SELECT * FROM rls_probe.notes`)).resolves.toEqual([]);
    await expect(dataSource.query(`INSERT INTO rls_probe.notes VALUES ('hue', 3, 'x')`)).rejects.toThrow(/row-level security/);
  });

  it('does not leak the tenant to the next user of a pooled connection', async () => {
    await inTenant('ha-noi', () => runner.run((m) => m.query(`SELECT 1`)));
    const rows: unknown[] = await dataSource.query(`SELECT count(*)::int AS n FROM rls_probe.notes`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('rolls the whole unit of work back when it fails', async () => {
    await expect(
      inTenant('hue', () =>
        runner.run(async (m) => {
          await m.query(`INSERT INTO rls_probe.notes VALUES ('hue', 10, 'kept?')`);
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    const rows = await inTenant('hue', () => runner.run((m) => m.query(`SELECT id FROM rls_probe.notes WHERE id = 10`)));
    expect(rows).toEqual([]);
  });

  describe('on one pooled connection', () => {
    let single: DataSource;
    let recorder: StatementRecorder;
    let singleRunner: TenantTransactionRunner;
    const probe = `SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant, pg_backend_pid() AS pid`;

    beforeAll(async () => {
      recorder = new StatementRecorder();
      const options = createServiceDataSource({ service: SERVICE, url: database.urlAs(serviceDatabaseNames(SERVICE).appRole), poolSize: 1 }).options;
      single = new DataSource({ ...options, logging: true, logger: recorder });
      await single.initialize();
      singleRunner = new TenantTransactionRunner(single);
    });

    afterAll(async () => {
      await single?.destroy();
    });

    beforeEach(() => recorder.statements.splice(0));

    it('opens the transaction and binds the tenant in one round trip, in force for the first statement, gone after commit', async () => {
      const [inside] = await inTenant('hue', () => singleRunner.run((m) => m.query(probe)));
      expect(inside.tenant).toBe('hue');
      expect(recorder.statements).toEqual([`START TRANSACTION; SELECT set_config('app.tenant_id', 'hue', true)`, probe, 'COMMIT']);
      const [after] = await single.query(probe);
      expect(after).toEqual({ tenant: '', pid: inside.pid });
    });

    it('holds for the first statement and is gone after a rollback', async () => {
      let inside: { tenant: string; pid: number } | undefined;
      await expect(
        inTenant('ha-noi', () =>
          singleRunner.run(async (m) => {
            [inside] = await m.query(probe);
            throw new Error('boom');
          }),
        ),
      ).rejects.toThrow('boom');
      expect(inside?.tenant).toBe('ha-noi');
      expect(recorder.statements.at(-1)).toBe('ROLLBACK');
      const [after] = await single.query(probe);
      expect(after).toEqual({ tenant: '', pid: inside?.pid });
    });
  });

  it('refuses to start without a tenant in context', async () => {
    await expect(runner.run((m) => m.query('SELECT 1'))).rejects.toThrow(/No tenant in context/);
  });
});

// The desk worklist benchmark: `npm run bench:worklist -- [--dossiers 1000000]`.
// Creates and migrates a fresh database, bulk-loads a province of dossiers (tenant A, plus a
// second tenant's rows) with SQL, starts the intake service in-process, and measures
// ListPendingChecks over gRPC as desk officers of the largest and of a small agency: the first
// page and deep pages (page tokens), with 1 and 4 concurrent clients, warm-up excluded. Then
// the repository's SQL alone as the intake app role under row-level security, with its plan.
// Target (issue 5, item 11): p99 ≤ 20 ms with 1 M dossiers in the tenant. Everything is dropped afterwards.
import '../../testing/workspace-aliases';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { GrpcServices, IntakeV1 } from '@motcua/contracts';
import { serviceDatabaseNames } from '@motcua/persistence';
import { createGrpcClient, GrpcClient } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { freePort, resolveKafkaBrokers } from '@motcua/testing';
import { loadIntakeConfig } from '../../../apps/intake/src/config/intake.config';
import { decodePageToken } from '../../../apps/intake/src/dossier/application/list-pending-checks/list-pending-checks.handler';
import { DossierRepository } from '../../../apps/intake/src/dossier/persistence/dossier.repository';
import { startIntake } from '../../../apps/intake/src/main';
import { FlagSpec, parseFlags, runBench, say, seconds, usageOf } from '../shared/cli';
import { cpuLine, measure, targetVerdict, Measurement, Run, runLine, Walk, walkPages } from '../shared/latency';
import { Cleanup } from '../submit/cleanup';
import { CpuSampler } from '../submit/cpu-sampler';
import { BenchDatabase, createBenchDatabase, postgresPidsOf } from '../submit/database';
import { Agency, LARGEST, loadTenant, SMALLEST } from './load';
import { inProcessServiceEnv } from '../shared/service-env';

const TENANT = 'bench-province';
const OTHER_TENANT = 'bench-neighbour';
const TARGET_P99_MS = 20;

interface Options {
  dossiers: number;
  otherDossiers: number;
  pendingPercent: number;
  pageSize: number;
  seconds: number;
  warmupSeconds: number;
  sqlSeconds: number;
  /** Leave the loaded database behind (its name is printed) to study plans by hand. */
  keepDatabase: boolean;
}

const FLAGS: FlagSpec<Options> = {
  command: 'npm run bench:worklist --',
  numeric: {
    '--dossiers': { key: 'dossiers', min: 1_000, max: 5_000_000, integer: true, help: 'dossiers of the measured tenant (default 1000000)' },
    '--other-dossiers': { key: 'otherDossiers', min: 0, max: 5_000_000, integer: true, help: "the second tenant's dossiers (default a tenth of --dossiers)" },
    '--pending-percent': { key: 'pendingPercent', min: 0.1, max: 10, integer: false, help: 'share pending a check, submitted or resubmitted (default 1)' },
    '--page-size': { key: 'pageSize', min: 1, max: 100, integer: true, help: 'worklist page size (default 20, the gateway default)' },
    '--seconds': { key: 'seconds', min: 1, max: 120, integer: true, help: 'measured seconds of each gRPC run (default 10)' },
    '--warmup': { key: 'warmupSeconds', min: 0, max: 30, integer: true, help: 'unmeasured seconds before each gRPC run (default 2)' },
    '--sql-seconds': { key: 'sqlSeconds', min: 1, max: 60, integer: true, help: 'measured seconds of each SQL-alone run (default 5)' },
  },
  switches: { '--keep-database': { key: 'keepDatabase', help: 'leave the loaded database behind and print its name (drop it by hand)' } },
};

function parseOptions(argv: readonly string[]): Options {
  const options = parseFlags<Options>(argv, { dossiers: 1_000_000, otherDossiers: -1, pendingPercent: 1, pageSize: 20, seconds: 10, warmupSeconds: 2, sqlSeconds: 5, keepDatabase: false }, FLAGS);
  if (options.otherDossiers < 0) options.otherDossiers = Math.round(options.dossiers / 10);
  return options;
}

function officer(agency: Agency): Actor {
  return { subject: `bench-desk-${agency.deskId.toLowerCase()}`, roles: ['desk_officer'], agencyId: agency.id, deskIds: [agency.deskId] };
}

/** Walks the whole worklist through gRPC; checks the order, no duplicate, and the count against the owner's. */
function walk(list: (token: string) => Promise<IntakeV1.ListPendingChecksResponse>, expected: number): Promise<Walk> {
  return walkPages(list, expected, {
    id: (item) => item.dossierId,
    // ISO instants have a fixed width, and uuids order as their hex text: the text orders as (submitted_at, id).
    orderKey: (item) => `${item.submittedAt}|${item.dossierId}`,
    check: (item) => {
      if (item.status !== 'submitted' && item.status !== 'resubmitted') throw new Error(`the worklist returned a dossier in status ${item.status}`);
    },
  });
}

async function pendingOnline(database: BenchDatabase, agency: Agency): Promise<number> {
  const rows = await database.query<{ n: string }>(
    `SELECT count(*) AS n FROM intake.dossiers WHERE tenant_id = $1 AND intake_agency_id = $2 AND status IN ('submitted', 'resubmitted') AND channel = 'online'`,
    [TENANT, agency.id],
  );
  return Number(rows[0].n);
}

async function describeData(database: BenchDatabase): Promise<string[]> {
  const statuses = await database.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM intake.dossiers WHERE tenant_id = $1 GROUP BY status ORDER BY count(*) DESC`,
    [TENANT],
  );
  const tenants = await database.query<{ tenant_id: string; n: string }>(`SELECT tenant_id, count(*) AS n FROM intake.dossiers GROUP BY tenant_id ORDER BY tenant_id`);
  const sizes = await database.query<{ name: string; size: string }>(
    `SELECT c.relname AS name, pg_size_pretty(pg_relation_size(c.oid)) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'intake' AND (c.relname IN ('dossiers', 'applicants') OR c.relname LIKE 'dossiers\\_%') AND c.relkind IN ('r', 'i') ORDER BY c.relname`,
  );
  return [
    `  rows per tenant: ${tenants.map((t) => `${t.tenant_id} ${t.n}`).join(', ')}`,
    `  ${TENANT} by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`,
    `  sizes: ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`,
  ];
}

interface Desk {
  agency: Agency;
  expected: number;
  walk: Walk;
}

async function bench(cleanup: Cleanup, options: Options): Promise<string> {
  const report: string[] = [];
  const load1 = loadavg()[0];
  say('creating and migrating a fresh database…');
  const database = await createBenchDatabase();
  if (options.keepDatabase) say(`the database ${database.name} will be kept`);
  else cleanup.add('drop the database', () => database.drop());

  const now = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const pending = options.pendingPercent / 100;
  say(`loading ${options.dossiers} dossiers into ${TENANT} and ${options.otherDossiers} into ${OTHER_TENANT}…`);
  const loadStarted = performance.now();
  const main = await loadTenant(database, { tenantId: TENANT, dossiers: options.dossiers, pending, salt: 1000, now });
  const other = options.otherDossiers > 0 ? await loadTenant(database, { tenantId: OTHER_TENANT, dossiers: options.otherDossiers, pending, salt: 2000, now }) : undefined;
  const vacuumStarted = performance.now();
  // What autovacuum would have done to a table of that age (and would otherwise do in the middle of the measurement).
  await database.query('VACUUM (ANALYZE) intake.dossiers, intake.applicants, intake.dossier_code_counters');
  const loadEnd = performance.now();
  say(`loaded in ${seconds(loadEnd - loadStarted)} (vacuum + analyze ${seconds(loadEnd - vacuumStarted)})`);

  const desks: Desk[] = [];
  for (const agency of [LARGEST, SMALLEST]) desks.push({ agency, expected: await pendingOnline(database, agency), walk: { items: 0, pages: 0, ms: 0, deepTokens: [] } });

  report.push(
    `MotCua desk worklist benchmark: ListPendingChecks (page size ${options.pageSize}), ${options.dossiers} dossiers in ${TENANT} + ${options.otherDossiers} in ${OTHER_TENANT}, ${options.pendingPercent} % pending a check`,
    `  PostgreSQL ${database.settings.version} (shared_buffers ${database.settings.sharedBuffers}, fsync ${database.settings.fsync}), Node ${process.versions.node}, load average at start ${load1.toFixed(2)}`,
    `  load: ${TENANT} dossiers ${main.dossiersSeconds.toFixed(1)} s, applicants ${main.applicantsSeconds.toFixed(1)} s, code counters ${main.countersSeconds.toFixed(1)} s` +
      (other ? `; ${OTHER_TENANT} ${(other.dossiersSeconds + other.applicantsSeconds + other.countersSeconds).toFixed(1)} s` : '') +
      `; VACUUM ANALYZE ${seconds(loadEnd - vacuumStarted)}; total ${seconds(loadEnd - loadStarted)}`,
    ...(await describeData(database)),
    `  desks: ${desks.map((d) => `${d.agency.deskId} (${d.agency.id}, ${Math.round(d.agency.weight * 1000) / 10} % of dossiers): ${d.expected} pending online`).join('; ')}`,
  );

  say('starting intake in-process…');
  const kafka = await resolveKafkaBrokers();
  cleanup.add('stop the Kafka mock', () => kafka.stop());
  const url = `127.0.0.1:${await freePort()}`;
  const service = await startIntake(
    loadIntakeConfig({
      ...inProcessServiceEnv('intake', database, kafka.brokers, url),
      // ListPendingChecks never calls the catalogue or processing; nothing listens there.
      CATALOGUE_GRPC_URL: `127.0.0.1:${await freePort()}`,
      PROCESSING_GRPC_URL: `127.0.0.1:${await freePort()}`,
      PSEUDONYM_KEY: 'bench-pseudonym-key-0123456789abcdef',
    }),
  );
  cleanup.add('stop intake', () => service.stop());
  const client: GrpcClient<IntakeV1.IntakeServiceClient> = createGrpcClient(GrpcServices.intake, url, { deadlineMs: 60_000 });
  cleanup.add('close the gRPC client', async () => client.close());

  const lister = (agency: Agency) => {
    const actor = officer(agency);
    return (token: string) =>
      runInTenant({ tenantId: TENANT, traceId: newTraceId(), actor }, () => client.listPendingChecks({ deskId: agency.deskId, pageSize: options.pageSize, pageToken: token }));
  };

  for (const desk of desks) {
    say(`walking the worklist of ${desk.agency.deskId} (${desk.expected} pending)…`);
    desk.walk = await walk(lister(desk.agency), desk.expected);
  }
  report.push(
    '',
    'Whole worklist walked page by page through gRPC (checked: oldest first, no duplicate, count = database):',
    ...desks.map((d) => `  ${d.agency.deskId.padEnd(14)} ${d.walk.items} dossiers in ${d.walk.pages} pages, ${d.walk.ms.toFixed(0)} ms (${(d.walk.ms / d.walk.pages).toFixed(2)} ms per page)`),
  );

  // CPU of this process (the clients and intake) and of PostgreSQL during each measured window.
  const measurement: Measurement = { warmupSeconds: options.warmupSeconds, seconds: options.seconds, targetP99Ms: TARGET_P99_MS, sampler: new CpuSampler(() => [], () => postgresPidsOf(database)) };
  const runs: Run[] = [];
  for (const clients of [1, 4]) {
    for (const desk of desks) {
      const list = lister(desk.agency);
      runs.push(await measure(`${desk.agency.deskId} first page`, clients, measurement, async () => void (await list(''))));
      const deep = desk.walk.deepTokens;
      if (deep.length > 0) {
        runs.push(await measure(`${desk.agency.deskId} deep pages (${desk.walk.pages - deep.length + 1}–${desk.walk.pages} of ${desk.walk.pages})`, clients, measurement, async (n) => void (await list(deep[n % deep.length]))));
      }
    }
  }
  report.push(
    '',
    `gRPC ListPendingChecks as a desk officer (in-process intake, app role, RLS), ${options.seconds} s each after ${options.warmupSeconds} s warm-up; load average now ${loadavg()[0].toFixed(2)}`,
    `  ${'run'.padEnd(44)} ${'c'.padStart(2)}  ${'calls'.padStart(8)}  latency ms`,
    ...runs.flatMap((run) => [runLine(run, TARGET_P99_MS), cpuLine(run, 'node (clients + intake)')]),
  );

  say('stopping intake; the SQL alone…');
  await cleanup.closeOne('close the gRPC client');
  await cleanup.closeOne('stop intake');
  report.push('', ...(await sqlAlone(database, desks, options, measurement)));

  report.push('', targetVerdict(runs, TARGET_P99_MS));
  return report.join('\n');
}

/** The repository's query on one connection as the intake app role, in a tenant transaction (RLS applies). */
async function sqlAlone(database: BenchDatabase, desks: Desk[], options: Options, measurement: Measurement): Promise<string[]> {
  const pg = new Client({ connectionString: database.urlAs(serviceDatabaseNames('intake').appRole), application_name: 'motcua-bench-worklist' });
  await pg.connect();
  const repository = new DossierRepository();
  const manager = { query: async (text: string, values?: unknown[]) => (await pg.query(text, values)).rows } as unknown as EntityManager;
  const lines: string[] = [];
  const inTenant = <T>(work: () => Promise<T>) => runInTenant({ tenantId: TENANT, traceId: newTraceId() }, work);
  const setTenant = () => pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [TENANT]);
  try {
    const largest = desks[0];
    const afterOf = (token: string) => decodePageToken(token);
    const deepAfter = largest.walk.deepTokens.length > 0 ? afterOf(largest.walk.deepTokens[0]) : null;
    // The exact text and parameters the repository sends, for EXPLAIN.
    const captured: { text: string; values: unknown[] }[] = [];
    const capture = { query: async (text: string, values: unknown[] = []) => (captured.push({ text, values }), []) } as unknown as EntityManager;
    await inTenant(() => repository.pendingChecks(capture, largest.agency.id, options.pageSize + 1, null));
    if (deepAfter) await inTenant(() => repository.pendingChecks(capture, largest.agency.id, options.pageSize + 1, deepAfter));
    for (const [index, { text, values }] of captured.entries()) {
      await pg.query('BEGIN');
      await setTenant();
      const plan = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
      await pg.query('COMMIT');
      lines.push(`Plan, ${largest.agency.deskId} ${index === 0 ? 'first page' : 'deep page (middle of the list)'}, as the app role under RLS:`);
      lines.push(...plan.rows.map((row) => `  ${row['QUERY PLAN']}`), '');
    }

    const runs: Run[] = [];
    const sqlMeasure = (label: string, call: (n: number) => Promise<void>) => measure(label, 1, measurement, call, 1000, options.sqlSeconds);
    for (const desk of desks) {
      const deep = desk.walk.deepTokens.map(afterOf);
      const cases: [string, (n: number) => { submittedAt: Date; id: string } | null][] = [['first page', () => null]];
      if (deep.length > 0) cases.push(['deep pages', (n) => deep[n % deep.length]]);
      for (const [name, after] of cases) {
        // The query alone, inside one open tenant transaction.
        await pg.query('BEGIN');
        await setTenant();
        runs.push(await inTenant(() => sqlMeasure(`${desk.agency.deskId} ${name}: query`, async (n) => void (await repository.pendingChecks(manager, desk.agency.id, options.pageSize + 1, after(n))))));
        await pg.query('COMMIT');
        // As the service runs it: BEGIN, set_config, the query, COMMIT.
        runs.push(
          await inTenant(() =>
            sqlMeasure(`${desk.agency.deskId} ${name}: transaction`, async (n) => {
              await pg.query('BEGIN');
              await setTenant();
              await repository.pendingChecks(manager, desk.agency.id, options.pageSize + 1, after(n));
              await pg.query('COMMIT');
            }),
          ),
        );
      }
    }
    lines.push(
      `SQL alone: DossierRepository.pendingChecks on one connection as ${serviceDatabaseNames('intake').appRole} (RLS), ${options.sqlSeconds} s each after 1 s warm-up`,
      `  ("query": inside one open transaction; "transaction": BEGIN, set_config, query, COMMIT per call, as TenantTransactionRunner does)`,
      ...runs.flatMap((run) => [runLine(run, TARGET_P99_MS), cpuLine(run, 'node (client)')]),
    );
  } finally {
    await pg.end();
  }
  return lines;
}

void runBench(usageOf(FLAGS), (cleanup) => bench(cleanup, parseOptions(process.argv.slice(2))));

// The officers' and leaders' worklist benchmark: `npm run bench:processing-worklist -- [--workflows 1000000]`.
// Creates and migrates a fresh database, bulk-loads a province's workflows with their tasks
// (tenant A, plus a second tenant's rows) with SQL, starts the processing service in-process,
// and measures ListWorklist over gRPC as staff: scope mine (the specialist with the most
// assigned tasks), agency (the largest agency's specialists, and its leaders) and pool, the
// first page and deep pages (page tokens), with 1 and 4 concurrent clients, warm-up excluded.
// Then WorkflowRepository.openTasks alone as the processing app role under row-level security,
// with its plans. Target (issue 6, item 2): p99 ≤ 20 ms with 1 M dossiers in the tenant.
import '../../testing/workspace-aliases';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { GrpcServices, ProcessingV1 } from '@motcua/contracts';
import { serviceDatabaseNames } from '@motcua/persistence';
import { createGrpcClient, GrpcClient } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { freePort, resolveKafkaBrokers } from '@motcua/testing';
import { loadProcessingConfig } from '../../../apps/processing/src/config/processing.config';
import { startProcessing } from '../../../apps/processing/src/main';
import { WorkflowRepository } from '../../../apps/processing/src/workflow/persistence/workflow.repository';
import { FlagSpec, parseFlags, runBench, say, seconds, usageOf } from '../shared/cli';
import { cpuLine, measure, targetVerdict, Measurement, Run, runLine, Walk, walkPages } from '../shared/latency';
import { Cleanup } from '../submit/cleanup';
import { CpuSampler } from '../submit/cpu-sampler';
import { BenchDatabase, createBenchDatabase, postgresPidsOf } from '../submit/database';
import { LARGEST, loadTenant, staffSubject } from './load';
import { inProcessServiceEnv } from '../shared/service-env';

const TENANT = 'bench-province';
const OTHER_TENANT = 'bench-neighbour';
const TARGET_P99_MS = 20;

interface Options {
  workflows: number;
  otherWorkflows: number;
  openPercent: number;
  pageSize: number;
  seconds: number;
  warmupSeconds: number;
  sqlSeconds: number;
  /** Leave the loaded database behind (its name is printed) to study plans by hand. */
  keepDatabase: boolean;
  /** The smoke run: 50,000 workflows, 2 s windows. */
  quick: boolean;
}

const FLAGS: FlagSpec<Options> = {
  command: 'npm run bench:processing-worklist --',
  numeric: {
    '--workflows': { key: 'workflows', min: 1_000, max: 5_000_000, integer: true, help: 'workflows (dossiers in processing or done) of the measured tenant (default 1000000)' },
    '--other-workflows': { key: 'otherWorkflows', min: 0, max: 5_000_000, integer: true, help: "the second tenant's workflows (default a tenth of --workflows)" },
    '--open-percent': { key: 'openPercent', min: 1, max: 30, integer: false, help: 'share of workflows still in processing, with an open task (default 8)' },
    '--page-size': { key: 'pageSize', min: 1, max: 100, integer: true, help: 'worklist page size (default 20, the service default)' },
    '--seconds': { key: 'seconds', min: 1, max: 120, integer: true, help: 'measured seconds of each gRPC run (default 8)' },
    '--warmup': { key: 'warmupSeconds', min: 0, max: 30, integer: true, help: 'unmeasured seconds before each gRPC run (default 2)' },
    '--sql-seconds': { key: 'sqlSeconds', min: 1, max: 60, integer: true, help: 'measured seconds of each SQL-alone run (default 3)' },
  },
  switches: {
    '--quick': { key: 'quick', help: 'smoke run: 50,000 workflows, 2 s windows, 1 s warm-up and SQL runs (explicit flags still win)' },
    '--keep-database': { key: 'keepDatabase', help: 'leave the loaded database behind and print its name (drop it by hand)' },
  },
};

function parseOptions(argv: readonly string[]): Options {
  const defaults: Options = { workflows: 1_000_000, otherWorkflows: -1, openPercent: 8, pageSize: 20, seconds: 8, warmupSeconds: 2, sqlSeconds: 3, keepDatabase: false, quick: false };
  const quick = parseFlags<Options>(argv, defaults, FLAGS).quick;
  const options = parseFlags<Options>(argv, quick ? { ...defaults, workflows: 50_000, seconds: 2, warmupSeconds: 1, sqlSeconds: 1, quick } : defaults, FLAGS);
  if (options.otherWorkflows < 0) options.otherWorkflows = Math.round(options.workflows / 10);
  return options;
}

type Scope = 'mine' | 'agency' | 'pool';

/** One worklist as a staff member sees it, and what the database says it holds. */
interface Case {
  name: string;
  scope: Scope;
  actor: Actor;
  expected: number;
  walk: Walk;
  /** The keyset position behind each deep page token (the last item of the page before). */
  deepAfters: { dueAt: Date; id: string }[];
}

function staff(agencyId: string, role: 'specialist' | 'leader', subject: string): Actor {
  return { subject, roles: [role], agencyId };
}

/** The owner's count of the open tasks a list must show (every tenant's rows visible: the tenant is filtered here). */
async function expectedCount(database: BenchDatabase, scope: Scope, actor: Actor): Promise<number> {
  const rows =
    scope === 'mine'
      ? await database.query<{ n: string }>(`SELECT count(*) AS n FROM processing.tasks WHERE tenant_id = $1 AND status = 'open' AND assignee = $2`, [TENANT, actor.subject])
      : await database.query<{ n: string }>(
          `SELECT count(*) AS n FROM processing.tasks WHERE tenant_id = $1 AND status = 'open' AND agency_id = $2 AND role = ANY($3) ${scope === 'pool' ? 'AND assignee IS NULL' : ''}`,
          [TENANT, actor.agencyId, actor.roles],
        );
  return Number(rows[0].n);
}

async function describeData(database: BenchDatabase): Promise<string[]> {
  const tenants = await database.query<{ tenant_id: string; workflows: string; tasks: string; open: string }>(
    `SELECT w.tenant_id, w.n AS workflows, t.n AS tasks, t.open FROM (SELECT tenant_id, count(*) AS n FROM processing.workflows GROUP BY tenant_id) w
       JOIN (SELECT tenant_id, count(*) AS n, count(*) FILTER (WHERE status = 'open') AS open FROM processing.tasks GROUP BY tenant_id) t USING (tenant_id) ORDER BY 1`,
  );
  const statuses = await database.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM processing.workflows WHERE tenant_id = $1 GROUP BY 1 ORDER BY 2 DESC`, [TENANT]);
  const open = await database.query<{ role: string; n: string; assigned: string; overdue: string }>(
    `SELECT role, count(*) AS n, count(assignee) AS assigned, count(*) FILTER (WHERE due_at < now()) AS overdue
       FROM processing.tasks WHERE tenant_id = $1 AND status = 'open' GROUP BY 1 ORDER BY 2 DESC`,
    [TENANT],
  );
  const largest = await database.query<{ role: string; n: string; pool: string }>(
    `SELECT role, count(*) AS n, count(*) FILTER (WHERE assignee IS NULL) AS pool FROM processing.tasks WHERE tenant_id = $1 AND status = 'open' AND agency_id = $2 GROUP BY 1 ORDER BY 2 DESC`,
    [TENANT, LARGEST.id],
  );
  const sizes = await database.query<{ name: string; size: string }>(
    `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'processing' AND (c.relname IN ('workflows', 'tasks') OR c.relname LIKE 'tasks\\_%' OR c.relname LIKE 'workflows\\_%') AND c.relkind IN ('r', 'i') ORDER BY c.relname`,
  );
  return [
    `  rows per tenant: ${tenants.map((t) => `${t.tenant_id} ${t.workflows} workflows, ${t.tasks} tasks (${t.open} open)`).join('; ')}`,
    `  ${TENANT} workflows by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`,
    `  ${TENANT} open tasks by role: ${open.map((o) => `${o.role} ${o.n} (${o.assigned} assigned, ${o.overdue} overdue)`).join(', ')}`,
    `  ${LARGEST.id} open tasks: ${largest.map((o) => `${o.role} ${o.n} (${o.pool} in the pool)`).join(', ')}`,
    `  sizes (with TOAST, tables also with their indexes): ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`,
  ];
}

function checksOf(testCase: Case) {
  const { scope, actor } = testCase;
  return {
    id: (task: ProcessingV1.Task) => task.id,
    // ISO instants have a fixed width, and uuids order as their hex text: the text orders as (due_at, id).
    orderKey: (task: ProcessingV1.Task) => `${task.dueAt}|${task.id}`,
    check: (task: ProcessingV1.Task) => {
      if (task.status !== 'open') throw new Error(`${testCase.name}: a task in status ${task.status}`);
      if (scope === 'mine' && task.assignee !== actor.subject) throw new Error(`${testCase.name}: a task assigned to someone else`);
      if (scope !== 'mine' && (task.agencyId !== actor.agencyId || !actor.roles.includes(task.role))) throw new Error(`${testCase.name}: a task of ${task.agencyId}/${task.role}`);
      if (scope === 'pool' && task.assignee !== '') throw new Error(`${testCase.name}: an assigned task in the pool`);
    },
  };
}

async function bench(cleanup: Cleanup, options: Options): Promise<string> {
  const report: string[] = [];
  const load1 = loadavg()[0];
  say('creating and migrating a fresh database…');
  const database = await createBenchDatabase();
  if (options.keepDatabase) say(`the database ${database.name} will be kept`);
  else cleanup.add('drop the database', () => database.drop());

  const now = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  const open = options.openPercent / 100;
  say(`loading ${options.workflows} workflows into ${TENANT} and ${options.otherWorkflows} into ${OTHER_TENANT}…`);
  const loadStarted = performance.now();
  const mainSeconds = await loadTenant(database, { tenantId: TENANT, workflows: options.workflows, open, salt: 3000, now });
  const otherSeconds = options.otherWorkflows > 0 ? await loadTenant(database, { tenantId: OTHER_TENANT, workflows: options.otherWorkflows, open, salt: 4000, now }) : 0;
  const vacuumStarted = performance.now();
  // What autovacuum would have done to a table of that age (and would otherwise do in the middle of the measurement).
  await database.query('VACUUM (ANALYZE) processing.workflows, processing.tasks');
  const loadEnd = performance.now();
  say(`loaded in ${seconds(loadEnd - loadStarted)} (vacuum + analyze ${seconds(loadEnd - vacuumStarted)})`);

  // The specialist with the most open assigned tasks in the tenant.
  const [busiest] = await database.query<{ assignee: string; agency_id: string; n: string }>(
    `SELECT assignee, agency_id, count(*) AS n FROM processing.tasks WHERE tenant_id = $1 AND status = 'open' AND role = 'specialist' AND assignee IS NOT NULL
      GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`,
    [TENANT],
  );
  const specialist = staff(LARGEST.id, 'specialist', staffSubject(TENANT, LARGEST.id, 'specialist', 1));
  const leader = staff(LARGEST.id, 'leader', staffSubject(TENANT, LARGEST.id, 'leader', 0));
  const shapes: [string, Scope, Actor][] = [
    ['mine, busiest specialist', 'mine', staff(busiest.agency_id, 'specialist', busiest.assignee)],
    ['agency, specialist', 'agency', specialist],
    ['agency, leader', 'agency', leader],
    ['pool, specialist', 'pool', specialist],
  ];
  const cases: Case[] = [];
  for (const [name, scope, actor] of shapes) {
    cases.push({ name, scope, actor, expected: await expectedCount(database, scope, actor), walk: { items: 0, pages: 0, ms: 0, deepTokens: [] }, deepAfters: [] });
  }

  report.push(
    `MotCua officers' worklist benchmark: ListWorklist (page size ${options.pageSize}), ${options.workflows} workflows in ${TENANT} + ${options.otherWorkflows} in ${OTHER_TENANT}, ${options.openPercent} % still in processing`,
    `  PostgreSQL ${database.settings.version} (shared_buffers ${database.settings.sharedBuffers}, fsync ${database.settings.fsync}), Node ${process.versions.node}, load average at start ${load1.toFixed(2)}`,
    `  load: ${TENANT} ${mainSeconds.toFixed(1)} s` + (otherSeconds > 0 ? `; ${OTHER_TENANT} ${otherSeconds.toFixed(1)} s` : '') + `; VACUUM ANALYZE ${seconds(loadEnd - vacuumStarted)}; total ${seconds(loadEnd - loadStarted)}`,
    ...(await describeData(database)),
    `  lists: ${cases.map((c) => `${c.name} (${c.scope === 'mine' ? c.actor.agencyId : `${c.actor.agencyId} ${c.actor.roles.join('+')}`}): ${c.expected} open`).join('; ')}`,
  );

  say('starting processing in-process…');
  const kafka = await resolveKafkaBrokers();
  cleanup.add('stop the Kafka mock', () => kafka.stop());
  const url = `127.0.0.1:${await freePort()}`;
  const service = await startProcessing(
    loadProcessingConfig({
      ...inProcessServiceEnv('processing', database, kafka.brokers, url),
      // ListWorklist never calls the catalogue; nothing listens there.
      CATALOGUE_GRPC_URL: `127.0.0.1:${await freePort()}`,
      // No timers are loaded; the scheduler's polling would only add noise.
      SCHEDULER_ENABLED: 'false',
    }),
  );
  cleanup.add('stop processing', () => service.stop());
  const client: GrpcClient<ProcessingV1.ProcessingServiceClient> = createGrpcClient(GrpcServices.processing, url, { deadlineMs: 60_000 });
  cleanup.add('close the gRPC client', async () => client.close());

  const lister = (testCase: Case) => (token: string) =>
    runInTenant({ tenantId: TENANT, traceId: newTraceId(), actor: testCase.actor }, () => client.listWorklist({ scope: testCase.scope, pageSize: options.pageSize, pageToken: token }));

  for (const testCase of cases) {
    say(`walking ${testCase.name} (${testCase.expected} open tasks)…`);
    const list = lister(testCase);
    const afters = new Map<string, { dueAt: Date; id: string }>();
    testCase.walk = await walkPages(
      async (token) => {
        const page = await list(token);
        const last = page.items[page.items.length - 1];
        if (page.nextPageToken && last) afters.set(page.nextPageToken, { dueAt: new Date(last.dueAt), id: last.id });
        return page;
      },
      testCase.expected,
      checksOf(testCase),
    );
    testCase.deepAfters = testCase.walk.deepTokens.map((token) => afters.get(token) ?? { dueAt: new Date(0), id: '' });
  }
  report.push(
    '',
    'Whole worklists walked page by page through gRPC (checked: most urgent first by (due, id), no duplicate, right status/agency/role/assignee, count = database):',
    ...cases.map((c) => `  ${c.name.padEnd(26)} ${c.walk.items} tasks in ${c.walk.pages} pages, ${c.walk.ms.toFixed(0)} ms (${(c.walk.ms / c.walk.pages).toFixed(2)} ms per page)`),
  );

  // CPU of this process (the clients and processing) and of PostgreSQL during each measured window.
  const measurement: Measurement = { warmupSeconds: options.warmupSeconds, seconds: options.seconds, targetP99Ms: TARGET_P99_MS, sampler: new CpuSampler(() => [], () => postgresPidsOf(database)) };
  const runs: Run[] = [];
  for (const clients of [1, 4]) {
    for (const testCase of cases) {
      const list = lister(testCase);
      runs.push(await measure(`${testCase.name}, first page`, clients, measurement, async () => void (await list(''))));
      const deep = testCase.walk.deepTokens;
      if (deep.length > 0) {
        const { pages } = testCase.walk;
        runs.push(await measure(`${testCase.name}, pages ${pages - deep.length + 1}–${pages}`, clients, measurement, async (n) => void (await list(deep[n % deep.length]))));
      }
    }
  }
  report.push(
    '',
    `gRPC ListWorklist as staff (in-process processing, app role, RLS), ${options.seconds} s each after ${options.warmupSeconds} s warm-up; load average now ${loadavg()[0].toFixed(2)}`,
    `  ${'run'.padEnd(44)} ${'c'.padStart(2)}  ${'calls'.padStart(8)}  latency ms`,
    ...runs.flatMap((run) => [runLine(run, TARGET_P99_MS), cpuLine(run, 'node (clients + processing)')]),
  );

  say('stopping processing; the SQL alone…');
  await cleanup.closeOne('close the gRPC client');
  await cleanup.closeOne('stop processing');
  report.push('', ...(await sqlAlone(database, cases, options, measurement)));

  report.push('', targetVerdict(runs, TARGET_P99_MS));
  return report.join('\n');
}

type Filter = Parameters<WorkflowRepository['openTasks']>[1];

/** The handler's filter for a case (ReadWorkflowHandler.worklist). */
function filterOf(testCase: Case): Filter {
  return testCase.scope === 'mine'
    ? { assignee: testCase.actor.subject }
    : { agencyId: testCase.actor.agencyId ?? '', roles: testCase.actor.roles, unassignedOnly: testCase.scope === 'pool' };
}

/** The repository's query on one connection as the processing app role, in a tenant transaction (RLS applies). */
async function sqlAlone(database: BenchDatabase, cases: Case[], options: Options, measurement: Measurement): Promise<string[]> {
  const appRole = serviceDatabaseNames('processing').appRole;
  const pg = new Client({ connectionString: database.urlAs(appRole), application_name: 'motcua-bench-processing-worklist' });
  await pg.connect();
  const repository = new WorkflowRepository();
  const manager = { query: async (text: string, values?: unknown[]) => (await pg.query(text, values)).rows } as unknown as EntityManager;
  const lines: string[] = [];
  const inTenant = <T>(work: () => Promise<T>) => runInTenant({ tenantId: TENANT, traceId: newTraceId() }, work);
  const setTenant = () => pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [TENANT]);
  const limit = options.pageSize + 1;
  try {
    for (const testCase of cases) {
      // The exact text and parameters the repository sends, for EXPLAIN: first page, and a page in the middle.
      const captured: { text: string; values: unknown[] }[] = [];
      const capture = { query: async (text: string, values: unknown[] = []) => (captured.push({ text, values }), []) } as unknown as EntityManager;
      await inTenant(() => repository.openTasks(capture, filterOf(testCase), limit, null));
      if (testCase.deepAfters.length > 0) await inTenant(() => repository.openTasks(capture, filterOf(testCase), limit, testCase.deepAfters[0]));
      for (const [index, { text, values }] of captured.entries()) {
        await pg.query('BEGIN');
        await setTenant();
        const plan = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        await pg.query('COMMIT');
        lines.push(`Plan, ${testCase.name}, ${index === 0 ? 'first page' : 'deep page (middle of the list)'}, as the app role under RLS:`);
        lines.push(...plan.rows.map((row) => `  ${row['QUERY PLAN']}`), '');
      }
    }

    const runs: Run[] = [];
    const sqlMeasure = (label: string, call: (n: number) => Promise<void>) => measure(label, 1, measurement, call, 1000, options.sqlSeconds);
    for (const testCase of cases) {
      const filter = filterOf(testCase);
      const deep = testCase.deepAfters;
      const pages: [string, (n: number) => { dueAt: Date; id: string } | null][] = [['first page', () => null]];
      if (deep.length > 0) pages.push(['deep pages', (n) => deep[n % deep.length]]);
      for (const [name, after] of pages) {
        // The query alone, inside one open tenant transaction.
        await pg.query('BEGIN');
        await setTenant();
        runs.push(await inTenant(() => sqlMeasure(`${testCase.name}, ${name}: query`, async (n) => void (await repository.openTasks(manager, filter, limit, after(n))))));
        await pg.query('COMMIT');
        // As the service runs it: BEGIN, set_config, the query, COMMIT.
        runs.push(
          await inTenant(() =>
            sqlMeasure(`${testCase.name}, ${name}: transaction`, async (n) => {
              await pg.query('BEGIN');
              await setTenant();
              await repository.openTasks(manager, filter, limit, after(n));
              await pg.query('COMMIT');
            }),
          ),
        );
      }
    }
    lines.push(
      `SQL alone: WorkflowRepository.openTasks on one connection as ${appRole} (RLS), ${options.sqlSeconds} s each after 1 s warm-up`,
      `  ("query": inside one open transaction; "transaction": BEGIN, set_config, query, COMMIT per call, as TenantTransactionRunner does)`,
      ...runs.flatMap((run) => [runLine(run, TARGET_P99_MS), cpuLine(run, 'node (client)')]),
    );
  } finally {
    await pg.end();
  }
  return lines;
}

void runBench(usageOf(FLAGS), (cleanup) => bench(cleanup, parseOptions(process.argv.slice(2))));

// The submission benchmark: `npm run bench:submit -- --clients 8 --seconds 20`.
// Starts the platform (one process per service) on a fresh database, submits dossiers through
// the gateway with N clients for T seconds, follows them until evaluation counts them, runs the
// same transaction's SQL alone with pgbench, prints the report and the ratio, cleans up.
import '../../testing/workspace-aliases';
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Cleanup } from './cleanup';
import { createBenchDatabase } from './database';
import { eventLatency, waitUntilCounted } from './event-latency';
import { runLoad } from './load';
import { parseOptions, USAGE } from './options';
import { runBench, say } from '../shared/cli';
import { runPgbench } from './pgbench';
import { startPlatform, StopResult } from './platform';
import { readMemory } from './proc-stats';
import { formatReport, ServiceReading } from './report';
import { seedAndProbe } from './seed';
import { sampleDuring, WindowMeter } from './window-meter';

const ROOT = join(__dirname, '..', '..', '..');
/** The idle platform's own CPU use (pollers, heartbeats) is sampled this long, after the probe's events settle. */
const IDLE_SECONDS = 5;
const IDLE_SETTLE_MS = 1_000;
/** pgbench's CPU is sampled after its clients connected and before they leave. */
const PGBENCH_SKIP_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function bench(cleanup: Cleanup): Promise<string> {
  const options = parseOptions(process.argv.slice(2));
  if (Number(process.versions.node.split('.')[0]) < 24) say(`running on Node ${process.versions.node}; the platform targets Node 24 (use npm run)`);

  say('creating and migrating a fresh database…');
  const database = await createBenchDatabase();
  cleanup.add('drop the database', () => database.drop());
  if (database.settings.fsync !== 'on') say(`fsync is ${database.settings.fsync} on this server: the figures will flatter the platform`);

  const logDir = join(ROOT, 'tmp', 'bench-submit', database.name);
  say(`starting the platform (logs in ${logDir})…`);
  const platform = await startPlatform(database, { logDir, profile: options.profile });
  let stopped: StopResult[] = [];
  cleanup.add('stop the platform', async () => {
    stopped = await platform.stop();
  });

  say('seeding a tenant and a procedure, probing the path end to end…');
  const submission = await seedAndProbe(platform, database);
  const meter = new WindowMeter(platform, database);
  say(`measuring the idle platform for ${IDLE_SECONDS} s…`);
  await sleep(IDLE_SETTLE_MS);
  const idle = await meter.measure(() => sleep(IDLE_SECONDS * 1000));

  const phase = { clients: options.clients, maxRequests: options.maxRequests, requestTimeoutMs: options.requestTimeoutMs };
  let warmupRequests = 0;
  if (options.warmupSeconds > 0) {
    say(`warming up for ${options.warmupSeconds} s…`);
    warmupRequests = (await runLoad(submission, { ...phase, seconds: options.warmupSeconds })).requests;
  }
  say(`measuring: ${options.clients} clients for ${options.seconds} s…`);
  const measured = await meter.measure(() => runLoad(submission, { ...phase, seconds: options.seconds }));
  const load = measured.result;
  const services: ServiceReading[] = platform.services.map((service) => ({ name: service.name, pid: service.pid, memory: readMemory(service.pid), logLines: 0 }));
  platform.assertAlive();

  say('waiting until evaluation has counted every dossier…');
  const settle = await waitUntilCounted(database, options.settleSeconds);
  const events = await eventLatency(database, load.dossierIds);
  const logLines = platform.logLines();
  for (const service of services) service.logLines = logLines[service.name] ?? 0;

  say('stopping the platform…');
  await cleanup.closeOne('stop the platform');
  say(`running the same transaction with pgbench for ${options.seconds} s…`);
  // PostgreSQL's CPU per pgbench transaction, sampled in the middle of the run while its backends live.
  const [pgbench, pgbenchCpu] = await Promise.all([
    runPgbench(database, options.clients, options.seconds, availableParallelism()),
    sampleDuring(database, PGBENCH_SKIP_MS, Math.max(500, options.seconds * 1000 - 2 * PGBENCH_SKIP_MS)),
  ]);

  const troubled = Object.keys(load.errors).length > 0 || services.some((service) => service.logLines > 0) || stopped.some((stop) => !stop.clean);
  const keepLogs = options.keepLogs || options.profile || troubled;
  if (!keepLogs) await rm(logDir, { recursive: true, force: true });
  return formatReport({
    options,
    nodeVersion: process.versions.node,
    server: database.settings,
    warmupRequests,
    load,
    settle,
    events,
    pgbench,
    pgbenchCpu,
    cpu: measured.cpu,
    idleCpu: idle.cpu,
    loadDatabase: measured.database,
    idleDatabase: idle.database,
    services,
    stopped,
    logDir: keepLogs ? logDir : undefined,
  });
}

void runBench(USAGE, bench);

// The printed report: throughput, latency, errors, end-to-end event latency, the SQL-alone
// ceiling (pgbench) and the ratio, then where CPU and memory went.
import { CpuBreakdown, OTHER_LABEL, POSTGRES_LABEL } from './cpu-sampler';
import type { ServerSettings } from './database';
import type { DatabaseRates } from './db-activity';
import type { EventLatency, SettleResult } from './event-latency';
import type { LoadResult } from './load';
import type { BenchOptions } from './options';
import type { PgbenchResult } from './pgbench';
import type { StopResult } from './platform';
import type { MemoryReading } from './proc-stats';
import { LatencySummary, summarize } from './stats';

export interface ServiceReading {
  name: string;
  pid: number;
  memory?: MemoryReading;
  logLines: number;
}

export interface BenchReport {
  options: BenchOptions;
  nodeVersion: string;
  server: ServerSettings;
  warmupRequests: number;
  load: LoadResult;
  settle: SettleResult;
  events: EventLatency;
  pgbench: PgbenchResult;
  /** PostgreSQL's (and the machine's) CPU in the middle of the pgbench run. */
  pgbenchCpu: CpuBreakdown;
  cpu: CpuBreakdown;
  /** The same processes with no load, before the warm-up. */
  idleCpu: CpuBreakdown;
  /** pg_stat_database of this database over the same two windows. */
  loadDatabase: DatabaseRates;
  idleDatabase: DatabaseRates;
  services: ServiceReading[];
  stopped: StopResult[];
  logDir?: string;
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const mib = (kib: number) => `${fixed(kib / 1024, 0)} MiB`;

function latencyLine(summary: LatencySummary | undefined): string {
  if (!summary) return 'no samples';
  return `p50 ${fixed(summary.p50)}  p95 ${fixed(summary.p95)}  p99 ${fixed(summary.p99)}  max ${fixed(summary.max)}  (mean ${fixed(summary.mean)}, n=${summary.count})`;
}

function errorsLine(errors: Record<string, number>): string {
  const entries = Object.entries(errors).sort(([, a], [, b]) => b - a);
  return entries.length === 0 ? 'none' : entries.map(([key, count]) => `${key}: ${count}`).join(', ');
}

function row(label: string, value: string, width = 20): string {
  return `  ${label.padEnd(width)}${value}`;
}

/** Above this, other processes disturbed the measurement enough to say so. */
const OTHER_CPU_WARNING_PERCENT = 15;

function pgbenchCpuLine(cpu: CpuBreakdown, tps: number): string {
  const postgres = cpu.shares.find((share) => share.label === POSTGRES_LABEL);
  if (!postgres || tps <= 0) return 'not sampled';
  return `PostgreSQL ${fixed(postgres.percentOfCore, 0)} % of a core = ${fixed((10 * postgres.percentOfCore) / tps, 2)} ms per transaction; machine ${fixed(cpu.machineBusyPercent, 0)} % busy`;
}

export function formatReport(report: BenchReport): string {
  const { options, load, events, pgbench, cpu } = report;
  const created = load.dossierIds.length;
  const throughput = created / load.elapsedSeconds;
  const ratio = throughput / pgbench.tps;
  const errorCount = Object.values(load.errors).reduce((sum, count) => sum + count, 0);
  const lines: string[] = [];
  const push = (...more: string[]) => lines.push(...more);

  push(
    `MotCua submission benchmark: ${options.clients} clients, ${options.seconds} s measured after ${options.warmupSeconds} s warm-up (${report.warmupRequests} requests)`,
    row('machine', `${cpu.cores} cores, Node ${report.nodeVersion}, PostgreSQL ${report.server.version}`),
    row('postgresql', `fsync ${report.server.fsync}, synchronous_commit ${report.server.synchronousCommit}, shared_buffers ${report.server.sharedBuffers}, max_connections ${report.server.maxConnections}`),
    '',
    'HTTP: POST /v1/dossiers through the gateway (keep-alive, closed loop)',
    row('requests', `${load.requests} in ${fixed(load.elapsedSeconds, 2)} s: ${created} created (201), ${errorCount} errors`),
    row('throughput', `${fixed(throughput)} dossiers/s`),
    row('latency, all (ms)', latencyLine(summarize(load.latenciesMs))),
    row('latency, 201 (ms)', latencyLine(summarize(load.createdLatenciesMs))),
    row('errors', errorsLine(load.errors)),
    '',
    'Event: submitted_at (intake.dossiers) -> counted by evaluation (evaluation.inbox), measured dossiers',
    row('dossiers', `${events.stored} of ${created} stored, ${events.counted} counted; waited ${fixed(report.settle.waitedSeconds)} s for all, ${report.settle.missing} still missing`),
    row('latency (ms)', latencyLine(events.summary)),
    '',
    `SQL alone: pgbench -M prepared, ${options.clients} clients, ${options.seconds} s, as motcua_intake (forced RLS), services stopped`,
    row('tps', `${fixed(pgbench.tps)}  (latency average ${pgbench.latencyAverageMs ?? '?'} ms, ${pgbench.transactions ?? '?'} transactions, ${pgbench.failed ?? 0} failed)`),
    row('cpu', pgbenchCpuLine(report.pgbenchCpu, pgbench.tps)),
    '',
    row('RATIO', `HTTP throughput / pgbench TPS = ${fixed(throughput, 1)} / ${fixed(pgbench.tps, 1)} = ${fixed(ratio, 3)}`),
    '',
    `CPU, % of one core: under load (measured window, ${fixed(cpu.wallSeconds)} s, machine ${fixed(cpu.machineBusyPercent, 0)} % busy of ${cpu.cores} cores)`,
    `and idle (${fixed(report.idleCpu.wallSeconds)} s before the warm-up, machine ${fixed(report.idleCpu.machineBusyPercent, 0)} % busy); CPU ms per dossier: all, and above idle`,
    row('', `${'load'.padStart(6)} ${'idle'.padStart(6)} ${'ms/dossier'.padStart(11)} ${'above idle'.padStart(11)}`, 34),
  );
  const idle = new Map(report.idleCpu.shares.map((share) => [share.label, share.percentOfCore]));
  for (const share of [...cpu.shares].sort((a, b) => b.seconds - a.seconds)) {
    const idlePercent = idle.get(share.label) ?? 0;
    const perDossier = (percent: number) => (created > 0 ? fixed((10 * percent * cpu.wallSeconds) / created, 2) : '-');
    push(
      row(
        share.label,
        `${fixed(share.percentOfCore, 0).padStart(6)} ${fixed(idlePercent, 0).padStart(6)} ${perDossier(share.percentOfCore).padStart(11)} ${perDossier(Math.max(0, share.percentOfCore - idlePercent)).padStart(11)}`,
        34,
      ),
    );
  }
  const other = cpu.shares.find((share) => share.label === OTHER_LABEL);
  if (other && other.percentOfCore > OTHER_CPU_WARNING_PERCENT) {
    push(`  WARNING: processes outside the benchmark used ${fixed(other.percentOfCore, 0)} % of a core during the window: the figures are disturbed; run again on a quiet machine.`);
  }
  push('', `PostgreSQL work in this database (pg_stat_database): per second under load, idle, and per dossier above idle`);
  const databaseRow = (label: string, key: Exclude<keyof DatabaseRates, 'seconds'>) => {
    const load = report.loadDatabase[key];
    const quiet = report.idleDatabase[key];
    const perDossier = throughput > 0 ? fixed(Math.max(0, load - quiet) / throughput, 1) : '-';
    push(row(label, `${fixed(load, 0).padStart(6)} ${fixed(quiet, 0).padStart(6)} ${perDossier.padStart(11)}`, 34));
  };
  databaseRow('commits', 'commitsPerSecond');
  databaseRow('rollbacks', 'rollbacksPerSecond');
  databaseRow('rows inserted', 'insertedPerSecond');
  databaseRow('rows updated', 'updatedPerSecond');
  push('', 'Service processes at the end of the load: VmRSS (peak VmHWM), log lines at level warn+, exit');
  const stops = new Map(report.stopped.map((stop) => [stop.name, stop]));
  for (const service of report.services) {
    const memory = service.memory ? `${mib(service.memory.rssKiB).padStart(8)} (${mib(service.memory.peakKiB)})` : 'gone';
    push(row(`${service.name} [${service.pid}]`, `${memory.padEnd(22)} logs ${String(service.logLines).padStart(4)}   ${stops.get(service.name)?.exit ?? '?'}`, 22));
  }
  if (report.logDir) push('', `Service logs kept in ${report.logDir}`);
  return lines.join('\n');
}

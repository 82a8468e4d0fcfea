// Closed-loop latency windows of the worklist benchmarks: N callers for T seconds after an
// unmeasured warm-up, the percentiles, throughput and where the CPU went; and a walk of a
// keyset-paginated list that checks its order, duplicates and count.
import { CpuBreakdown, CpuSampler, OTHER_LABEL, POSTGRES_LABEL } from '../submit/cpu-sampler';
import { LatencySummary, summarize } from '../submit/stats';
import { say } from './cli';

export interface Run {
  label: string;
  clients: number;
  seconds: number;
  summary: LatencySummary;
  cpu: CpuBreakdown;
}

export interface Measurement {
  /** Unmeasured seconds before each window. */
  warmupSeconds: number;
  /** Measured seconds of each window. */
  seconds: number;
  /** p99 target in ms: a run above it is marked. */
  targetP99Ms: number;
  sampler: CpuSampler;
}

const f = (ms: number) => ms.toFixed(2).padStart(7);

export function runLine(run: Run, target: number): string {
  const s = run.summary;
  const verdict = s.p99 <= target ? '' : '  > target';
  return `  ${run.label.padEnd(44)} ${String(run.clients).padStart(2)}  ${(s.count / run.seconds).toFixed(0).padStart(6)}/s  p50 ${f(s.p50)}  p95 ${f(s.p95)}  p99 ${f(s.p99)}  max ${f(s.max)}  n=${s.count}${verdict}`;
}

/** Where the CPU went in the window: % of one core, and CPU ms per call. */
export function cpuLine(run: Run, node: string): string {
  const calls = run.summary.count;
  const part = (label: string, seconds: number) => `${label} ${((100 * seconds) / run.cpu.wallSeconds).toFixed(0)} % (${((1000 * seconds) / calls).toFixed(2)} ms/call)`;
  const of = (match: (label: string) => boolean) => run.cpu.shares.filter((share) => match(share.label)).reduce((sum, share) => sum + share.seconds, 0);
  const postgres = of((label) => label === POSTGRES_LABEL);
  const other = of((label) => label === OTHER_LABEL);
  const nodeSeconds = of((label) => label !== POSTGRES_LABEL && label !== OTHER_LABEL);
  return `  ${''.padEnd(44)}     cpu: machine ${run.cpu.machineBusyPercent.toFixed(0)} % busy of ${run.cpu.cores} cores; ${part('postgresql', postgres)}, ${part(node, nodeSeconds)}, ${part('other processes', other)}`;
}

/** Closed loop: `clients` callers, each calling again as soon as its call returns, for `ms`. */
export async function closedLoop(clients: number, ms: number, call: (n: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  const deadline = performance.now() + ms;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const n = next++;
        const started = performance.now();
        await call(n);
        samples.push(performance.now() - started);
      }
    }),
  );
  return samples;
}

/** One window: warm-up (not measured), then `seconds` measured with the CPU sampled. */
export async function measure(
  label: string,
  clients: number,
  measurement: Measurement,
  call: (n: number) => Promise<void>,
  warmupMs = measurement.warmupSeconds * 1000,
  measuredSeconds = measurement.seconds,
): Promise<Run> {
  const { sampler } = measurement;
  if (warmupMs > 0) await closedLoop(clients, warmupMs, call);
  await sampler.begin();
  const samples = await closedLoop(clients, measuredSeconds * 1000, call);
  const cpu = await sampler.end();
  const summary = summarize(samples);
  if (!summary) throw new Error(`${label}: no samples`);
  const run = { label, clients, seconds: measuredSeconds, summary, cpu };
  say(runLine(run, measurement.targetP99Ms).trim());
  return run;
}

export interface Walk {
  items: number;
  pages: number;
  ms: number;
  /** Page tokens from the middle of the list to its last page. */
  deepTokens: string[];
}

export interface WalkCheck<T> {
  id(item: T): string;
  /** Text that orders as the list must: each item's key is above the previous one's. */
  orderKey(item: T): string;
  /** Throws if the item does not belong in the list. */
  check(item: T): void;
}

/** Walks a whole keyset-paginated list; checks the order, no duplicate, and the count against the owner's. */
export async function walkPages<T>(list: (token: string) => Promise<{ items: T[]; nextPageToken: string }>, expected: number, checks: WalkCheck<T>): Promise<Walk> {
  const tokens: string[] = [];
  const seen = new Set<string>();
  let previous = '';
  let token = '';
  const started = performance.now();
  do {
    const page = await list(token);
    for (const item of page.items) {
      const id = checks.id(item);
      const key = checks.orderKey(item);
      if (seen.has(id)) throw new Error(`the list returned ${id} twice`);
      if (key <= previous) throw new Error(`the list is out of order at ${id}`);
      checks.check(item);
      seen.add(id);
      previous = key;
    }
    token = page.nextPageToken;
    if (token) tokens.push(token);
  } while (token);
  const ms = performance.now() - started;
  if (seen.size !== expected) throw new Error(`the list had ${seen.size} items, the database has ${expected}`);
  return { items: seen.size, pages: tokens.length + 1, ms, deepTokens: tokens.slice(Math.floor(tokens.length / 2)) };
}

/** Whether the p99 target was met with 1 client and with every client count, with the worst p99 of each. */
export function targetVerdict(runs: readonly Run[], targetMs: number): string {
  const worst = Math.max(...runs.map((run) => run.summary.p99));
  const worstSingle = Math.max(...runs.filter((run) => run.clients === 1).map((run) => run.summary.p99));
  const verdict = (p99: number) => (p99 <= targetMs ? 'met' : 'NOT met');
  return `target p99 ≤ ${targetMs} ms: 1 client ${verdict(worstSingle)} (worst p99 ${worstSingle.toFixed(2)} ms); all client counts ${verdict(worst)} (worst p99 ${worst.toFixed(2)} ms)`;
}

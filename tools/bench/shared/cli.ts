// Command line and lifecycle of the latency benchmarks (bench:worklist, bench:processing-worklist):
// bounded numeric flags and on/off switches, a usage text, and a main that closes everything
// it started on success, failure or Ctrl-C.
import { Cleanup } from '../submit/cleanup';

export interface NumericFlag<K extends string> {
  key: K;
  min: number;
  max: number;
  integer: boolean;
  help: string;
}

export interface FlagSpec<O> {
  /** e.g. `npm run bench:worklist --`. */
  command: string;
  numeric: Record<string, NumericFlag<Extract<keyof O, string>>>;
  switches: Record<string, { key: Extract<keyof O, string>; help: string }>;
}

export class UsageError extends Error {}

export function usageOf<O>(spec: FlagSpec<O>): string {
  const flags = [...Object.keys(spec.numeric).map((flag) => `[${flag} N]`), ...Object.keys(spec.switches).map((flag) => `[${flag}]`)];
  return [
    `Usage: ${spec.command} ${flags.join(' ')}`,
    ...Object.entries(spec.numeric).map(([flag, numeric]) => `  ${flag.padEnd(18)}${numeric.help}`),
    ...Object.entries(spec.switches).map(([flag, onOff]) => `  ${flag.padEnd(18)}${onOff.help}`),
  ].join('\n');
}

/** Parses `--flag value`, `--flag=value` and switches over the defaults; rejects unknown flags and out-of-range numbers. */
export function parseFlags<O extends object>(argv: readonly string[], defaults: O, spec: FlagSpec<O>): O {
  const options = { ...defaults } as Record<string, unknown>;
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2) as [string, string | undefined];
    const onOff = spec.switches[flag];
    if (onOff && inline === undefined) {
      options[onOff.key] = true;
      continue;
    }
    const numeric = spec.numeric[flag];
    if (!numeric) throw new UsageError(`Unknown argument ${JSON.stringify(argv[index])}\n${usageOf(spec)}`);
    const text = inline ?? argv[++index];
    const value = Number(text);
    if (text === undefined || !Number.isFinite(value) || (numeric.integer && !Number.isInteger(value)) || value < numeric.min || value > numeric.max) {
      throw new UsageError(`${flag} must be a number from ${numeric.min} to ${numeric.max}, not ${JSON.stringify(text)}\n${usageOf(spec)}`);
    }
    options[numeric.key] = value;
  }
  return options as O;
}

export const say = (message: string) => process.stderr.write(`bench: ${message}\n`);
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs a benchmark: `--help` prints the usage; the report goes to stdout, progress to stderr;
 * what the run started is closed in every case (Ctrl-C included); exit 2 on a usage error.
 */
export async function runBench(usage: string, bench: (cleanup: Cleanup) => Promise<string>): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const cleanup = new Cleanup();
  const interrupt = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping everything…`);
    void cleanup.closeAll().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  let exitCode = 0;
  try {
    const started = performance.now();
    const report = await bench(cleanup);
    process.stdout.write(`\n${report}\n  whole run ${seconds(performance.now() - started)}\n`);
  } catch (error) {
    exitCode = error instanceof UsageError ? 2 : 1;
    say(error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  const failures = await cleanup.closeAll();
  process.exit(failures.length > 0 ? 1 : exitCode);
}

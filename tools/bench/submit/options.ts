import { UsageError } from '../shared/cli';
/** Command-line options of the submission benchmark, validated and bounded. */
export interface BenchOptions {
  /** Concurrent HTTP clients, and pgbench clients. */
  clients: number;
  /** Measured seconds of HTTP load, and of pgbench. */
  seconds: number;
  /** Unmeasured seconds of HTTP load before the measured window. */
  warmupSeconds: number;
  /** Upper bound on the requests of the measured window (the run also ends at `seconds`). */
  maxRequests: number;
  /** Longest wait for evaluation to count the submitted dossiers after the load. */
  settleSeconds: number;
  /** Per-request timeout. */
  requestTimeoutMs: number;
  /** Keep the service logs directory after the run (it is always kept when the run fails). */
  keepLogs: boolean;
  /** Run every service with --cpu-prof; the profiles land in the (kept) logs directory. */
  profile: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  clients: 8,
  seconds: 20,
  warmupSeconds: 5,
  maxRequests: 1_000_000,
  settleSeconds: 60,
  requestTimeoutMs: 10_000,
  keepLogs: false,
  profile: false,
};

interface NumericFlag {
  key: Exclude<keyof BenchOptions, 'keepLogs' | 'profile'>;
  min: number;
  max: number;
}

// Warm-up plus measured seconds stay under the 15 minutes a development token lives.
const NUMERIC_FLAGS: Record<string, NumericFlag> = {
  '--clients': { key: 'clients', min: 1, max: 64 },
  '--seconds': { key: 'seconds', min: 1, max: 600 },
  '--warmup': { key: 'warmupSeconds', min: 0, max: 120 },
  '--max-requests': { key: 'maxRequests', min: 1, max: 10_000_000 },
  '--settle': { key: 'settleSeconds', min: 1, max: 600 },
  '--request-timeout-ms': { key: 'requestTimeoutMs', min: 100, max: 60_000 },
};

export const USAGE = [
  'Usage: npm run bench:submit -- [--clients N] [--seconds T] [--warmup W] [--max-requests M] [--settle S] [--request-timeout-ms MS] [--keep-logs] [--profile]',
  `  --clients             concurrent HTTP clients and pgbench clients (default ${DEFAULT_OPTIONS.clients}, 1..64)`,
  `  --seconds             measured seconds of HTTP load and of pgbench (default ${DEFAULT_OPTIONS.seconds}, 1..600)`,
  `  --warmup              unmeasured seconds of load first (default ${DEFAULT_OPTIONS.warmupSeconds})`,
  `  --max-requests        cap on measured requests (default ${DEFAULT_OPTIONS.maxRequests})`,
  `  --settle              longest wait for evaluation to count every dossier (default ${DEFAULT_OPTIONS.settleSeconds} s)`,
  `  --request-timeout-ms  per-request timeout (default ${DEFAULT_OPTIONS.requestTimeoutMs})`,
  '  --keep-logs           keep the service logs after a successful run',
  '  --profile             run the services with --cpu-prof (profiles next to the logs, which are kept)',
].join('\n');

/** A usage error of this benchmark: the message, then the usage. */
function usageError(message: string): UsageError {
  return new UsageError(`${message}\n${USAGE}`);
}

/** Parses `--flag value` and `--flag=value`; rejects unknown flags and out-of-range numbers. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...DEFAULT_OPTIONS };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    const [flag, inline] = argument.split('=', 2) as [string, string | undefined];
    if ((flag === '--keep-logs' || flag === '--profile') && inline === undefined) {
      options[flag === '--keep-logs' ? 'keepLogs' : 'profile'] = true;
      continue;
    }
    const spec = NUMERIC_FLAGS[flag];
    if (!spec) throw usageError(`Unknown argument ${JSON.stringify(argument)}`);
    const text = inline ?? argv[++index];
    if (text === undefined) throw usageError(`${flag} needs a value`);
    const value = Number(text);
    if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      throw usageError(`${flag} must be an integer from ${spec.min} to ${spec.max}, not ${JSON.stringify(text)}`);
    }
    options[spec.key] = value;
  }
  return options;
}

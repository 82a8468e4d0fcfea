export type ReadinessCheck = () => Promise<void>;

export interface ReadinessCheckOptions {
  /**
   * Default true: a failing check makes the service unready. A non-critical check (a
   * dependency some routes need, not the service as a whole) is reported, and the service
   * stays ready, degraded.
   */
  critical?: boolean;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; error?: string; critical?: false }>;
}

/** Named readiness checks (database, Kafka, ...). Shutting down makes the service unready at once. */
export class Readiness {
  private readonly checks = new Map<string, { check: ReadinessCheck; critical: boolean }>();
  private shuttingDown = false;

  register(name: string, check: ReadinessCheck, options: ReadinessCheckOptions = {}): void {
    this.checks.set(name, { check, critical: options.critical ?? true });
  }

  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async report(timeoutMs = 2000): Promise<ReadinessReport> {
    const checks: ReadinessReport['checks'] = {};
    if (this.shuttingDown) checks.shutdown = { ok: false, error: 'shutting down' };
    await Promise.all(
      [...this.checks].map(async ([name, { check, critical }]) => {
        try {
          await withTimeout(check(), timeoutMs);
          checks[name] = critical ? { ok: true } : { ok: true, critical: false };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          checks[name] = critical ? { ok: false, error: message } : { ok: false, error: message, critical: false };
        }
      }),
    );
    return { ready: Object.values(checks).every((check) => check.ok || check.critical === false), checks };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

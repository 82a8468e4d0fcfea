import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Readiness } from '@motcua/observability';
import { checkGrpcHealth } from '@motcua/rpc';
import { CRITICAL_DEPENDENCIES, GatewayDependency } from './dependencies';

/** UNREACHABLE: no answer (nothing listens, or no answer within the probe's deadline). */
export type DependencyStatus = 'SERVING' | 'NOT_SERVING' | 'UNREACHABLE' | 'UNKNOWN';

export interface DependencyState {
  /** What the last probe (or a failed call) found. */
  status: DependencyStatus;
  /** When that was. */
  since?: Date;
  error?: string;
}

/** Asks a service's grpc.health.v1 for its whole-server status. */
export type HealthProbe = (url: string, deadlineMs: number) => Promise<string>;

export interface DependencyHealthOptions {
  /** Background probe period; 0 turns background probing off (calls and readiness still probe). */
  intervalMs: number;
  /** Deadline of one probe. */
  timeoutMs: number;
  /**
   * Probes that must fail in a row before routes stop calling the service (default 2): one
   * slow probe on a busy machine must not take routes down. A call that finds the service
   * unreachable counts at once.
   */
  failureThreshold?: number;
  probe?: HealthProbe;
}

interface Tracked {
  state: DependencyState;
  failedProbes: number;
  /** A call found it unreachable: down until a probe finds it serving. */
  failedCall: boolean;
}

const grpcProbe: HealthProbe = (url, deadlineMs) => checkGrpcHealth(url, '', deadlineMs);

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What the gateway knows of the health of the services it calls: probed in the background
 * and by readiness, and marked down at once when a call finds a service unreachable.
 */
export class DependencyHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly tracked = new Map<GatewayDependency, Tracked>();
  private readonly probe: HealthProbe;
  private readonly failureThreshold: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly urls: Readonly<Record<GatewayDependency, string>>,
    private readonly options: DependencyHealthOptions,
  ) {
    this.probe = options.probe ?? grpcProbe;
    this.failureThreshold = Math.max(1, options.failureThreshold ?? 2);
    for (const name of this.names()) this.tracked.set(name, { state: { status: 'UNKNOWN' }, failedProbes: 0, failedCall: false });
  }

  names(): GatewayDependency[] {
    return Object.keys(this.urls) as GatewayDependency[];
  }

  /** One readiness check per service (a live probe); only the critical ones can make the gateway unready. */
  registerReadiness(readiness: Readiness): void {
    for (const name of this.names()) {
      readiness.register(
        name,
        async () => {
          const state = await this.check(name);
          if (state.status !== 'SERVING') throw new Error(state.error ? `${state.status}: ${state.error}` : state.status);
        },
        { critical: CRITICAL_DEPENDENCIES.has(name) },
      );
    }
  }

  state(name: GatewayDependency): DependencyState {
    return this.entry(name).state;
  }

  /** False while the service is known to be down; a service not probed yet counts as up. */
  isAvailable(name: GatewayDependency): boolean {
    const entry = this.entry(name);
    return !entry.failedCall && entry.failedProbes < this.failureThreshold;
  }

  /** A call found the service unreachable: routes needing it fail fast until a probe finds it serving. */
  markUnreachable(name: GatewayDependency, error: string): void {
    const entry = this.entry(name);
    entry.failedCall = true;
    entry.state = { status: 'UNREACHABLE', since: new Date(), error };
  }

  /** Probes one service now and remembers the answer. */
  async check(name: GatewayDependency): Promise<DependencyState> {
    const entry = this.entry(name);
    let state: DependencyState;
    try {
      const status = await this.probe(this.urls[name], this.options.timeoutMs);
      state =
        status === 'SERVING'
          ? { status: 'SERVING', since: new Date() }
          : { status: 'NOT_SERVING', since: new Date(), ...(status === 'NOT_SERVING' ? {} : { error: status }) };
    } catch (error) {
      // The probe's own failure is the finding (refused, deadline exceeded): it is reported, not thrown.
      state = { status: 'UNREACHABLE', since: new Date(), error: describeFailure(error) };
    }
    entry.state = state;
    if (state.status === 'SERVING') {
      entry.failedProbes = 0;
      entry.failedCall = false;
    } else {
      entry.failedProbes += 1;
    }
    return state;
  }

  async checkAll(): Promise<void> {
    await Promise.all(this.names().map((name) => this.check(name)));
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    void this.checkAll();
    this.timer = setInterval(() => void this.checkAll(), this.options.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private entry(name: GatewayDependency): Tracked {
    const entry = this.tracked.get(name);
    if (!entry) throw new Error(`Unknown dependency ${name}`);
    return entry;
  }
}

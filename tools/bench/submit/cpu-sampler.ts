// CPU time of each part of the system over a window: every service process, PostgreSQL (all
// its processes), the Kafka mock, this process (load generator + identity providers) and the
// machine as a whole, so the report can say where the CPU went.
import { readMachineCpu, readProcessStat } from './proc-stats';

export const OTHER_LABEL = 'other (kernel, other processes)';
export const POSTGRES_LABEL = 'postgresql (this database + server)';

export interface CpuParticipant {
  label: string;
  pid: number;
}

export interface CpuShare {
  label: string;
  /** CPU seconds used during the window. */
  seconds: number;
  /** Of one core: 100 = one core busy for the whole window. */
  percentOfCore: number;
}

export interface CpuBreakdown {
  wallSeconds: number;
  cores: number;
  /** Busy share of the whole machine, 0..100. */
  machineBusyPercent: number;
  shares: CpuShare[];
}

interface Snapshot {
  at: number;
  participants: Map<string, number>;
  postgres: Map<number, number>;
  selfSeconds: number;
  machineBusy: number;
  machineTotal: number;
}

export class CpuSampler {
  private start?: Snapshot;

  /**
   * @param participants processes reported one by one
   * @param postgresPids the PostgreSQL processes that work for this run: its database's
   *   backends and the server's own (WAL writer, checkpointer, ...), not other databases' backends
   */
  constructor(
    private readonly participants: () => CpuParticipant[],
    private readonly postgresPids: () => Promise<number[]>,
  ) {}

  async begin(): Promise<void> {
    this.start = await this.snapshot();
  }

  async end(): Promise<CpuBreakdown> {
    if (!this.start) throw new Error('CpuSampler.end() before begin()');
    const start = this.start;
    const stop = await this.snapshot();
    const wallSeconds = (stop.at - start.at) / 1000;
    const machineTotal = stop.machineTotal - start.machineTotal;
    const cores = Math.max(1, Math.round(machineTotal / wallSeconds));
    const share = (label: string, seconds: number): CpuShare => ({ label, seconds, percentOfCore: (100 * seconds) / wallSeconds });
    const shares: CpuShare[] = [];
    for (const [label, seconds] of stop.participants) shares.push(share(label, seconds - (start.participants.get(label) ?? seconds)));
    let postgres = 0;
    // A backend that started inside the window counts from zero; one that ended is lost (rare: pools keep theirs).
    for (const [pid, seconds] of stop.postgres) postgres += seconds - (start.postgres.get(pid) ?? 0);
    shares.push(share(POSTGRES_LABEL, postgres));
    shares.push(share('bench process (load + identity)', stop.selfSeconds - start.selfSeconds));
    const busy = stop.machineBusy - start.machineBusy;
    const accounted = shares.reduce((sum, entry) => sum + entry.seconds, 0);
    shares.push(share(OTHER_LABEL, Math.max(0, busy - accounted)));
    return { wallSeconds, cores, machineBusyPercent: machineTotal > 0 ? (100 * busy) / machineTotal : 0, shares };
  }

  private async snapshot(): Promise<Snapshot> {
    const postgres = new Map<number, number>();
    for (const pid of await this.postgresPids()) {
      const stat = readProcessStat(pid);
      if (stat) postgres.set(pid, stat.cpuSeconds);
    }
    const participants = new Map<string, number>();
    for (const { label, pid } of this.participants()) {
      const stat = readProcessStat(pid);
      if (stat) participants.set(label, stat.cpuSeconds);
    }
    const usage = process.cpuUsage();
    const machine = readMachineCpu();
    return {
      at: Date.now(),
      participants,
      postgres,
      selfSeconds: (usage.user + usage.system) / 1e6,
      machineBusy: machine.busySeconds,
      machineTotal: machine.totalSeconds,
    };
  }
}

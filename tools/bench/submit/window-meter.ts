// Measures a window of the run (idle, or under load): CPU of every part of the system and the
// work PostgreSQL did in this database, around whatever runs inside the window.
import { CpuBreakdown, CpuSampler } from './cpu-sampler';
import { BenchDatabase, postgresPidsOf } from './database';
import { DatabaseRates, ratesBetween, readDatabaseCounters } from './db-activity';
import type { RunningPlatform } from './platform';

export interface Measured<T> {
  result: T;
  cpu: CpuBreakdown;
  database: DatabaseRates;
}

export class WindowMeter {
  private readonly sampler: CpuSampler;

  constructor(
    platform: RunningPlatform,
    private readonly database: BenchDatabase,
  ) {
    this.sampler = new CpuSampler(
      () => [
        ...platform.services.map((service) => ({ label: service.name, pid: service.pid })),
        ...(platform.kafkaMockPid ? [{ label: 'kafka-mock', pid: platform.kafkaMockPid }] : []),
      ],
      () => postgresPidsOf(database),
    );
  }

  async measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
    await this.sampler.begin();
    const start = await readDatabaseCounters(this.database);
    const result = await work();
    const database = ratesBetween(start, await readDatabaseCounters(this.database));
    return { result, database, cpu: await this.sampler.end() };
  }
}

/**
 * CPU of PostgreSQL (and of the machine) over the middle of a run that does not belong to
 * the platform, e.g. pgbench: from `skipMs` after now, for `durationMs`, while its backends live.
 */
export async function sampleDuring(database: BenchDatabase, skipMs: number, durationMs: number): Promise<CpuBreakdown> {
  const sampler = new CpuSampler(() => [], () => postgresPidsOf(database));
  await sleep(skipMs);
  await sampler.begin();
  await sleep(durationMs);
  return sampler.end();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

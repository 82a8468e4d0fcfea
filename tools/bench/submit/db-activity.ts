// How much work the platform asks of PostgreSQL: transactions and row changes in this database
// over a window (pg_stat_database, flushed by the backends about once a second).
import type { BenchDatabase } from './database';

export interface DatabaseCounters {
  at: number;
  commits: number;
  rollbacks: number;
  inserted: number;
  updated: number;
}

export interface DatabaseRates {
  seconds: number;
  commitsPerSecond: number;
  rollbacksPerSecond: number;
  insertedPerSecond: number;
  updatedPerSecond: number;
}

export async function readDatabaseCounters(database: BenchDatabase): Promise<DatabaseCounters> {
  const [row] = await database.query<{ commits: string; rollbacks: string; inserted: string; updated: string }>(
    `SELECT xact_commit AS commits, xact_rollback AS rollbacks, tup_inserted AS inserted, tup_updated AS updated
     FROM pg_stat_database WHERE datname = current_database()`,
  );
  if (!row) throw new Error(`pg_stat_database has no row for ${database.name}`);
  return { at: Date.now(), commits: Number(row.commits), rollbacks: Number(row.rollbacks), inserted: Number(row.inserted), updated: Number(row.updated) };
}

export function ratesBetween(start: DatabaseCounters, end: DatabaseCounters): DatabaseRates {
  const seconds = (end.at - start.at) / 1000;
  const rate = (key: Exclude<keyof DatabaseCounters, 'at'>) => (end[key] - start[key]) / seconds;
  return {
    seconds,
    commitsPerSecond: rate('commits'),
    rollbacksPerSecond: rate('rollbacks'),
    insertedPerSecond: rate('inserted'),
    updatedPerSecond: rate('updated'),
  };
}

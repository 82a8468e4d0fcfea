// Pieces of the benchmarks' bulk loads: deterministic SQL draws from a row number, v4-shaped
// uuids from a text key, and one owner transaction with fast settings for that session only.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import type { BenchDatabase } from '../submit/database';

/** A uniform draw in [0, 1) from the row number `i` and a salt (deterministic, no random()). */
export const draw = (salt: number, row = 'i') => `((hashint8extended(${row}, ${salt}) & 2147483647)::float8 / 2147483648)`;

/** A v4-shaped uuid from a text key (md5 with the version and variant nibbles set). */
export const uuidOf = (key: string) => `overlay(overlay(md5(${key}) placing '4' from 13 for 1) placing '8' from 17 for 1)::uuid`;

/** The uuid `uuidOf` gives in SQL for the same key, computed here. */
export function uuidOfText(key: string): string {
  const hex = createHash('md5').update(key, 'utf8').digest('hex');
  const v4 = `${hex.slice(0, 12)}4${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${v4.slice(0, 8)}-${v4.slice(8, 12)}-${v4.slice(12, 16)}-${v4.slice(16, 20)}-${v4.slice(20)}`;
}

/**
 * Runs `work` in one transaction on a single owner connection (`work_mem` 256 MB and
 * `synchronous_commit` off for this session only); `timed` runs a statement and returns its seconds.
 */
export async function inOwnerTransaction<T>(database: BenchDatabase, work: (timed: (sql: string) => Promise<number>) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: database.ownerUrl, application_name: 'motcua-bench-load' });
  await client.connect();
  const timed = async (sql: string) => {
    const started = performance.now();
    await client.query(sql);
    return (performance.now() - started) / 1000;
  };
  try {
    await client.query('BEGIN');
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(`SET LOCAL synchronous_commit = off`);
    const result = await work(timed);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

// End-to-end event latency: from the dossier's submission (intake.dossiers.submitted_at) to its
// first processing task (processing.tasks.created_at), read as the owner across both schemas.
import type { BenchDatabase } from './database';
import { LatencySummary, summarize } from './stats';

export interface SettleResult {
  /** Dossiers still without a task when the wait ended (0 when everything arrived). */
  missing: number;
  waitedSeconds: number;
}

const POLL_MS = 250;

async function dossiersWithoutTask(database: BenchDatabase): Promise<number> {
  const [row] = await database.query<{ missing: string }>(
    `SELECT count(*) AS missing FROM intake.dossiers d
     WHERE NOT EXISTS (SELECT 1 FROM processing.tasks t WHERE t.tenant_id = d.tenant_id AND t.dossier_id = d.id)`,
  );
  return Number(row.missing);
}

/** Waits, bounded, until every stored dossier (warm-up included) has its processing task. */
export async function waitForTasks(database: BenchDatabase, timeoutSeconds: number): Promise<SettleResult> {
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  let missing = await dossiersWithoutTask(database);
  while (missing > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    missing = await dossiersWithoutTask(database);
  }
  return { missing, waitedSeconds: (Date.now() - started) / 1000 };
}

export interface EventLatency {
  /** Of the given dossiers: how many are stored, and how many have a task. */
  stored: number;
  withTask: number;
  summary?: LatencySummary;
}

/** Latency from submission to first task of the given dossiers (the measured window's). */
export async function eventLatency(database: BenchDatabase, dossierIds: readonly string[]): Promise<EventLatency> {
  const rows = await database.query<{ latency_ms: string | null }>(
    `SELECT extract(epoch FROM (SELECT min(t.created_at) FROM processing.tasks t
                                WHERE t.tenant_id = d.tenant_id AND t.dossier_id = d.id) - d.submitted_at) * 1000 AS latency_ms
     FROM intake.dossiers d WHERE d.id = ANY($1::uuid[])`,
    [dossierIds],
  );
  const latencies = rows.flatMap((row) => (row.latency_ms === null ? [] : [Number(row.latency_ms)]));
  return { stored: rows.length, withTask: latencies.length, summary: summarize(latencies) };
}

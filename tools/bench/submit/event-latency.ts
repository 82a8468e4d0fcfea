// End-to-end event latency: from the dossier's submission (intake.dossiers.submitted_at) to the
// moment evaluation counted its `dossier.submitted` event (evaluation.inbox.processed_at): the
// outbox, the relay, Kafka and a consumer's transaction. Read as the owner across the schemas.
// (Processing now opens workflows on `dossier.received`, after a desk's check, so it is no longer
// on the submission's path.)
import type { BenchDatabase } from './database';
import { LatencySummary, summarize } from './stats';

export interface SettleResult {
  /** Dossiers not yet counted by evaluation when the wait ended (0 when everything arrived). */
  missing: number;
  waitedSeconds: number;
}

const POLL_MS = 250;

/** Each submitted dossier's id and when evaluation's consumer committed its count (set-based: hash joins). */
const COUNTED = `SELECT o.tenant_id, (o.data->>'dossierId')::uuid AS dossier_id, min(i.processed_at) AS counted_at
                   FROM intake.outbox o JOIN evaluation.inbox i ON i.tenant_id = o.tenant_id AND i.event_id = o.id::text
                  WHERE o.type = 'dossier.submitted' GROUP BY 1, 2`;

async function dossiersNotCounted(database: BenchDatabase): Promise<number> {
  const [row] = await database.query<{ missing: string }>(
    `WITH counted AS (${COUNTED})
     SELECT count(*) AS missing FROM intake.dossiers d
       LEFT JOIN counted c ON c.tenant_id = d.tenant_id AND c.dossier_id = d.id
      WHERE c.dossier_id IS NULL`,
  );
  return Number(row.missing);
}

/** Waits, bounded, until every stored dossier (warm-up included) has been counted by evaluation. */
export async function waitUntilCounted(database: BenchDatabase, timeoutSeconds: number): Promise<SettleResult> {
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  let missing = await dossiersNotCounted(database);
  while (missing > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    missing = await dossiersNotCounted(database);
  }
  return { missing, waitedSeconds: (Date.now() - started) / 1000 };
}

export interface EventLatency {
  /** Of the given dossiers: how many are stored, and how many were counted by evaluation. */
  stored: number;
  counted: number;
  summary?: LatencySummary;
}

/** Latency from submission to evaluation's count of the given dossiers (the measured window's). */
export async function eventLatency(database: BenchDatabase, dossierIds: readonly string[]): Promise<EventLatency> {
  const rows = await database.query<{ latency_ms: string | null }>(
    `WITH counted AS (${COUNTED})
     SELECT extract(epoch FROM c.counted_at - d.submitted_at) * 1000 AS latency_ms
       FROM intake.dossiers d LEFT JOIN counted c ON c.tenant_id = d.tenant_id AND c.dossier_id = d.id
      WHERE d.id = ANY($1::uuid[])`,
    [dossierIds],
  );
  const latencies = rows.flatMap((row) => (row.latency_ms === null ? [] : [Number(row.latency_ms)]));
  return { stored: rows.length, counted: latencies.length, summary: summarize(latencies) };
}

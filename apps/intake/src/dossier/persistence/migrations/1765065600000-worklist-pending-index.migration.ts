import { sqlMigration } from '@motcua/persistence';

/**
 * The desk worklist reads only online dossiers awaiting a check, oldest first. On
 * `dossiers_worklist_idx` (status before submitted_at) the two statuses come as two ranges,
 * so every first page read and sorted the agency's whole backlog: ~3,000 rows and 3,100
 * buffers, 1.3 ms of PostgreSQL CPU for the largest agency of a 1 M-dossier province, growing
 * with the backlog (tools/bench/worklist). This partial index holds just those dossiers
 * (~1 % of the table) in page order: a page reads its 21 rows, whatever the backlog.
 * The predicate is the repository's WHERE clause word for word, so the planner proves it.
 */
export const WorklistPendingIndex = sqlMigration(
  'WorklistPendingIndex1765065600000',
  [
    `CREATE INDEX dossiers_pending_check_idx ON intake.dossiers (tenant_id, intake_agency_id, submitted_at, id)
       WHERE status IN ('submitted', 'resubmitted') AND channel = 'online'`,
  ],
  [`DROP INDEX intake.dossiers_pending_check_idx`],
);

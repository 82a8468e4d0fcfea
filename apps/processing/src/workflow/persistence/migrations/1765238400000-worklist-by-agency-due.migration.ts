import { sqlMigration } from '@motcua/persistence';

/**
 * Worklist indexes that return pages in (due_at, id) order for every scope
 * (tools/bench/processing-worklist, 1 M dossiers in a province):
 * - Agency and pool lists filter `role = ANY($roles)`. On `tasks_open_by_agency` (role before
 *   due_at) PostgreSQL returns an array-matched column's rows unordered, so every first page
 *   read and sorted all the agency's open tasks of those roles (15,000 for the largest
 *   agency), growing with the backlog. Without role in the key the index is in page order for
 *   any set of roles: a page reads its rows and those of other roles between them.
 * - The pool (`assignee IS NULL`) was planned on `tasks_open_by_assignee`: every unassigned
 *   open task of the tenant, filtered by agency and sorted (96 ms). Unassigned tasks are
 *   rare among all tasks but common among open ones, which the planner cannot see. The
 *   assignee index now holds only assigned tasks (`assignee = $x` still proves its predicate),
 *   so the pool is read in order from the agency index.
 */
export const WorklistByAgencyDue = sqlMigration(
  'WorklistByAgencyDue1765238400000',
  [
    `CREATE INDEX tasks_open_by_agency_due ON processing.tasks (tenant_id, agency_id, due_at, id) WHERE status = 'open'`,
    `DROP INDEX processing.tasks_open_by_agency`,
    `DROP INDEX processing.tasks_open_by_assignee`,
    `CREATE INDEX tasks_open_by_assignee ON processing.tasks (tenant_id, assignee, due_at, id) WHERE status = 'open' AND assignee IS NOT NULL`,
  ],
  [
    `DROP INDEX processing.tasks_open_by_assignee`,
    `CREATE INDEX tasks_open_by_assignee ON processing.tasks (tenant_id, assignee, due_at, id) WHERE status = 'open'`,
    `CREATE INDEX tasks_open_by_agency ON processing.tasks (tenant_id, agency_id, role, due_at, id) WHERE status = 'open'`,
    `DROP INDEX processing.tasks_open_by_agency_due`,
  ],
);

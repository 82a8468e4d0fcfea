import { sqlMigration } from '@motcua/persistence';

/**
 * Most staff work in one role. With `role = $role` (WorkflowRepository.openTasks asks so for a
 * single role) this index returns an agency's open tasks of that role in page order, so a
 * leader's or a desk officer's page reads its own rows instead of walking past the agency's
 * specialists' tasks on `tasks_open_by_agency_due` (~1,100 rows for 21 at 1 M dossiers,
 * tools/bench/processing-worklist). The pool (unassigned tasks) has its own small index: on the
 * role index the planner, misjudging how many open tasks are unassigned, would read and sort
 * the agency's whole backlog of the role. Staff with several roles keep the role-less index.
 */
export const WorklistByAgencyRole = sqlMigration(
  'WorklistByAgencyRole1765324800000',
  [
    `CREATE INDEX tasks_open_by_agency_role ON processing.tasks (tenant_id, agency_id, role, due_at, id) WHERE status = 'open'`,
    `CREATE INDEX tasks_pool_by_agency_role ON processing.tasks (tenant_id, agency_id, role, due_at, id) WHERE status = 'open' AND assignee IS NULL`,
  ],
  [`DROP INDEX processing.tasks_pool_by_agency_role`, `DROP INDEX processing.tasks_open_by_agency_role`],
);

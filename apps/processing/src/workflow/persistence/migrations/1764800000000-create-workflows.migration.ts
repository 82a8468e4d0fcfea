import { serviceDatabaseNames, sqlMigration, tenantTableSecuritySql } from '@motcua/persistence';

const { appRole, relayRole } = serviceDatabaseNames('processing');

/**
 * Workflows of received dossiers, their append-only action history, the scheduler's timers, and
 * the task table grown into the officers' worklist (step, role, assignee, due instant).
 */
export const CreateWorkflows = sqlMigration(
  'CreateWorkflows1764800000000',
  [
    `CREATE TABLE processing.workflows (
       tenant_id text NOT NULL,
       dossier_id uuid NOT NULL,
       status text NOT NULL CHECK (status IN ('in_progress', 'paused', 'decided', 'returned', 'stopped')),
       competent_agency_id text NOT NULL,
       current_agency_id text NOT NULL,
       received_at timestamptz NOT NULL,
       deadline_at timestamptz NOT NULL,
       decided_at timestamptz NULL,
       paused_since timestamptz NULL,
       supplement_requests integer NOT NULL,
       version integer NOT NULL,
       state jsonb NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, dossier_id)
     )`,
    `CREATE INDEX workflows_by_agency_received ON processing.workflows (tenant_id, competent_agency_id, received_at)`,
    ...tenantTableSecuritySql('processing', 'workflows'),

    // The history: rows are only ever added. The app role cannot change or remove one, and a
    // trigger refuses it for every role (the owner included).
    `CREATE TABLE processing.workflow_actions (
       tenant_id text NOT NULL,
       dossier_id uuid NOT NULL,
       seq integer NOT NULL CHECK (seq > 0),
       action text NOT NULL,
       actor text NOT NULL,
       actor_roles text[] NOT NULL,
       actor_agency_id text NOT NULL,
       from_step integer NULL,
       to_step integer NULL,
       taken_ms bigint NULL,
       allowed_ms bigint NULL,
       at timestamptz NOT NULL,
       change jsonb NOT NULL,
       PRIMARY KEY (tenant_id, dossier_id, seq)
     )`,
    ...tenantTableSecuritySql('processing', 'workflow_actions'),
    `REVOKE UPDATE, DELETE, TRUNCATE ON processing.workflow_actions FROM ${appRole}`,
    `CREATE FUNCTION processing.refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the workflow history is append-only' USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER workflow_actions_append_only BEFORE UPDATE OR DELETE ON processing.workflow_actions
       FOR EACH ROW EXECUTE FUNCTION processing.refuse_history_change()`,

    // Timers: found across tenants by the scheduler's discovery (relay role, ids and instants
    // only), fired in the tenant's own transaction by the app role.
    `CREATE TABLE processing.timers (
       tenant_id text NOT NULL,
       dossier_id uuid NOT NULL,
       kind text NOT NULL CHECK (kind IN ('due_soon', 'overdue', 'step_overdue')),
       fire_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, dossier_id, kind)
     )`,
    `CREATE INDEX timers_by_fire_at ON processing.timers (fire_at)`,
    ...tenantTableSecuritySql('processing', 'timers'),
    `CREATE POLICY scheduler_discovery ON processing.timers FOR SELECT TO ${relayRole} USING (true)`,
    `GRANT SELECT ON processing.timers TO ${relayRole}`,

    // Tasks become the worklist: one row per step a dossier enters, closed when it leaves.
    `ALTER TABLE processing.tasks
       ADD COLUMN step_index integer NOT NULL DEFAULT 1,
       ADD COLUMN role text NOT NULL DEFAULT 'specialist',
       ADD COLUMN assignee text NULL,
       ADD COLUMN due_at timestamptz NULL,
       ADD COLUMN closed_at timestamptz NULL,
       ADD COLUMN closed_by text NULL`,
    `UPDATE processing.tasks SET due_at = created_at`,
    `ALTER TABLE processing.tasks ALTER COLUMN due_at SET NOT NULL, ALTER COLUMN step_index DROP DEFAULT, ALTER COLUMN role DROP DEFAULT`,
    `ALTER TABLE processing.tasks DROP CONSTRAINT tasks_status_check`,
    `ALTER TABLE processing.tasks ADD CONSTRAINT tasks_status_check CHECK (status IN ('open', 'done', 'cancelled'))`,
    `CREATE INDEX tasks_open_by_agency ON processing.tasks (tenant_id, agency_id, role, due_at, id) WHERE status = 'open'`,
    `CREATE INDEX tasks_open_by_assignee ON processing.tasks (tenant_id, assignee, due_at, id) WHERE status = 'open'`,
  ],
  [
    `DROP INDEX processing.tasks_open_by_assignee`,
    `DROP INDEX processing.tasks_open_by_agency`,
    `DELETE FROM processing.tasks WHERE status = 'cancelled'`,
    `ALTER TABLE processing.tasks DROP CONSTRAINT tasks_status_check`,
    `ALTER TABLE processing.tasks ADD CONSTRAINT tasks_status_check CHECK (status IN ('open', 'done'))`,
    `ALTER TABLE processing.tasks DROP COLUMN step_index, DROP COLUMN role, DROP COLUMN assignee, DROP COLUMN due_at, DROP COLUMN closed_at, DROP COLUMN closed_by`,
    `DROP TABLE processing.timers`,
    `DROP TABLE processing.workflow_actions`,
    `DROP FUNCTION processing.refuse_history_change()`,
    `DROP TABLE processing.workflows`,
  ],
);

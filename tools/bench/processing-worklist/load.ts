// Bulk load of the processing worklist benchmark: one INSERT … SELECT generate_series per tenant
// (a data-modifying CTE writes the workflows and their tasks from the same rows), as the owner
// of the schema, deterministic (every draw is a hash of the row number). Each column is filled
// the way processing fills it (WorkflowRepository.save / syncTask): the default internal process
// (receipt, handling by a specialist, a leader's approval, the return at the receiving desk),
// one task per step entered, closed (`done`, or `cancelled` when stopped) when the dossier
// leaves the step, the open one carrying the step's role, agency, assignee and due instant.
// Timestamps have the millisecond precision of the service's clock.
import { DEFAULT_PROCESS } from '../../../apps/processing/src/workflow/domain/process-plan';
import { draw, inOwnerTransaction, uuidOf, uuidOfText } from '../shared/bulk-load';
import type { BenchDatabase } from '../submit/database';
import { AGENCIES, Agency } from '../worklist/load';

export { AGENCIES, LARGEST, SMALLEST } from '../worklist/load';
export type { Agency } from '../worklist/load';

export type StaffRole = 'specialist' | 'leader' | 'desk_officer';

/** Staff of an agency per role: the provincial departments have dozens of specialists, a commune three. */
export function staffCount(agency: Agency, role: StaffRole): number {
  if (role === 'specialist') return Math.max(3, Math.round(agency.weight * 150));
  if (role === 'leader') return Math.max(2, Math.round(agency.weight * 15));
  return 3;
}

/** The staff subject (a Keycloak-style uuid) of the n-th member of an agency's role, as loaded. */
export function staffSubject(tenantId: string, agencyId: string, role: StaffRole, n: number): string {
  return uuidOfText(`${tenantId}:staff:${agencyId}:${role}:${n}`);
}

const staffSubjectSql = (tenantId: string, agencyId: string, role: StaffRole, n: string) => `${uuidOf(`'${tenantId}:staff:' || ${agencyId} || ':${role}:' || ${n}`)}::text`;

export interface LoadSpec {
  tenantId: string;
  workflows: number;
  /** Share of workflows still in processing, with an open task (in progress, paused, or decided and waiting for the return), e.g. 0.08. */
  open: number;
  /** Distinguishes the draws of two tenants. */
  salt: number;
  /** "Now" of the data: the newest task was opened just before it. */
  now: Date;
}

/** Procedures per agency, and their processing time in calendar days by procedure (5, 10, 15 and 20 working days). */
const PROCEDURES = 40;
const PROCESSING_DAYS = [7, 14, 21, 28];
const PROCEDURE_NAMES = [
  'Cấp giấy phép xây dựng',
  'Đăng ký biến động đất đai',
  'Cấp giấy chứng nhận đăng ký hộ kinh doanh',
  'Cấp phiếu lý lịch tư pháp',
  'Cấp giấy phép lái xe',
  'Chứng thực bản sao từ bản chính',
];

// The default process: step 0 is the desk's receipt (done at intake, no task); tasks start at step 1.
const [RECEIPT, HANDLING, APPROVAL, RETURN] = DEFAULT_PROCESS;
const SHARES = [HANDLING.share, APPROVAL.share, RETURN.share];
const STEP_NAMES = [HANDLING.name, APPROVAL.name, RETURN.name].map((name) => `'${name}'`).join(', ');
/** A clerk's step is a specialist's task (syncTask). */
const STEP_ROLES = [HANDLING.role, APPROVAL.role, RETURN.role].map((role) => `'${role === 'clerk' ? 'specialist' : role}'`).join(', ');

const ms = (expression: string) => `date_trunc('milliseconds', ${expression})`;
/** An instant as JSON.stringify writes a Date (what jsonb holds for the workflow state). */
const iso = (expression: string) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const epochMs = (interval: string) => `round(extract(epoch FROM ${interval}) * 1000)::bigint`;

function workflowsAndTasksSql(spec: LoadSpec): string {
  const p = spec.open;
  const now = `timestamptz '${spec.now.toISOString()}'`;
  const bounds = AGENCIES.slice(0, -1).reduce<number[]>((acc, agency) => [...acc, acc[acc.length - 1] + agency.weight], [0]);
  const agencies = AGENCIES.map(
    (agency, index) => `(${index + 1}, '${agency.id}', '${agency.deskId}', ${staffCount(agency, 'specialist')}, ${staffCount(agency, 'leader')}, ${staffCount(agency, 'desk_officer')})`,
  ).join(', ');
  const t = spec.tenantId;
  const step = (n: number) => `f.d${n}`;
  return `
WITH agencies (n, agency_id, desk_id, specialists, leaders, desk_officers) AS (VALUES ${agencies}),
keys AS (
  SELECT i, ${uuidOf(`'${t}:dossier:' || i`)} AS id,
    ${draw(spec.salt + 1)} AS ra, ${draw(spec.salt + 2)} AS rs, ${draw(spec.salt + 3)} AS rt, ${draw(spec.salt + 4)} AS rp,
    ${draw(spec.salt + 5)} AS rk, ${draw(spec.salt + 6)} AS rc, ${draw(spec.salt + 7)} AS rq, ${draw(spec.salt + 8)} AS ro,
    ${draw(spec.salt + 9)} AS rx1, ${draw(spec.salt + 10)} AS rx2, ${draw(spec.salt + 11)} AS rx3, ${draw(spec.salt + 12)} AS rd
  FROM generate_series(1, ${spec.workflows}::bigint) AS i
),
shaped AS (
  SELECT k.*, r.n AS agency_no, r.agency_id AS receiving_agency_id, r.desk_id, r.desk_officers,
    floor(k.rp * ${PROCEDURES})::int AS procedure_no,
    -- A commune's desk also takes dossiers its district decides (handled and approved there, returned at the commune).
    CASE WHEN r.n = ${AGENCIES.length} AND k.rp < 0.3 THEN 7 ELSE r.n END AS competent_no,
    CASE WHEN k.rs < ${p * 0.75} THEN 'in_progress'
         WHEN k.rs < ${p * 0.85} THEN 'paused'
         WHEN k.rs < ${p} THEN 'decided'
         WHEN k.rs < ${p + 0.02} THEN 'stopped'
         ELSE 'returned' END AS status
  FROM keys k JOIN agencies r ON r.n = width_bucket(k.ra, ARRAY[${bounds.join(', ')}]::float8[])
),
stepped AS (
  SELECT s.*, c.agency_id AS competent_agency_id, c.specialists, c.leaders,
    (ARRAY[${PROCESSING_DAYS.join(', ')}])[1 + s.procedure_no % ${PROCESSING_DAYS.length}] * interval '1 day' AS total,
    -- The step the dossier is in (open) or was in when it left processing.
    CASE WHEN s.status IN ('in_progress', 'paused') THEN (CASE WHEN s.rk < 0.75 THEN 1 ELSE 2 END)
         WHEN s.status = 'stopped' THEN (CASE WHEN s.rk < 0.6 THEN 1 ELSE 2 END)
         ELSE 3 END AS k
  FROM shaped s JOIN agencies c ON c.n = s.competent_no
),
allowed AS (
  SELECT s.*,
    ${ms(`${SHARES[0]} * s.total`)} AS a1, ${ms(`${SHARES[1]} * s.total`)} AS a2, ${ms(`${SHARES[2]} * s.total`)} AS a3,
    -- Time actually spent in a step: 40 %–120 % of its allowance.
    ${ms(`(0.4 + 0.8 * s.rx1) * ${SHARES[0]} * s.total`)} AS d1,
    ${ms(`(0.4 + 0.8 * s.rx2) * ${SHARES[1]} * s.total`)} AS d2,
    ${ms(`(0.4 + 0.8 * s.rx3) * ${SHARES[2]} * s.total`)} AS d3
  FROM stepped s
),
received AS (
  SELECT a.*,
    CASE WHEN a.status IN ('in_progress', 'paused', 'decided')
      -- An open step was entered within 1.2 × its allowance: one in six is overdue.
      THEN ${ms(`${now} - a.rc * 1.2 * (ARRAY[a.a1, a.a2, a.a3])[a.k]`)} - CASE a.k WHEN 1 THEN interval '0' WHEN 2 THEN a.d1 ELSE a.d1 + a.d2 END
      ELSE ${ms(`${now} - interval '20 days' - a.rt * interval '710 days'`)} END AS received_at
  FROM allowed a
),
facts AS (
  SELECT r.*,
    r.received_at AS c1, r.received_at + r.d1 AS c2, r.received_at + r.d1 + r.d2 AS c3,
    r.status IN ('in_progress', 'paused', 'decided') AS open,
    ${ms('r.received_at + r.total')} AS deadline_at,
    -- Who works each step: specialists picked with a skew (a few carry many dossiers), leaders and desk officers evenly.
    ${staffSubjectSql(t, 'r.competent_agency_id', 'specialist', 'floor(r.specialists * r.ro * r.ro)::int')} AS specialist,
    ${staffSubjectSql(t, 'r.competent_agency_id', 'leader', `floor(r.leaders * ${draw(spec.salt + 13, 'r.i')})::int`)} AS leader,
    ${staffSubjectSql(t, 'r.receiving_agency_id', 'desk_officer', `floor(r.desk_officers * ${draw(spec.salt + 14, 'r.i')})::int`)} AS desk_officer,
    -- Whether the open task has been claimed or assigned: most handling, half the approvals, few returns.
    r.rq < (ARRAY[0.65, 0.5, 0.1])[r.k] AS claimed
  FROM received r
),
timeline AS (
  SELECT f.*,
    (ARRAY[f.c1, f.c2, f.c3])[f.k] AS step_started_at,
    (ARRAY[f.c1 + f.a1, f.c2 + f.a2, f.c3 + f.a3])[f.k] AS step_due_at,
    CASE WHEN f.status IN ('decided', 'returned') THEN f.c3 END AS decided_at,
    CASE WHEN f.status = 'returned' THEN f.c3 + f.d3 END AS returned_at,
    CASE WHEN f.status = 'stopped' THEN ${ms(`(ARRAY[f.c1, f.c2])[f.k] + 0.5 * f.rx3 * (ARRAY[f.d1, f.d2])[f.k]`)} END AS stopped_at,
    CASE WHEN f.status = 'paused' THEN ${ms(`(ARRAY[f.c1, f.c2])[f.k] + 0.5 * (${now} - (ARRAY[f.c1, f.c2])[f.k])`)} END AS paused_since,
    CASE WHEN f.open AND f.claimed THEN (ARRAY[f.specialist, f.leader, f.desk_officer])[f.k] END AS assignee,
    f.rd < 0.93 AS approved
  FROM facts f
),
workflows AS (
  INSERT INTO processing.workflows (tenant_id, dossier_id, status, competent_agency_id, current_agency_id, received_at, deadline_at, decided_at,
    paused_since, supplement_requests, version, state, updated_at)
  SELECT '${t}', w.id, w.status, w.competent_agency_id,
    CASE WHEN w.k = 3 THEN w.receiving_agency_id ELSE w.competent_agency_id END,
    w.received_at, w.deadline_at, w.decided_at, w.paused_since,
    CASE WHEN w.status = 'paused' OR w.rd > 0.97 THEN 1 ELSE 0 END,
    w.version, s.state, w.updated_at
  FROM (
    SELECT x.*,
      -- opened, then claimed and completed per step left, the current claim, a pause, the return or the stop.
      1 + 2 * (x.k - 1) + (CASE WHEN x.open AND x.claimed THEN 1 ELSE 0 END) + (CASE WHEN x.status = 'paused' THEN 1 ELSE 0 END)
        + (CASE WHEN x.status IN ('returned', 'stopped') THEN 1 ELSE 0 END) AS version,
      CASE x.status WHEN 'returned' THEN x.returned_at WHEN 'stopped' THEN x.stopped_at WHEN 'paused' THEN x.paused_since ELSE x.step_started_at END AS updated_at
    FROM timeline x
  ) w
  CROSS JOIN LATERAL (SELECT jsonb_build_object(
    'dossierId', w.id,
    'code', w.receiving_agency_id || '-' || to_char(w.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((1 + w.i % 9999)::text, 4, '0'),
    'procedureId', ${uuidOf(`'procedure:' || w.competent_agency_id || ':' || w.procedure_no`)},
    'procedureVersionId', ${uuidOf(`'version:' || w.competent_agency_id || ':' || w.procedure_no`)},
    'procedureCode', '1.' || lpad((w.competent_no * 100 + w.procedure_no)::text, 6, '0'),
    'procedureName', (ARRAY[${PROCEDURE_NAMES.map((name) => `'${name}'`).join(', ')}])[1 + w.procedure_no % ${PROCEDURE_NAMES.length}],
    'channel', CASE WHEN w.rc < 0.55 THEN 'online' WHEN w.rc < 0.9 THEN 'desk' ELSE 'postal' END,
    'competentAgencyId', w.competent_agency_id,
    'receivingAgencyId', w.receiving_agency_id,
    'receivingDeskId', w.desk_id,
    'applicantPseudonym', encode(sha256(convert_to('${t}:applicant:' || (w.i % 700000), 'UTF8')), 'hex'),
    'onTheSpot', false,
    'steps', jsonb_build_array(
      jsonb_build_object('name', '${RECEIPT.name}', 'role', '${RECEIPT.role}', 'agencyId', w.receiving_agency_id, 'handsOver', false, 'allowedMs', ${epochMs(`${RECEIPT.share} * w.total`)}),
      jsonb_build_object('name', '${HANDLING.name}', 'role', '${HANDLING.role}', 'agencyId', w.competent_agency_id, 'handsOver', false, 'allowedMs', ${epochMs('w.a1')}),
      jsonb_build_object('name', '${APPROVAL.name}', 'role', '${APPROVAL.role}', 'agencyId', w.competent_agency_id, 'handsOver', false, 'allowedMs', ${epochMs('w.a2')}),
      jsonb_build_object('name', '${RETURN.name}', 'role', '${RETURN.role}', 'agencyId', w.receiving_agency_id, 'handsOver', false, 'allowedMs', ${epochMs('w.a3')})),
    'receivedAt', ${iso('w.received_at')},
    'dueSoonAt', ${iso(`w.deadline_at - interval '1 day'`)},
    'stepDueAt', ${iso('w.step_due_at')},
    'status', w.status,
    'currentStep', w.k,
    'assignee', w.assignee,
    'stepStartedAt', ${iso('w.step_started_at')},
    'deadlineAt', ${iso('w.deadline_at')},
    'appointmentAt', ${iso('w.deadline_at')},
    'pause', CASE WHEN w.status = 'paused' THEN jsonb_build_object('reason', 'supplement', 'since', ${iso('w.paused_since')}) END,
    'pausedMs', 0, 'stepPausedMs', 0,
    'supplementRequests', CASE WHEN w.status = 'paused' OR w.rd > 0.97 THEN 1 ELSE 0 END,
    'apology', NULL,
    'decision', CASE WHEN w.decided_at IS NULL THEN NULL WHEN w.approved THEN 'approved' ELSE 'refused' END,
    'decidedAt', ${iso('w.decided_at')},
    'resultId', CASE WHEN w.decided_at IS NOT NULL THEN ${uuidOf(`'${t}:result:' || w.i`)} END,
    'returnedAt', ${iso('w.returned_at')},
    'returnChannel', CASE WHEN w.returned_at IS NOT NULL THEN (CASE WHEN w.rc < 0.55 THEN 'online' ELSE 'desk' END) END,
    'dueSoonMarkedAt', NULL, 'overdueMarkedAt', NULL, 'stepOverdueMarkedAt', NULL,
    'version', w.version,
    'updatedAt', ${iso('w.updated_at')}) AS state) s
)
INSERT INTO processing.tasks (tenant_id, id, dossier_id, agency_id, step, step_index, role, assignee, status, created_at, due_at, closed_at, closed_by)
SELECT '${t}', ${uuidOf(`'${t}:task:' || f.i || ':' || n`)}, f.id,
  CASE WHEN n = 3 THEN f.receiving_agency_id ELSE f.competent_agency_id END,
  (ARRAY[${STEP_NAMES}])[n], n, (ARRAY[${STEP_ROLES}])[n],
  CASE WHEN n < f.k OR f.status = 'returned' OR f.claimed THEN (ARRAY[f.specialist, f.leader, f.desk_officer])[n] END,
  CASE WHEN n < f.k OR f.status = 'returned' THEN 'done' WHEN f.status = 'stopped' THEN 'cancelled' ELSE 'open' END,
  (ARRAY[f.c1, f.c2, f.c3])[n],
  (ARRAY[f.c1 + f.a1, f.c2 + f.a2, f.c3 + f.a3])[n],
  CASE WHEN n < f.k OR f.status = 'returned' THEN (ARRAY[f.c1 + ${step(1)}, f.c2 + ${step(2)}, f.c3 + ${step(3)}])[n] WHEN f.status = 'stopped' THEN f.stopped_at END,
  CASE WHEN n < f.k OR f.status = 'returned' THEN (ARRAY[f.specialist, f.leader, f.desk_officer])[n] WHEN f.status = 'stopped' THEN f.leader END
FROM timeline f CROSS JOIN LATERAL generate_series(1, f.k) AS n`;
}

/** Loads one tenant's workflows and tasks in one transaction on a single owner connection; returns the seconds it took. */
export function loadTenant(database: BenchDatabase, spec: LoadSpec): Promise<number> {
  return inOwnerTransaction(database, (timed) => timed(workflowsAndTasksSql(spec)));
}

// Bulk load of the worklist benchmark: one INSERT … SELECT generate_series per table, as the
// owner of the schema (the server's superuser, like the migrations), deterministic (every
// draw is a hash of the row number). Each column is filled the way intake fills it: a
// dossier is `submitted` with the submission's columns, a received one has its code, desk,
// appointment and fees, timestamps have the millisecond precision of the service's clock.
import { draw, inOwnerTransaction, uuidOf } from '../shared/bulk-load';
import type { BenchDatabase } from '../submit/database';

export interface Agency {
  /** Identifier code: dossier codes start with it. */
  id: string;
  /** The desk that checks and receives its dossiers. */
  deskId: string;
  /** Share of the tenant's dossiers. */
  weight: number;
}

/**
 * A province's agencies, from the provincial departments that take most dossiers down to
 * a commune (weights sum to 1). The first is the largest, the last the smallest.
 */
export const AGENCIES: readonly Agency[] = [
  { id: '000.00.17.H33', deskId: 'H33-STC-01', weight: 0.3 },
  { id: '000.00.12.H33', deskId: 'H33-STNMT-01', weight: 0.14 },
  { id: '000.00.14.H33', deskId: 'H33-SXD-01', weight: 0.1 },
  { id: '000.00.09.H33', deskId: 'H33-SGTVT-01', weight: 0.08 },
  { id: '000.00.15.H33', deskId: 'H33-STP-01', weight: 0.07 },
  { id: '000.00.05.H33', deskId: 'H33-SLDTBXH-01', weight: 0.06 },
  { id: '000.21.30.H33', deskId: 'H33-VL-01', weight: 0.05 },
  { id: '000.22.30.H33', deskId: 'H33-MH-01', weight: 0.05 },
  { id: '000.23.30.H33', deskId: 'H33-KC-01', weight: 0.04 },
  { id: '000.24.30.H33', deskId: 'H33-AT-01', weight: 0.04 },
  { id: '000.00.11.H33', deskId: 'H33-SYT-01', weight: 0.03 },
  { id: '000.00.07.H33', deskId: 'H33-SGDDT-01', weight: 0.02 },
  { id: '000.97.12.H33', deskId: 'H33-NQ-01', weight: 0.015 },
  { id: '000.97.14.H33', deskId: 'H33-LN-01', weight: 0.005 },
];

export const LARGEST = AGENCIES[0];
export const SMALLEST = AGENCIES[AGENCIES.length - 1];

export interface LoadSpec {
  tenantId: string;
  dossiers: number;
  /** Share of dossiers pending a check (submitted or resubmitted), e.g. 0.01. */
  pending: number;
  /** Distinguishes the draws of two tenants. */
  salt: number;
  /** "Now" of the data: the newest submission is just before it. */
  now: Date;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Procedures per agency. */
const PROCEDURES = 40;

/** The columns both tables derive from the row number, so the applicant matches its dossier. */
function rowKeys(spec: LoadSpec): string {
  return `i,
      ${uuidOf(`'${spec.tenantId}:dossier:' || i`)} AS id,
      ${draw(spec.salt + 6)} < 0.08 AS organization,
      '0330' || (50 + abs(hashint8extended(i, ${spec.salt + 7}) % 50)) || lpad(((i * 7919) % 1000000)::text, 6, '0') AS citizen_id,
      '0' || lpad(((i * 104729) % 1000000000)::text, 9, '0') AS tax_code`;
}

function dossiersSql(spec: LoadSpec): string {
  const p = spec.pending;
  const bounds = AGENCIES.slice(0, -1).reduce<number[]>((acc, agency) => [...acc, acc[acc.length - 1] + agency.weight], [0]);
  const agencies = AGENCIES.map((agency, index) => `(${index + 1}, '${agency.id}', '${agency.deskId}')`).join(', ');
  const ms = (expression: string) => `date_trunc('milliseconds', ${expression})`;
  return `
INSERT INTO intake.dossiers (
  tenant_id, id, procedure_id, procedure_code, agency_id, submitted_by, status, channel, applicant_pseudonym, components,
  submitted_at, updated_at, procedure_version_id, national_channel, intake_agency_id, submission_desk_id, applicant_unit_code,
  code, receiving_agency_id, receiving_desk_id, received_at, appointment_at, appointment_local_date, supplement_requests, fees, fees_total)
WITH keys AS (
  SELECT ${rowKeys(spec)},
    ${draw(spec.salt + 1)} AS ra, ${draw(spec.salt + 2)} AS rs, ${draw(spec.salt + 3)} AS rt,
    ${draw(spec.salt + 4)} AS rc, ${draw(spec.salt + 5)} AS rp, ${draw(spec.salt + 8)} AS rd
  FROM generate_series(1, ${spec.dossiers}::bigint) AS i
), agencies (n, agency_id, desk_id) AS (VALUES ${agencies}),
shaped AS (
  SELECT k.*, a.agency_id, a.desk_id, a.n AS agency_no, floor(k.rp * ${PROCEDURES})::int AS procedure_no,
    CASE WHEN k.rs < ${p * 0.8} THEN 'submitted'
         WHEN k.rs < ${p} THEN 'resubmitted'
         WHEN k.rs < ${p + 0.015} THEN 'supplement_requested'
         WHEN k.rs < ${p + 0.075} THEN 'refused'
         WHEN k.rs < ${p + 0.115} THEN 'withdrawn'
         WHEN k.rs < ${p + 0.165} THEN 'received'
         ELSE 'in_processing' END AS status
  FROM keys k JOIN agencies a ON a.n = width_bucket(k.ra, ARRAY[${bounds.join(', ')}]::float8[])
),
timed AS (
  SELECT s.*,
    CASE WHEN s.status IN ('submitted', 'resubmitted') THEN (CASE WHEN s.rc < 0.9 THEN 'online' WHEN s.rc < 0.95 THEN 'desk' ELSE 'postal' END)
         ELSE (CASE WHEN s.rc < 0.55 THEN 'online' WHEN s.rc < 0.9 THEN 'desk' ELSE 'postal' END) END AS channel,
    -- Most pending dossiers came in the last ten days; one in ten is an old one still waiting.
    ${ms(`CASE WHEN s.status IN ('submitted', 'resubmitted') AND s.rt < 0.9 THEN timestamptz '${spec.now.toISOString()}' - (s.rt / 0.9) * interval '10 days'
         ELSE timestamptz '${spec.now.toISOString()}' - s.rt * interval '730 days' END`)} AS submitted_at
  FROM shaped s
),
received AS (
  SELECT t.*,
    CASE WHEN t.status IN ('received', 'in_processing') OR (t.status = 'withdrawn' AND t.rd < 0.5)
         THEN ${ms(`least(t.submitted_at + CASE WHEN t.channel = 'desk' THEN interval '6 minutes' ELSE t.rd * interval '2 days' END, timestamptz '${spec.now.toISOString()}')`)}
    END AS received_at
  FROM timed t
),
coded AS (
  SELECT r.*,
    CASE WHEN r.received_at IS NOT NULL THEN
      r.agency_id || '-' || to_char(r.received_at AT TIME ZONE '${TIME_ZONE}', 'YYMMDD') || '-' ||
      lpad((row_number() OVER (PARTITION BY r.received_at IS NULL, r.agency_id, (r.received_at AT TIME ZONE '${TIME_ZONE}')::date ORDER BY r.received_at, r.i))::text, 4, '0')
    END AS code,
    ${ms(`r.received_at + (3 + floor(r.rd * 12)::int) * interval '1 day'`)} AS appointment_at,
    (50000 * (1 + r.procedure_no % 4))::bigint AS fee
  FROM received r
)
SELECT
  '${spec.tenantId}', c.id,
  ${uuidOf(`'procedure:' || c.agency_id || ':' || c.procedure_no`)},
  '1.' || lpad((c.agency_no * 100 + c.procedure_no)::text, 6, '0'),
  -- A commune's desk also takes dossiers its district decides; elsewhere the intake agency decides.
  CASE WHEN c.agency_no = ${AGENCIES.length} AND c.rp < 0.3 THEN '${AGENCIES[6].id}' ELSE c.agency_id END,
  CASE WHEN c.channel = 'desk' THEN 'desk:' || c.desk_id || '-officer' ELSE 'citizen-' || (c.i % 700000) END,
  c.status, c.channel,
  encode(sha256(convert_to('${spec.tenantId}:' || CASE WHEN c.organization THEN 'MST:' || c.tax_code ELSE c.citizen_id END, 'UTF8')), 'hex'),
  jsonb_build_array(
    jsonb_build_object('componentCode', 'TK01', 'fileReference', 'upload:' || md5(c.id::text || ':1')),
    jsonb_build_object('componentCode', 'GCN', 'fileReference', CASE WHEN c.rc < 0.2 THEN 'wallet:' ELSE 'upload:' END || md5(c.id::text || ':2'))),
  c.submitted_at,
  CASE c.status
    WHEN 'submitted' THEN c.submitted_at
    WHEN 'resubmitted' THEN ${ms(`least(c.submitted_at + c.rd * interval '3 days', timestamptz '${spec.now.toISOString()}')`)}
    WHEN 'received' THEN c.received_at
    WHEN 'in_processing' THEN ${ms(`least(c.received_at + interval '1 second', timestamptz '${spec.now.toISOString()}')`)}
    WHEN 'withdrawn' THEN ${ms(`least(coalesce(c.received_at, c.submitted_at) + interval '1 day', timestamptz '${spec.now.toISOString()}')`)}
    ELSE ${ms(`least(c.submitted_at + c.rd * interval '2 days', timestamptz '${spec.now.toISOString()}')`)}
  END,
  ${uuidOf(`'version:' || c.agency_id || ':' || c.procedure_no`)},
  CASE c.channel WHEN 'desk' THEN 1 WHEN 'online' THEN 2 ELSE 3 END,
  c.agency_id,
  CASE WHEN c.channel = 'desk' THEN c.desk_id END,
  lpad((12000 + (c.i % 300))::text, 5, '0'),
  c.code,
  CASE WHEN c.received_at IS NOT NULL THEN c.agency_id END,
  CASE WHEN c.received_at IS NOT NULL THEN c.desk_id END,
  c.received_at,
  CASE WHEN c.received_at IS NOT NULL THEN c.appointment_at END,
  CASE WHEN c.received_at IS NOT NULL THEN to_char(c.appointment_at AT TIME ZONE '${TIME_ZONE}', 'YYYY-MM-DD') END,
  CASE WHEN c.status IN ('supplement_requested', 'resubmitted') OR (c.received_at IS NOT NULL AND c.rd > 0.97) THEN 1 ELSE 0 END,
  CASE WHEN c.received_at IS NOT NULL THEN jsonb_build_array(jsonb_build_object(
    'item', 'LP', 'itemName', 'Lệ phí', 'kind', 'charge', 'type', 'base', 'rule', 'fixed', 'amount', c.fee)) END,
  CASE WHEN c.received_at IS NOT NULL THEN c.fee END
FROM coded c`;
}

function applicantsSql(spec: LoadSpec): string {
  const pick = (words: string[], salt: number) => `(ARRAY[${words.map((w) => `'${w}'`).join(', ')}])[1 + abs(hashint8extended(k.i, ${salt}) % ${words.length})]`;
  const family = pick(['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'], spec.salt + 11);
  const middle = pick(['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Hữu', 'Thanh'], spec.salt + 12);
  const given = pick(['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Quân', 'Trang', 'Tuấn'], spec.salt + 13);
  return `
INSERT INTO intake.applicants (tenant_id, dossier_id, full_name, citizen_id, kind, date_of_birth, phone, email, address, unit_code, tax_code)
SELECT '${spec.tenantId}', k.id,
  CASE WHEN k.organization THEN 'Công ty TNHH ' || ${given} || ' ' || (k.i % 9973) ELSE ${family} || ' ' || ${middle} || ' ' || ${given} END,
  CASE WHEN k.organization THEN NULL ELSE k.citizen_id END,
  CASE WHEN k.organization THEN 'organization' ELSE 'person' END,
  CASE WHEN k.organization THEN NULL ELSE make_date(1900 + substr(k.citizen_id, 5, 2)::int, (1 + k.i % 12)::int, (1 + k.i % 28)::int) END,
  '09' || lpad(((k.i * 15485863) % 100000000)::text, 8, '0'),
  CASE WHEN k.i % 3 = 0 THEN 'applicant' || k.i || '@example.vn' END,
  'Thôn ' || (1 + k.i % 20) || ', xã ' || lpad((12000 + (k.i % 300))::text, 5, '0'),
  lpad((12000 + (k.i % 300))::text, 5, '0'),
  CASE WHEN k.organization THEN k.tax_code END
FROM (SELECT ${rowKeys(spec)} FROM generate_series(1, ${spec.dossiers}::bigint) AS i) k`;
}

function countersSql(spec: LoadSpec): string {
  return `
INSERT INTO intake.dossier_code_counters (tenant_id, format, agency_code, day, last_sequence)
SELECT tenant_id, 'agency-day', receiving_agency_id, (received_at AT TIME ZONE '${TIME_ZONE}')::date, count(*)
FROM intake.dossiers WHERE tenant_id = '${spec.tenantId}' AND received_at IS NOT NULL
GROUP BY 1, 2, 3, 4`;
}

export interface LoadTimings {
  dossiersSeconds: number;
  applicantsSeconds: number;
  countersSeconds: number;
}

/** Loads one tenant in one transaction on a single owner connection (fast settings for this session only). */
export function loadTenant(database: BenchDatabase, spec: LoadSpec): Promise<LoadTimings> {
  return inOwnerTransaction(database, async (timed) => ({
    dossiersSeconds: await timed(dossiersSql(spec)),
    applicantsSeconds: await timed(applicantsSql(spec)),
    countersSeconds: await timed(countersSql(spec)),
  }));
}

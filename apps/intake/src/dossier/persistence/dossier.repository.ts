import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { DossierCodeFormat } from '../domain/dossier-code';
import { Applicant, Channel, Dossier, DossierStatus } from '../domain/dossier';
import { ApplicantEntity, DossierActionEntity, DossierEntity, SubmissionKeyEntity } from './dossier.entity';

const UNIQUE_VIOLATION = '23505';
const SUBMISSION_KEYS_TABLE = 'submission_keys';

type InsertRow = [EntityTarget<ObjectLiteral>, ObjectLiteral];

export interface NewSubmissionRows {
  dossier: Dossier;
  applicant: Applicant;
  applicantPseudonym: string;
  action: Omit<DossierActionRecord, 'id' | 'dossierId'>;
  /** With an Idempotency-Key: its row, unique per (tenant, submitter, key). */
  submissionKey?: { submitter: string; idempotencyKey: string; fingerprint: string; createdAt: Date };
}

/** Another request with the same idempotency key committed first. */
export class DuplicateSubmissionKeyError extends Error {
  constructor(options: { cause: unknown }) {
    super('This idempotency key was used by a committed submission', options);
    this.name = 'DuplicateSubmissionKeyError';
  }
}

export interface DossierActionRecord {
  id: string;
  dossierId: string;
  action: string;
  actorSubject: string;
  deskId: string | null;
  at: Date;
  details: object;
}

export interface PendingCheckRow {
  id: string;
  procedureCode: string;
  status: string;
  submittedAt: Date;
}

/** Queries only; always through the tenant transaction's manager (row-level security applies). */
@Injectable()
export class DossierRepository {
  /**
   * A new dossier with its applicant, the submitting action and the idempotency key, in one
   * statement (one round trip): the rows are inserted by sibling data-modifying CTEs, whose
   * foreign keys PostgreSQL checks at the end of the statement. A key another request has
   * committed fails the statement with DuplicateSubmissionKeyError.
   */
  async insertSubmission(manager: EntityManager, submission: NewSubmissionRows): Promise<void> {
    const { tenantId } = currentTenant();
    const { dossier, applicant, applicantPseudonym, action, submissionKey } = submission;
    const rows: InsertRow[] = [
      [DossierEntity, { ...toEntity(dossier), tenantId, applicantPseudonym }],
      [
        ApplicantEntity,
        {
          tenantId,
          dossierId: dossier.id,
          kind: applicant.kind,
          fullName: applicant.fullName,
          citizenId: applicant.citizenId || null,
          taxCode: applicant.taxCode || null,
          dateOfBirth: applicant.dateOfBirth || null,
          phone: applicant.phone || null,
          email: applicant.email || null,
          address: applicant.address || null,
          unitCode: applicant.unitCode || null,
        },
      ],
    ];
    if (submissionKey) rows.push([SubmissionKeyEntity, { ...submissionKey, tenantId, dossierId: dossier.id }]);
    rows.push([DossierActionEntity, { ...action, dossierId: dossier.id, id: randomUUID(), tenantId }]);
    const parameters: unknown[] = [];
    const statements = rows.map(([target, row]) => insertValuesSql(manager, target, row, parameters));
    const last = statements.pop();
    const sql = statements.length ? `WITH ${statements.map((statement, i) => `r${i} AS (${statement})`).join(', ')} ${last}` : `${last}`;
    try {
      await manager.query(sql, parameters);
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; table?: string } }).driverError;
      if (driverError?.code === UNIQUE_VIOLATION && driverError.table === SUBMISSION_KEYS_TABLE) throw new DuplicateSubmissionKeyError({ cause: error });
      throw error;
    }
  }

  async findById(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Dossier | null> {
    const entity = await manager.findOne(DossierEntity, {
      where: { tenantId: currentTenant().tenantId, id },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    return entity ? toDomain(entity) : null;
  }

  async pseudonymOf(manager: EntityManager, id: string): Promise<string> {
    const entity = await manager.findOneOrFail(DossierEntity, { where: { tenantId: currentTenant().tenantId, id }, select: { applicantPseudonym: true, tenantId: true, id: true } });
    return entity.applicantPseudonym;
  }

  /** The dossier with the code and the applicant's secrets for tracking (phone, ID or tax number). */
  async findForTracking(manager: EntityManager, code: string): Promise<{ dossier: Dossier; phone: string | null; identifier: string | null } | null> {
    const { tenantId } = currentTenant();
    const entity = await manager.findOne(DossierEntity, { where: { tenantId, code } });
    if (!entity) return null;
    const applicant = await manager.findOne(ApplicantEntity, { where: { tenantId, dossierId: entity.id } });
    return { dossier: toDomain(entity), phone: applicant?.phone ?? null, identifier: applicant?.citizenId ?? applicant?.taxCode ?? null };
  }

  async save(manager: EntityManager, dossier: Dossier): Promise<void> {
    const { tenantId } = currentTenant();
    const { id, ...changes } = toEntity(dossier);
    await manager.update(DossierEntity, { tenantId, id }, changes);
  }

  async updateStatus(manager: EntityManager, dossier: Dossier): Promise<void> {
    await manager.update(DossierEntity, { tenantId: currentTenant().tenantId, id: dossier.id }, { status: dossier.status, updatedAt: dossier.updatedAt });
  }

  async updateAppointment(manager: EntityManager, dossier: Dossier): Promise<void> {
    await manager.update(
      DossierEntity,
      { tenantId: currentTenant().tenantId, id: dossier.id },
      { appointmentAt: dossier.appointmentAt, appointmentLocalDate: dossier.appointmentLocalDate, updatedAt: dossier.updatedAt },
    );
  }

  async appendAction(manager: EntityManager, action: Omit<DossierActionRecord, 'id'>): Promise<void> {
    await manager.insert(DossierActionEntity, { ...action, id: randomUUID(), tenantId: currentTenant().tenantId });
  }

  async listActions(manager: EntityManager, dossierId: string): Promise<DossierActionRecord[]> {
    const rows = await manager.find(DossierActionEntity, { where: { tenantId: currentTenant().tenantId, dossierId }, order: { at: 'ASC', id: 'ASC' } });
    return rows.map(({ id, action, actorSubject, deskId, at, details }) => ({ id, dossierId, action, actorSubject, deskId, at, details }));
  }

  /**
   * The next sequence of (format, agency, local day), taken in the caller's transaction: the
   * upsert locks the counter row until commit, so concurrent receipts queue and a rollback
   * gives the number back (gap-free).
   */
  async nextSequence(manager: EntityManager, format: DossierCodeFormat, agencyCode: string, day: string): Promise<number> {
    const rows: { last_sequence: number }[] = await manager.query(
      `INSERT INTO intake.dossier_code_counters AS c (tenant_id, format, agency_code, day, last_sequence)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (tenant_id, format, agency_code, day) DO UPDATE SET last_sequence = c.last_sequence + 1
       RETURNING c.last_sequence`,
      [currentTenant().tenantId, format, agencyCode, day],
    );
    return rows[0].last_sequence;
  }

  async codeFormat(manager: EntityManager, procedureCode: string): Promise<{ format: DossierCodeFormat; systemDigits: string | null }> {
    const rows: { format: DossierCodeFormat; system_digits: string | null }[] = await manager.query(
      `SELECT format, system_digits FROM intake.dossier_code_formats WHERE tenant_id = $1 AND procedure_code = $2`,
      [currentTenant().tenantId, procedureCode],
    );
    return rows[0] ? { format: rows[0].format, systemDigits: rows[0].system_digits } : { format: 'agency-day', systemDigits: null };
  }

  async findSubmissionKey(manager: EntityManager, submitter: string, key: string): Promise<{ fingerprint: string; dossierId: string } | null> {
    const row = await manager.findOne(SubmissionKeyEntity, { where: { tenantId: currentTenant().tenantId, submitter, idempotencyKey: key } });
    return row ? { fingerprint: row.fingerprint, dossierId: row.dossierId } : null;
  }

  /** Online submissions awaiting a check at the agency, oldest first; keyset after (submittedAt, id). */
  async pendingChecks(manager: EntityManager, agencyId: string, limit: number, after: { submittedAt: Date; id: string } | null): Promise<PendingCheckRow[]> {
    const params: unknown[] = [currentTenant().tenantId, agencyId, limit];
    let keyset = '';
    if (after) {
      params.push(after.submittedAt, after.id);
      keyset = 'AND (submitted_at, id) > ($4, $5)';
    }
    const rows: { id: string; procedure_code: string; status: string; submitted_at: Date }[] = await manager.query(
      `SELECT id, procedure_code, status, submitted_at FROM intake.dossiers
        WHERE tenant_id = $1 AND intake_agency_id = $2 AND status IN ('submitted', 'resubmitted') AND channel = 'online' ${keyset}
        ORDER BY submitted_at, id LIMIT $3`,
      params,
    );
    return rows.map((r) => ({ id: r.id, procedureCode: r.procedure_code, status: r.status, submittedAt: r.submitted_at }));
  }
}

function toEntity(dossier: Dossier): Omit<DossierEntity, 'tenantId' | 'applicantPseudonym'> {
  return {
    id: dossier.id,
    procedureId: dossier.procedureId,
    procedureCode: dossier.procedureCode,
    procedureVersionId: dossier.procedureVersionId,
    agencyId: dossier.agencyId,
    intakeAgencyId: dossier.intakeAgencyId,
    submittedBy: dossier.submittedBy,
    status: dossier.status,
    channel: dossier.channel,
    nationalChannel: dossier.nationalChannel,
    submissionDeskId: dossier.submissionDeskId,
    applicantUnitCode: dossier.applicantUnitCode,
    components: dossier.components,
    submittedAt: dossier.submittedAt,
    updatedAt: dossier.updatedAt,
    code: dossier.code,
    receivingAgencyId: dossier.receivingAgencyId,
    receivingDeskId: dossier.receivingDeskId,
    receivedAt: dossier.receivedAt,
    appointmentAt: dossier.appointmentAt,
    appointmentLocalDate: dossier.appointmentLocalDate,
    supplementRequests: dossier.supplementRequests,
    fees: dossier.fees,
    feesTotal: dossier.feesTotal === null ? null : String(dossier.feesTotal),
  };
}

function toDomain(entity: DossierEntity): Dossier {
  return {
    id: entity.id,
    procedureId: entity.procedureId,
    procedureCode: entity.procedureCode,
    procedureVersionId: entity.procedureVersionId,
    agencyId: entity.agencyId,
    intakeAgencyId: entity.intakeAgencyId ?? entity.agencyId,
    submittedBy: entity.submittedBy,
    status: entity.status as DossierStatus,
    channel: entity.channel as Channel,
    nationalChannel: entity.nationalChannel as 1 | 2 | 3,
    submissionDeskId: entity.submissionDeskId,
    applicantUnitCode: entity.applicantUnitCode,
    components: entity.components,
    submittedAt: entity.submittedAt,
    updatedAt: entity.updatedAt,
    code: entity.code,
    receivingAgencyId: entity.receivingAgencyId,
    receivingDeskId: entity.receivingDeskId,
    receivedAt: entity.receivedAt,
    appointmentAt: entity.appointmentAt,
    appointmentLocalDate: entity.appointmentLocalDate,
    supplementRequests: entity.supplementRequests,
    fees: entity.fees,
    feesTotal: entity.feesTotal === null ? null : Number(entity.feesTotal),
  };
}

/**
 * `INSERT INTO <table> (<columns>) VALUES (<placeholders>)` of one row: the columns and the value
 * conversions (jsonb, date, bigint: the types these entities use) come from the entity's TypeORM
 * metadata, as in `manager.insert`; an undefined property takes the column default. The values
 * are appended to `parameters` and numbered after those already there.
 */
function insertValuesSql(manager: EntityManager, target: EntityTarget<ObjectLiteral>, row: ObjectLiteral, parameters: unknown[]): string {
  const metadata = manager.connection.getMetadata(target);
  const { driver } = manager.connection;
  const names: string[] = [];
  const placeholders: string[] = [];
  for (const column of metadata.columns) {
    const value: unknown = row[column.propertyName];
    if (value === undefined) continue;
    parameters.push(driver.preparePersistentValue(value, column));
    names.push(driver.escape(column.databaseName));
    placeholders.push(`$${parameters.length}`);
  }
  const table = metadata.schema ? `${driver.escape(metadata.schema)}.${driver.escape(metadata.tableName)}` : driver.escape(metadata.tableName);
  return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${placeholders.join(', ')})`;
}

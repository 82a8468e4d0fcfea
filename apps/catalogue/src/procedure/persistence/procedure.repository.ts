import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { formatLocalDate, toLocalDate } from '@motcua/calendar';
import { currentTenant } from '@motcua/tenancy';
import { SEARCH_VECTOR_SQL, searchDocument } from '../../search/domain/search-text';
import type { FeeSchedule } from '../domain/fees';
import type { ComponentForm, DecisionRef, OnlineLevel, ProcedureLevel, ProcedureVersion, ProcessRole, VersionEnd, VersionEndReason } from '../domain/procedure';
import { ProcedureEntity, ProcedureVersionEntity } from './procedure.entity';

const UNIQUE_VIOLATION = '23505';

export class DuplicateProcedureError extends Error {
  constructor(options: { cause: unknown }) {
    super('A procedure with this code already exists in the tenant', options);
    this.name = 'DuplicateProcedureError';
  }
}

/** How a read names a procedure: its id or its national code. */
export type ProcedureKey = { id: string } | { code: string };

/**
 * Procedures and their versions, through the tenant transaction's EntityManager only (row-level
 * security sees nothing outside it). Queries only: the rules live in the domain.
 */
@Injectable()
export class ProcedureRepository {
  /** Inserts the head row and version 1. DuplicateProcedureError when the code is taken. */
  async insertProcedure(manager: EntityManager, version: ProcedureVersion): Promise<void> {
    const tenantId = currentTenant().tenantId;
    try {
      await manager.insert(ProcedureEntity, { tenantId, id: version.procedureId, code: version.code, createdAt: version.procedureCreatedAt });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) throw new DuplicateProcedureError({ cause: error });
      throw error;
    }
    await this.insertVersion(manager, version);
  }

  async insertVersion(manager: EntityManager, version: ProcedureVersion): Promise<void> {
    await manager.insert(ProcedureVersionEntity, toEntity(currentTenant().tenantId, version));
    await this.insertSearchRow(manager, version);
  }

  /**
   * The version's search row (same transaction): folded text and a weighted `simple` tsvector
   * (name A, field B, agencies C). The agency named is the competent one, else the implementing
   * one; null (the People's Committee of the applicant's unit) is searchable by that name.
   */
  private async insertSearchRow(manager: EntityManager, version: ProcedureVersion): Promise<void> {
    const tenantId = currentTenant().tenantId;
    const d = version.definition;
    const ids = [d.competentAgencyId, d.implementingAgencyId].filter((id): id is string => id !== null);
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const rows: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM catalogue.agencies WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids]);
      for (const row of rows) names.set(row.id, row.name);
    }
    const agencyId = d.competentAgencyId ?? d.implementingAgencyId;
    const agencyName = agencyId === null ? 'Ủy ban nhân dân cấp xã' : (names.get(agencyId) ?? null);
    const agencyNames = [...new Set([agencyName, ...ids.map((id) => names.get(id) ?? null)].filter((n): n is string => n !== null))];
    const doc = searchDocument({ name: d.name, field: d.field ?? '', agencyNames, other: [version.code] });
    const vector = SEARCH_VECTOR_SQL.replace(/\$([1-4])/g, (_, n: string) => `$${Number(n) + 17}`);
    await manager.query(
      `INSERT INTO catalogue.procedure_search (tenant_id, version_id, procedure_id, code, name, field, level, agency_id, agency_name, online_level,
         processing_unit, processing_amount, effective_from, effective_to, name_folded, name_exact, search_text, search_vector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, ${vector})`,
      [
        tenantId,
        version.id,
        version.procedureId,
        version.code,
        d.name,
        d.field,
        d.level,
        agencyId,
        agencyName,
        d.onlineLevel,
        d.processingTime.unit,
        d.processingTime.amount,
        version.effectiveFrom,
        version.effectiveTo,
        doc.nameFolded,
        doc.nameExact,
        doc.searchText,
        doc.weighted.A,
        doc.weighted.B,
        doc.weighted.C,
        doc.weighted.D,
      ],
    );
  }

  /** Every version's import identity (effective local date, decision, fingerprint), by code: what planImport compares. */
  async listImportIdentities(manager: EntityManager): Promise<{ code: string; versions: { effective_from: string; decision_number: string; fingerprint: string }[] }[]> {
    const rows: { code: string; effective_from: Date; decision_number: string | null; fingerprint: string | null }[] = await manager.query(
      `SELECT p.code, v.effective_from, v.decision_number, v.fingerprint
         FROM catalogue.procedure_versions v JOIN catalogue.procedures p ON p.tenant_id = v.tenant_id AND p.id = v.procedure_id
        WHERE v.tenant_id = $1 ORDER BY p.code, v.version`,
      [currentTenant().tenantId],
    );
    const byCode = new Map<string, { code: string; versions: { effective_from: string; decision_number: string; fingerprint: string }[] }>();
    for (const row of rows) {
      const entry = byCode.get(row.code) ?? { code: row.code, versions: [] };
      entry.versions.push({ effective_from: formatLocalDate(toLocalDate(row.effective_from)), decision_number: row.decision_number ?? '', fingerprint: row.fingerprint ?? '' });
      byCode.set(row.code, entry);
    }
    return [...byCode.values()];
  }

  /** Sets a version's end: the only update a version gets (the database refuses any other). */
  async endVersion(manager: EntityManager, end: VersionEnd): Promise<void> {
    await manager.update(
      ProcedureVersionEntity,
      { tenantId: currentTenant().tenantId, id: end.versionId },
      { effectiveTo: end.effectiveTo, endedBy: end.endedBy, endDecisionNumber: end.endDecision?.number ?? null, endDecisionDate: end.endDecision?.date ?? null },
    );
    await manager.query(`UPDATE catalogue.procedure_search SET effective_to = $3 WHERE tenant_id = $1 AND version_id = $2`, [currentTenant().tenantId, end.versionId, end.effectiveTo]);
  }

  /**
   * Locks the procedure (its head row, until the transaction ends, so publications of one
   * procedure are serialised) and returns its highest version; null when there is none.
   */
  async lockLatest(manager: EntityManager, key: ProcedureKey): Promise<ProcedureVersion | null> {
    const head = await manager
      .createQueryBuilder(ProcedureEntity, 'p')
      .setLock('pessimistic_write')
      .where('p.tenant_id = :tenantId', { tenantId: currentTenant().tenantId })
      .andWhere('id' in key ? 'p.id = :id' : 'p.code = :code', key)
      .getOne();
    if (!head) return null;
    const latest = await this.versions(manager).andWhere('v.procedure_id = :procedureId', { procedureId: head.id }).orderBy('v.version', 'DESC').getOne();
    return latest ? toDomain(latest) : null;
  }

  /** Whether the procedure exists, and its version in force at `at` (null when none is). */
  async findInForce(manager: EntityManager, key: ProcedureKey, at: Date): Promise<{ exists: boolean; version: ProcedureVersion | null }> {
    const inForce = await this.byKey(this.versions(manager), key)
      .andWhere('v.effective_from <= :at AND (v.effective_to IS NULL OR v.effective_to > :at)', { at })
      .orderBy('v.effective_from', 'DESC')
      .getOne();
    if (inForce) return { exists: true, version: toDomain(inForce) };
    const exists = await manager.exists(ProcedureEntity, { where: { tenantId: currentTenant().tenantId, ...key } });
    return { exists, version: null };
  }

  async findVersion(manager: EntityManager, versionId: string): Promise<ProcedureVersion | null> {
    const entity = await this.versions(manager).andWhere('v.id = :versionId', { versionId }).getOne();
    return entity ? toDomain(entity) : null;
  }

  /** Every version, oldest first; empty when the procedure does not exist. */
  async listVersions(manager: EntityManager, key: ProcedureKey): Promise<ProcedureVersion[]> {
    return (await this.byKey(this.versions(manager), key).orderBy('v.version', 'ASC').getMany()).map(toDomain);
  }

  private versions(manager: EntityManager): SelectQueryBuilder<ProcedureVersionEntity> {
    return manager
      .createQueryBuilder(ProcedureVersionEntity, 'v')
      .innerJoinAndSelect('v.procedure', 'p')
      .where('v.tenant_id = :tenantId', { tenantId: currentTenant().tenantId });
  }

  private byKey(query: SelectQueryBuilder<ProcedureVersionEntity>, key: ProcedureKey): SelectQueryBuilder<ProcedureVersionEntity> {
    return 'id' in key ? query.andWhere('v.procedure_id = :id', { id: key.id }) : query.andWhere('p.code = :code', { code: key.code });
  }
}

function toEntity(tenantId: string, version: ProcedureVersion): Omit<ProcedureVersionEntity, 'procedure'> {
  const d = version.definition;
  return {
    tenantId,
    id: version.id,
    procedureId: version.procedureId,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    endedBy: version.endedBy,
    endDecisionNumber: version.endDecision?.number ?? null,
    endDecisionDate: version.endDecision?.date ?? null,
    decisionNumber: version.decision?.number ?? null,
    decisionDate: version.decision?.date ?? null,
    publishedAt: version.publishedAt,
    publishedBy: version.publishedBy,
    name: d.name,
    field: d.field,
    level: d.level,
    competentAgencyId: d.competentAgencyId,
    implementingAgencyId: d.implementingAgencyId,
    processingUnit: d.processingTime.unit,
    processingAmount: d.processingTime.amount,
    onlineLevel: d.onlineLevel,
    locationIndependent: d.locationIndependent,
    postalIntake: d.postalIntake,
    postalReturn: d.postalReturn,
    legalBasis: d.legalBasis,
    components: d.components,
    fees: d.fees,
    results: d.results,
    internalProcess: d.internalProcess,
    onTheSpot: d.onTheSpot,
    fingerprint: version.fingerprint ?? null,
  };
}

function decision(number: string | null, date: string | null): DecisionRef | null {
  return number !== null && date !== null ? { number, date } : null;
}

function toDomain(entity: ProcedureVersionEntity): ProcedureVersion {
  const procedure = entity.procedure as ProcedureEntity;
  return {
    id: entity.id,
    procedureId: entity.procedureId,
    code: procedure.code,
    version: entity.version,
    effectiveFrom: entity.effectiveFrom,
    effectiveTo: entity.effectiveTo,
    endedBy: entity.endedBy as VersionEndReason | null,
    endDecision: decision(entity.endDecisionNumber, entity.endDecisionDate),
    decision: decision(entity.decisionNumber, entity.decisionDate),
    publishedAt: entity.publishedAt,
    publishedBy: entity.publishedBy,
    procedureCreatedAt: procedure.createdAt,
    definition: {
      name: entity.name,
      field: entity.field,
      level: entity.level as ProcedureLevel | null,
      competentAgencyId: entity.competentAgencyId,
      implementingAgencyId: entity.implementingAgencyId,
      legalBasis: entity.legalBasis,
      components: entity.components.map((c) => ({ ...c, form: c.form as ComponentForm })),
      processingTime: { unit: entity.processingUnit as 'days' | 'hours', amount: entity.processingAmount },
      fees: entity.fees as FeeSchedule,
      results: entity.results,
      onlineLevel: entity.onlineLevel as OnlineLevel,
      locationIndependent: entity.locationIndependent,
      postalIntake: entity.postalIntake,
      postalReturn: entity.postalReturn,
      internalProcess: entity.internalProcess.map((s) => ({ ...s, role: s.role as ProcessRole })),
      onTheSpot: entity.onTheSpot,
    },
  };
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IsoDate } from '@motcua/calendar';
import { currentTenant } from '@motcua/tenancy';
import type { ProcedureLevel } from '../../procedure/domain/procedure';
import type { AdministrativeUnit, Agency, AgencyKind, Desk, UnitLevel } from '../domain/structure';
import { AdministrativeUnitEntity, AgencyEntity, DeskEntity } from './structure.entity';

export interface UnitFilter {
  level?: UnitLevel;
  parentCode?: string;
  /** Only units valid on that date. */
  asOf?: IsoDate;
}

export interface AgencyFilter {
  unitCode?: string;
  kind?: AgencyKind;
  asOf?: IsoDate;
}

const MAX_LIST = 5000;

/** Units, agencies and desks of the tenant, through the tenant transaction's EntityManager. */
@Injectable()
export class StructureRepository {
  // ---- units ----

  /** Inserts or replaces a unit; true when it was new. */
  async upsertUnit(manager: EntityManager, unit: AdministrativeUnit, now: Date): Promise<boolean> {
    const rows: { created: boolean }[] = await manager.query(
      `INSERT INTO catalogue.administrative_units (tenant_id, code, name, level, parent_code, valid_from, valid_to, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS created`,
      [currentTenant().tenantId, unit.code, unit.name, unit.level, unit.parentCode, unit.validFrom, unit.validTo, now],
    );
    return rows[0].created;
  }

  async findUnit(manager: EntityManager, code: string): Promise<AdministrativeUnit | null> {
    const entity = await manager.findOneBy(AdministrativeUnitEntity, { tenantId: currentTenant().tenantId, code });
    return entity ? unitToDomain(entity) : null;
  }

  async listUnits(manager: EntityManager, filter: UnitFilter): Promise<AdministrativeUnit[]> {
    const query = manager.createQueryBuilder(AdministrativeUnitEntity, 'u').where('u.tenant_id = :tenantId', { tenantId: currentTenant().tenantId });
    if (filter.level) query.andWhere('u.level = :level', { level: filter.level });
    if (filter.parentCode) query.andWhere('u.parent_code = :parentCode', { parentCode: filter.parentCode });
    if (filter.asOf) query.andWhere('u.valid_from <= :asOf AND (u.valid_to IS NULL OR u.valid_to > :asOf)', { asOf: filter.asOf });
    return (await query.orderBy('u.code', 'ASC').limit(MAX_LIST).getMany()).map(unitToDomain);
  }

  /** The codes of a unit and its ancestors, the unit first; empty when it does not exist. */
  async unitLineage(manager: EntityManager, code: string): Promise<string[]> {
    const rows: { code: string }[] = await manager.query(
      `WITH RECURSIVE lineage(code, parent_code, depth) AS (
         SELECT code, parent_code, 0 FROM catalogue.administrative_units WHERE tenant_id = $1 AND code = $2
         UNION ALL
         SELECT u.code, u.parent_code, l.depth + 1 FROM catalogue.administrative_units u
           JOIN lineage l ON u.tenant_id = $1 AND u.code = l.parent_code WHERE l.depth < 10
       ) SELECT code FROM lineage ORDER BY depth`,
      [currentTenant().tenantId, code],
    );
    return rows.map((r) => r.code);
  }

  // ---- agencies ----

  async upsertAgency(manager: EntityManager, agency: Agency, now: Date): Promise<boolean> {
    const rows: { created: boolean }[] = await manager.query(
      `INSERT INTO catalogue.agencies (tenant_id, id, name, kind, unit_code, parent_id, valid_from, valid_to, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, unit_code = EXCLUDED.unit_code,
         parent_id = EXCLUDED.parent_id, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS created`,
      [currentTenant().tenantId, agency.id, agency.name, agency.kind, agency.unitCode, agency.parentId, agency.validFrom, agency.validTo, now],
    );
    return rows[0].created;
  }

  async findAgency(manager: EntityManager, id: string): Promise<Agency | null> {
    const entity = await manager.findOneBy(AgencyEntity, { tenantId: currentTenant().tenantId, id });
    return entity ? agencyToDomain(entity) : null;
  }

  async listAgencies(manager: EntityManager, filter: AgencyFilter): Promise<Agency[]> {
    const query = manager.createQueryBuilder(AgencyEntity, 'a').where('a.tenant_id = :tenantId', { tenantId: currentTenant().tenantId });
    if (filter.unitCode) query.andWhere('a.unit_code = :unitCode', { unitCode: filter.unitCode });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.asOf) query.andWhere('a.valid_from <= :asOf AND (a.valid_to IS NULL OR a.valid_to > :asOf)', { asOf: filter.asOf });
    return (await query.orderBy('a.id', 'ASC').limit(MAX_LIST).getMany()).map(agencyToDomain);
  }

  // ---- desks ----

  async upsertDesk(manager: EntityManager, desk: Desk, now: Date): Promise<boolean> {
    const rows: { created: boolean }[] = await manager.query(
      `INSERT INTO catalogue.desks (tenant_id, id, name, agency_id, unit_codes, procedure_codes, levels, active, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, agency_id = EXCLUDED.agency_id, unit_codes = EXCLUDED.unit_codes,
         procedure_codes = EXCLUDED.procedure_codes, levels = EXCLUDED.levels, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS created`,
      [currentTenant().tenantId, desk.id, desk.name, desk.agencyId, desk.unitCodes, desk.procedureCodes, desk.levels, desk.active, now],
    );
    return rows[0].created;
  }

  async findDesk(manager: EntityManager, id: string): Promise<Desk | null> {
    const entity = await manager.findOneBy(DeskEntity, { tenantId: currentTenant().tenantId, id });
    return entity ? deskToDomain(entity) : null;
  }

  async listDesks(manager: EntityManager, agencyId: string | null): Promise<Desk[]> {
    const entities = await manager.find(DeskEntity, {
      where: { tenantId: currentTenant().tenantId, ...(agencyId ? { agencyId } : {}) },
      order: { id: 'ASC' },
      take: MAX_LIST,
    });
    return entities.map(deskToDomain);
  }

  /** The codes among `codes` that are not units of the tenant. */
  async missingUnits(manager: EntityManager, codes: string[]): Promise<string[]> {
    if (codes.length === 0) return [];
    const rows: { code: string }[] = await manager.query(
      `SELECT c AS code FROM unnest($2::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM catalogue.administrative_units u WHERE u.tenant_id = $1 AND u.code = c)`,
      [currentTenant().tenantId, codes],
    );
    return rows.map((r) => r.code);
  }
}

function unitToDomain(entity: AdministrativeUnitEntity): AdministrativeUnit {
  return { code: entity.code, name: entity.name, level: entity.level as UnitLevel, parentCode: entity.parentCode, validFrom: entity.validFrom, validTo: entity.validTo };
}

function agencyToDomain(entity: AgencyEntity): Agency {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind as AgencyKind,
    unitCode: entity.unitCode,
    parentId: entity.parentId,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
  };
}

function deskToDomain(entity: DeskEntity): Desk {
  return {
    id: entity.id,
    name: entity.name,
    agencyId: entity.agencyId,
    unitCodes: entity.unitCodes,
    procedureCodes: entity.procedureCodes,
    levels: entity.levels as ProcedureLevel[],
    active: entity.active,
  };
}

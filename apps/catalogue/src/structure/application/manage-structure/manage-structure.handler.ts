import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../../procedure/domain/catalogue.errors';
import { ProcedureLevel } from '../../../procedure/domain/procedure';
import { optionalText } from '../../../shared/application/parse';
import { FieldErrors, isIsoDate, isOneOf } from '../../../shared/domain/validation';
import { AdministrativeUnit, Agency, AGENCY_KINDS, AgencyKind, checkAgency, checkDesk, checkUnit, Desk, UNIT_LEVELS, UnitLevel } from '../../domain/structure';
import { StructureEventsPublisher } from '../../events/structure-events.publisher';
import { AgencyFilter, StructureRepository, UnitFilter } from '../../persistence/structure.repository';

type Text = string | null | undefined;

export interface UnitInput {
  code?: Text;
  name?: Text;
  level?: Text;
  parentCode?: Text;
  validFrom?: Text;
  validTo?: Text;
}

export interface AgencyInput {
  id?: Text;
  name?: Text;
  kind?: Text;
  unitCode?: Text;
  parentId?: Text;
  validFrom?: Text;
  validTo?: Text;
}

export interface DeskInput {
  id?: Text;
  name?: Text;
  agencyId?: Text;
  unitCodes?: Text[] | null;
  procedureCodes?: Text[] | null;
  levels?: Text[] | null;
  active?: boolean | null;
}

const texts = (values: Text[] | null | undefined): string[] => (values ?? []).map((v) => v ?? '');

function queryInvalid(errors: FieldErrors): void {
  if (!errors.empty) throw new CatalogueError(CatalogueErrorCode.QueryInvalid, 'The query is invalid', { errors: errors.errors });
}

/**
 * The tenant's administrative structure: units, agencies and desks are registered or replaced
 * whole (upsert) by a tenant admin, each change with its event; anyone allowed to read the
 * catalogue may list them.
 */
@Injectable()
export class ManageStructureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly structure: StructureRepository,
    private readonly events: StructureEventsPublisher,
  ) {}

  async upsertUnit(input: UnitInput | null | undefined, now = new Date()): Promise<AdministrativeUnit> {
    const actor = authorizeCaller('tenant.administer');
    const draft: AdministrativeUnit = {
      code: input?.code ?? '',
      name: input?.name ?? '',
      level: (input?.level ?? '') as UnitLevel,
      parentCode: optionalText(input?.parentCode),
      validFrom: input?.validFrom ?? '',
      validTo: optionalText(input?.validTo),
    };
    return this.runner.run(async (manager) => {
      const parent = draft.parentCode === null ? null : ((await this.structure.findUnit(manager, draft.parentCode)) ?? undefined);
      const unit = checkUnit(draft, parent);
      const created = await this.structure.upsertUnit(manager, unit, now);
      await this.events.unitChanged(manager, unit, { created, actor: actor.subject, now });
      return unit;
    });
  }

  async upsertAgency(input: AgencyInput | null | undefined, now = new Date()): Promise<Agency> {
    const actor = authorizeCaller('tenant.administer');
    const draft: Agency = {
      id: input?.id ?? '',
      name: input?.name ?? '',
      kind: (input?.kind ?? '') as AgencyKind,
      unitCode: input?.unitCode ?? '',
      parentId: optionalText(input?.parentId),
      validFrom: input?.validFrom ?? '',
      validTo: optionalText(input?.validTo),
    };
    return this.runner.run(async (manager) => {
      const unitExists = (await this.structure.findUnit(manager, draft.unitCode)) !== null;
      const parentExists = draft.parentId !== null && (await this.structure.findAgency(manager, draft.parentId)) !== null;
      const agency = checkAgency(draft, { unitExists, parentExists });
      const created = await this.structure.upsertAgency(manager, agency, now);
      await this.events.agencyChanged(manager, agency, { created, actor: actor.subject, now });
      return agency;
    });
  }

  async upsertDesk(input: DeskInput | null | undefined, now = new Date()): Promise<Desk> {
    const actor = authorizeCaller('tenant.administer');
    const draft: Desk = {
      id: input?.id ?? '',
      name: input?.name ?? '',
      agencyId: input?.agencyId ?? '',
      unitCodes: texts(input?.unitCodes),
      procedureCodes: texts(input?.procedureCodes),
      levels: texts(input?.levels) as ProcedureLevel[],
      active: input?.active ?? false,
    };
    return this.runner.run(async (manager) => {
      const agencyExists = (await this.structure.findAgency(manager, draft.agencyId)) !== null;
      const missingUnits = await this.structure.missingUnits(manager, [...new Set(draft.unitCodes)]);
      const desk = checkDesk(draft, { agencyExists, missingUnits });
      const created = await this.structure.upsertDesk(manager, desk, now);
      await this.events.deskChanged(manager, desk, { created, actor: actor.subject, now });
      return desk;
    });
  }

  async listUnits(input: { level?: Text; parentCode?: Text; asOf?: Text }): Promise<AdministrativeUnit[]> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const filter: UnitFilter = {};
    if (input.level) filter.level = errors.check(isOneOf(UNIT_LEVELS, input.level), 'level', 'province, district or commune') ? (input.level as UnitLevel) : undefined;
    if (input.parentCode) filter.parentCode = input.parentCode;
    if (input.asOf) filter.asOf = errors.check(isIsoDate(input.asOf), 'asOf', 'a date YYYY-MM-DD') ? input.asOf : undefined;
    queryInvalid(errors);
    return this.runner.run((manager) => this.structure.listUnits(manager, filter));
  }

  async listAgencies(input: { unitCode?: Text; kind?: Text; asOf?: Text }): Promise<Agency[]> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const filter: AgencyFilter = {};
    if (input.unitCode) filter.unitCode = input.unitCode;
    if (input.kind) filter.kind = errors.check(isOneOf(AGENCY_KINDS, input.kind), 'kind', 'people_committee, department, service_centre or other') ? (input.kind as AgencyKind) : undefined;
    if (input.asOf) filter.asOf = errors.check(isIsoDate(input.asOf), 'asOf', 'a date YYYY-MM-DD') ? input.asOf : undefined;
    queryInvalid(errors);
    return this.runner.run((manager) => this.structure.listAgencies(manager, filter));
  }

  async listDesks(input: { agencyId?: Text }): Promise<Desk[]> {
    authorizeCaller('procedure.read');
    return this.runner.run((manager) => this.structure.listDesks(manager, optionalText(input.agencyId)));
  }
}

import { Injectable } from '@nestjs/common';
import { formatLocalDate, toLocalDate } from '@motcua/calendar';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { FieldErrors } from '../../../shared/domain/validation';
import { isUnitCode, isValidAt } from '../../../structure/domain/structure';
import { StructureRepository } from '../../../structure/persistence/structure.repository';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { ProcedureVersion } from '../../domain/procedure';
import { parsed, parseSelector, ProcedureReader, ProcedureSelector, SelectorInput } from '../procedure-selector';

export interface CompetentAgencyResult {
  version: ProcedureVersion;
  agencyId: string;
  name: string | null;
  unitCode: string | null;
  registered: boolean;
  resolvedBy: 'procedure' | 'unit';
}

/**
 * Which agency decides a dossier of a procedure: the one the version names, or (commune and
 * district levels) the People's Committee of the applicant's unit, valid at the date asked.
 */
@Injectable()
export class ResolveCompetentAgencyHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly reader: ProcedureReader,
    private readonly structure: StructureRepository,
  ) {}

  async execute(input: { procedure?: SelectorInput | null; unitCode?: string | null }, now = new Date()): Promise<CompetentAgencyResult> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const parsedSelector = parseSelector(input.procedure ?? {}, now, errors.nested('procedure'));
    const unitCode = input.unitCode ?? '';
    if (unitCode !== '') errors.check(isUnitCode(unitCode), 'unitCode', 'an official unit code');
    const [selector] = parsed<[ProcedureSelector]>(errors, CatalogueErrorCode.QueryInvalid, parsedSelector);
    return this.runner.run(async (manager) => {
      const version = await this.reader.resolve(manager, selector);
      const date = formatLocalDate(toLocalDate('at' in selector ? selector.at : now));
      const named = version.definition.competentAgencyId;
      if (named !== null) {
        const agency = await this.structure.findAgency(manager, named);
        const registered = agency !== null && isValidAt(agency, date);
        return { version, agencyId: named, name: registered ? agency.name : null, unitCode: registered ? agency.unitCode : null, registered, resolvedBy: 'procedure' as const };
      }
      if (unitCode === '') {
        throw new CatalogueError(CatalogueErrorCode.QueryInvalid, 'The procedure is decided by the applicant’s unit', {
          errors: [{ field: 'unitCode', message: 'required: the procedure names no agency; give the applicant’s unit' }],
        });
      }
      const unit = await this.structure.findUnit(manager, unitCode);
      if (!unit || !isValidAt(unit, date)) throw new CatalogueError(CatalogueErrorCode.UnitNotFound, 'No such unit valid at that date in this tenant', { unitCode, date });
      if (version.definition.level !== null && unit.level !== version.definition.level) {
        throw new CatalogueError(CatalogueErrorCode.QueryInvalid, 'The unit is not at the procedure’s level', {
          errors: [{ field: 'unitCode', message: `a ${version.definition.level}: the procedure is decided at ${version.definition.level} level` }],
        });
      }
      const [agency] = await this.structure.listAgencies(manager, { unitCode, kind: 'people_committee', asOf: date });
      if (!agency) throw new CatalogueError(CatalogueErrorCode.AgencyNotFound, 'The unit has no People’s Committee registered at that date', { unitCode, date });
      return { version, agencyId: agency.id, name: agency.name, unitCode: agency.unitCode, registered: true, resolvedBy: 'unit' as const };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../../procedure/domain/catalogue.errors';
import { ProcedureVersion } from '../../../procedure/domain/procedure';
import { parsed, parseSelector, ProcedureReader, ProcedureSelector, SelectorInput } from '../../../procedure/application/procedure-selector';
import { FieldErrors } from '../../../shared/domain/validation';
import { decideDeskReceive, DeskReceiveDecision, isDeskId, isUnitCode } from '../../domain/structure';
import { StructureRepository } from '../../persistence/structure.repository';

export interface CanDeskReceiveInput {
  deskId?: string | null;
  procedure?: SelectorInput | null;
  unitCode?: string | null;
}

/** Whether a desk may receive a dossier of a procedure (for an applicant of a unit), and why. */
@Injectable()
export class CanDeskReceiveHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly reader: ProcedureReader,
    private readonly structure: StructureRepository,
  ) {}

  async execute(input: CanDeskReceiveInput, now = new Date()): Promise<{ version: ProcedureVersion; decision: DeskReceiveDecision }> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const deskId = input.deskId ?? '';
    errors.check(isDeskId(deskId), 'deskId', 'a desk id');
    const parsedSelector = parseSelector(input.procedure ?? {}, now, errors.nested('procedure'));
    const unitCode = input.unitCode ?? '';
    if (unitCode !== '') errors.check(isUnitCode(unitCode), 'unitCode', 'an official unit code');
    const [selector] = parsed<[ProcedureSelector]>(errors, CatalogueErrorCode.QueryInvalid, parsedSelector);
    return this.runner.run(async (manager) => {
      const desk = await this.structure.findDesk(manager, deskId);
      if (!desk) throw new CatalogueError(CatalogueErrorCode.DeskNotFound, 'No such desk in this tenant', { deskId });
      const version = await this.reader.resolve(manager, selector);
      let lineage: string[] | null = null;
      if (unitCode !== '') {
        lineage = await this.structure.unitLineage(manager, unitCode);
        if (lineage.length === 0) throw new CatalogueError(CatalogueErrorCode.UnitNotFound, 'No such unit in this tenant', { unitCode });
      }
      const d = version.definition;
      return { version, decision: decideDeskReceive(desk, { code: version.code, level: d.level, locationIndependent: d.locationIndependent }, lineage) };
    });
  }
}

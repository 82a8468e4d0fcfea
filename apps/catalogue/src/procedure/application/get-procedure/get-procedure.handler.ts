import { Injectable } from '@nestjs/common';
import { authorizeCaller, authorizePublicRead } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { FieldErrors } from '../../../shared/domain/validation';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { ProcedureVersion } from '../../domain/procedure';
import { ProcedureKey, ProcedureRepository } from '../../persistence/procedure.repository';
import { parsed, parseProcedureKey, parseSelector, ProcedureReader, ProcedureSelector, SelectorInput } from '../procedure-selector';

/** Reads of a procedure: the version in force now or at a date, an exact version, or every version. */
@Injectable()
export class GetProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly reader: ProcedureReader,
    private readonly procedures: ProcedureRepository,
  ) {}

  async execute(input: SelectorInput, now = new Date()): Promise<ProcedureVersion> {
    authorizePublicRead('procedure.read');
    const errors = new FieldErrors();
    const [selector] = parsed<[ProcedureSelector]>(errors, CatalogueErrorCode.QueryInvalid, parseSelector(input, now, errors));
    return this.runner.run((manager) => this.reader.resolve(manager, selector));
  }

  async versions(input: { id?: string | null; code?: string | null }): Promise<ProcedureVersion[]> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const [key] = parsed<[ProcedureKey]>(errors, CatalogueErrorCode.QueryInvalid, parseProcedureKey(input, errors));
    const versions = await this.runner.run((manager) => this.procedures.listVersions(manager, key));
    if (versions.length === 0) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure in this tenant', { ...key });
    return versions;
  }
}

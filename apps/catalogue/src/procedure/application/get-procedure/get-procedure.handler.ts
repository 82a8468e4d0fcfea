import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { Procedure } from '../../domain/procedure';
import { ProcedureRepository } from '../../persistence/procedure.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class GetProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
  ) {}

  async execute(key: { id?: string | null; code?: string | null }): Promise<Procedure> {
    authorizeCaller('procedure.read');
    const lookup = key.id ? (UUID.test(key.id) ? { id: key.id } : null) : key.code ? { code: key.code } : null;
    if (!lookup) {
      throw new CatalogueError(CatalogueErrorCode.InvalidProcedure, 'Give a procedure id (uuid) or code', {
        errors: [{ field: key.id ? 'id' : 'code', message: key.id ? 'must be a uuid' : 'required' }],
      });
    }
    const procedure = await this.runner.run((manager) => this.procedures.findBy(manager, lookup));
    if (!procedure) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure in this tenant', lookup);
    return procedure;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { amendProcedure, ProcedureVersion } from '../../domain/procedure';
import { ProcedureEventsPublisher } from '../../events/procedure-events.publisher';
import { ProcedureRepository } from '../../persistence/procedure.repository';
import { AmendProcedureCommand, AmendProcedureInput } from './amend-procedure.command';

/**
 * Publishes the next version of a procedure. The procedure is locked for the transaction, the
 * previous version gets its end (the only change a version ever gets), the new version and
 * `procedure.amended` commit together.
 */
@Injectable()
export class AmendProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
    private readonly events: ProcedureEventsPublisher,
  ) {}

  async execute(input: AmendProcedureInput, now = new Date()): Promise<ProcedureVersion> {
    const actor = authorizeCaller('procedure.manage');
    // Authorised first: a caller who may not publish learns nothing about the input.
    const command = AmendProcedureCommand.create(input, now);
    return this.runner.run(async (manager) => {
      const latest = await this.procedures.lockLatest(manager, command.key);
      if (!latest) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure in this tenant', { ...command.key });
      const { ended, created } = amendProcedure(latest, { versionId: randomUUID(), definition: command.definition, publication: command.publication, now, actor: actor.subject });
      if (ended) await this.procedures.endVersion(manager, ended);
      await this.procedures.insertVersion(manager, created);
      await this.events.amended(manager, created, ended);
      return created;
    });
  }
}

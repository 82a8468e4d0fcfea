import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { endVersion, ProcedureVersion, withdrawProcedure } from '../../domain/procedure';
import { ProcedureEventsPublisher } from '../../events/procedure-events.publisher';
import { ProcedureRepository } from '../../persistence/procedure.repository';
import { WithdrawProcedureCommand, WithdrawProcedureInput } from './withdraw-procedure.command';

/** Ends the current version of a procedure: nothing of it is in force afterwards (`procedure.withdrawn`). */
@Injectable()
export class WithdrawProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
    private readonly events: ProcedureEventsPublisher,
  ) {}

  /** Returns the ended version. */
  async execute(input: WithdrawProcedureInput, now = new Date()): Promise<ProcedureVersion> {
    const actor = authorizeCaller('procedure.manage');
    // Authorised first: a caller who may not publish learns nothing about the input.
    const command = WithdrawProcedureCommand.create(input, now);
    return this.runner.run(async (manager) => {
      const latest = await this.procedures.lockLatest(manager, command.key);
      if (!latest) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure in this tenant', { ...command.key });
      const end = withdrawProcedure(latest, { effectiveTo: command.effectiveTo, decision: command.decision, now });
      await this.procedures.endVersion(manager, end);
      await this.events.withdrawn(manager, latest, end, actor.subject, now);
      return endVersion(latest, end);
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { ProcedureVersion, publishProcedure } from '../../domain/procedure';
import { ProcedureEventsPublisher } from '../../events/procedure-events.publisher';
import { DuplicateProcedureError, ProcedureRepository } from '../../persistence/procedure.repository';
import { CreateProcedureCommand, CreateProcedureInput } from './create-procedure.command';

/** Publishes version 1 of a procedure in the caller's tenant: the rows and `procedure.published` commit together. */
@Injectable()
export class CreateProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
    private readonly events: ProcedureEventsPublisher,
  ) {}

  async execute(input: CreateProcedureInput, now = new Date()): Promise<ProcedureVersion> {
    const actor = authorizeCaller('procedure.manage');
    // Authorised first: a caller who may not publish learns nothing about the input.
    const command = CreateProcedureCommand.create(input, now);
    const version = publishProcedure({
      procedureId: randomUUID(),
      versionId: randomUUID(),
      code: command.code,
      definition: command.definition,
      publication: command.publication,
      now,
      actor: actor.subject,
    });
    return this.runner.run(async (manager) => {
      try {
        await this.procedures.insertProcedure(manager, version);
      } catch (error) {
        if (error instanceof DuplicateProcedureError) {
          throw new CatalogueError(CatalogueErrorCode.ProcedureExists, 'A procedure with this code already exists', { code: version.code }, { cause: error });
        }
        throw error;
      }
      await this.events.published(manager, version);
      return version;
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { ProcedurePublishedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../domain/catalogue.errors';
import { createProcedure, Procedure } from '../../domain/procedure';
import { DuplicateProcedureError, ProcedureRepository } from '../../persistence/procedure.repository';
import { CreateProcedureCommand } from './create-procedure.command';

/** Publishes version 1 of a procedure in the caller's tenant: the row and `procedure.published` commit together. */
@Injectable()
export class CreateProcedureHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(command: CreateProcedureCommand): Promise<Procedure> {
    authorizeCaller('procedure.manage');
    const procedure = createProcedure(randomUUID(), command.draft, new Date());
    return this.runner.run(async (manager) => {
      try {
        await this.procedures.insert(manager, procedure);
      } catch (error) {
        if (error instanceof DuplicateProcedureError) {
          throw new CatalogueError(CatalogueErrorCode.ProcedureExists, 'A procedure with this code already exists', { code: procedure.code });
        }
        throw error;
      }
      await this.outbox.append(manager, {
        type: ProcedurePublishedV1.type,
        subject: procedure.id,
        data: {
          procedureId: procedure.id,
          code: procedure.code,
          name: procedure.name,
          processingDays: procedure.processingDays,
          version: procedure.version,
          agencyId: procedure.agencyId,
          components: procedure.components.map(({ code, mandatory }) => ({ code, mandatory })),
        },
      });
      return procedure;
    });
  }
}

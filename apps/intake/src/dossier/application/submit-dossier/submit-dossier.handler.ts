import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { DossierSubmittedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { checkComponents, Dossier, newDossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { applicantPseudonym } from '../../domain/pseudonym';
import { DossierRepository } from '../../persistence/dossier.repository';
import { ProcedureCatalogue } from '../procedure-catalogue.port';
import { SubmitDossierCommand } from './submit-dossier.command';

export const PSEUDONYM_KEY = Symbol('PSEUDONYM_KEY');

/**
 * Checks the dossier against its procedure (catalogue over gRPC, outside the transaction),
 * then stores the dossier, its applicant and `dossier.submitted` in one transaction.
 */
@Injectable()
export class SubmitDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly catalogue: ProcedureCatalogue,
    private readonly dossiers: DossierRepository,
    private readonly outbox: OutboxWriter,
    @Inject(PSEUDONYM_KEY) private readonly pseudonymKey: string,
  ) {}

  async execute(command: SubmitDossierCommand): Promise<Dossier> {
    const context = currentTenant();
    const subject = authorizeCaller('dossier.submit', { ownerSubject: context.actor?.subject });
    const { submission } = command;
    const procedure = await this.catalogue.find(submission.procedureId);
    if (!procedure) {
      throw new IntakeError(IntakeErrorCode.ProcedureNotFound, 'The procedure does not exist in this province', {
        errors: [{ field: 'procedureId', message: 'unknown procedure' }],
      });
    }
    checkComponents(submission, procedure);
    const dossier = newDossier(randomUUID(), submission, procedure, subject.subject, new Date());
    const pseudonym = applicantPseudonym(this.pseudonymKey, context.tenantId, submission.applicant.citizenId);
    await this.runner.run(async (manager) => {
      await this.dossiers.insert(manager, dossier, submission.applicant, pseudonym);
      await this.outbox.append(manager, {
        type: DossierSubmittedV1.type,
        subject: dossier.id,
        data: {
          dossierId: dossier.id,
          procedureId: dossier.procedureId,
          procedureCode: dossier.procedureCode,
          agencyId: dossier.agencyId,
          channel: dossier.channel,
          applicantPseudonym: pseudonym,
          submittedAt: dossier.submittedAt.toISOString(),
        },
      });
    });
    return dossier;
  }
}

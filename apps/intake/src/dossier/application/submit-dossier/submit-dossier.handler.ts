import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AccessSubject, authorizeCaller } from '@motcua/auth';
import { DossierSubmittedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { applicantIdentifier, checkComponents, Dossier, newDossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { applicantPseudonym } from '../../domain/pseudonym';
import { DossierRepository, DuplicateSubmissionKeyError } from '../../persistence/dossier.repository';
import { officerDesk } from '../desk';
import { Clock } from '../clock';
import { ProcedureCatalogue } from '../procedure-catalogue.port';
import { SubmitDossierCommand } from './submit-dossier.command';

export const PSEUDONYM_KEY = Symbol('PSEUDONYM_KEY');

/**
 * Checks the dossier against the procedure version in force (catalogue over gRPC, outside the
 * transaction), then stores the dossier, its applicant, the action and `dossier.submitted` in
 * one transaction. With an idempotency key, a retry returns the first dossier: the key's row
 * is unique per (tenant, submitter, key), so a concurrent retry fails on it, rolls back its
 * own dossier and reads the winner's.
 */
@Injectable()
export class SubmitDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly catalogue: ProcedureCatalogue,
    private readonly dossiers: DossierRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(PSEUDONYM_KEY) private readonly pseudonymKey: string,
  ) {}

  async execute(command: SubmitDossierCommand): Promise<Dossier> {
    const context = currentTenant();
    const { mode, submission } = command;
    let actor: AccessSubject;
    let owner: string;
    let desk: { deskId: string; agencyId: string } | null = null;
    if (mode.by === 'applicant') {
      actor = authorizeCaller('dossier.submit', { ownerSubject: context.actor?.subject });
      owner = actor.subject;
    } else {
      actor = authorizeCaller('dossier.receive', { agencyId: context.actor?.agencyId });
      desk = officerDesk(actor, mode.deskId);
      owner = mode.applicantSubject || `desk:${actor.subject}`;
    }
    if (command.idempotencyKey) {
      const earlier = await this.replay(actor.subject, command);
      if (earlier) return earlier;
    }
    const procedure = await this.catalogue.find(submission.procedureId);
    if (!procedure) {
      throw new IntakeError(IntakeErrorCode.ProcedureNotFound, 'The procedure does not exist in this province', {
        errors: [{ field: 'procedureId', message: 'unknown procedure' }],
      });
    }
    checkComponents(submission, procedure);
    const competent = procedure.agencyId || (await this.catalogue.competentAgency(procedure.versionId, submission.applicant.unitCode)).agencyId;
    if (!competent) {
      throw new IntakeError(IntakeErrorCode.AgencyUnresolved, 'The competent agency depends on the applicant’s administrative unit', {
        errors: [{ field: 'applicant.unitCode', message: 'required for this procedure' }],
      });
    }
    const now = this.clock.now();
    const dossier = newDossier({
      id: randomUUID(),
      submission,
      procedure,
      competentAgencyId: competent,
      intakeAgencyId: desk?.agencyId ?? competent,
      submissionDeskId: desk?.deskId ?? null,
      submittedBy: owner,
      now,
    });
    const pseudonym = applicantPseudonym(this.pseudonymKey, context.tenantId, applicantIdentifier(submission.applicant));
    try {
      await this.runner.run(async (manager) => {
        await this.dossiers.insertSubmission(manager, {
          dossier,
          applicant: submission.applicant,
          applicantPseudonym: pseudonym,
          submissionKey: command.idempotencyKey
            ? { submitter: actor.subject, idempotencyKey: command.idempotencyKey, fingerprint: command.fingerprint, createdAt: now }
            : undefined,
          action: {
            action: 'submitted',
            actorSubject: actor.subject,
            deskId: desk?.deskId ?? null,
            at: now,
            details: { channel: dossier.channel, procedureVersionId: dossier.procedureVersionId, components: dossier.components.map((c) => c.componentCode) },
          },
        });
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
    } catch (error) {
      if (error instanceof DuplicateSubmissionKeyError) {
        const winner = await this.replay(actor.subject, command);
        if (winner) return winner;
      }
      throw error;
    }
    return dossier;
  }

  /** The dossier an earlier request with the same key created; refused when the key came with another request. */
  private async replay(submitter: string, command: SubmitDossierCommand): Promise<Dossier | null> {
    const key = command.idempotencyKey ?? '';
    return this.runner.run(async (manager) => {
      const earlier = await this.dossiers.findSubmissionKey(manager, submitter, key);
      if (!earlier) return null;
      if (earlier.fingerprint !== command.fingerprint) {
        throw new IntakeError(IntakeErrorCode.IdempotencyKeyReused, 'This idempotency key was used for a different submission', { idempotencyKey: key });
      }
      return this.dossiers.findById(manager, earlier.dossierId);
    });
  }
}

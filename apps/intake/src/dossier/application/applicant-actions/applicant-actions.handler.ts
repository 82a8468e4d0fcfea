import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { DossierResubmittedV1, DossierWithdrawnV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { assertAllowed, Dossier, resubmit, SubmittedComponent, withdraw } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';
import { Clock } from '../clock';
import { ProcedureCatalogue } from '../procedure-catalogue.port';

/**
 * What the applicant does to an own dossier: complete it after the supplement request (the
 * same dossier, checked against the version it keeps), or withdraw it before a result.
 */
@Injectable()
export class ApplicantActionsHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly catalogue: ProcedureCatalogue,
    private readonly dossiers: DossierRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async resubmit(dossierId: string, components: SubmittedComponent[]): Promise<Dossier> {
    const before = await this.load(dossierId);
    const applicant = authorizeCaller('dossier.submit', { ownerSubject: before.submittedBy });
    assertAllowed(before, 'resubmit');
    const procedure = await this.catalogue.findVersion(before.procedureVersionId ?? '');
    if (!procedure) throw new IntakeError(IntakeErrorCode.ProcedureNotFound, 'The procedure version of the dossier is gone', { id: before.procedureVersionId });
    const at = this.clock.now();
    return this.runner.run(async (manager) => {
      const dossier = await this.lock(manager, dossierId);
      const changed = resubmit(dossier, components, procedure, at);
      await this.dossiers.save(manager, changed);
      await this.dossiers.appendAction(manager, {
        dossierId,
        action: 'resubmitted',
        actorSubject: applicant.subject,
        deskId: null,
        at,
        details: { components: changed.components.map((c) => c.componentCode) },
      });
      await this.outbox.append(manager, {
        type: DossierResubmittedV1.type,
        subject: dossierId,
        data: { dossierId, agencyId: changed.intakeAgencyId, resubmittedAt: at.toISOString() },
      });
      return changed;
    });
  }

  async withdraw(dossierId: string, reason: string): Promise<Dossier> {
    const before = await this.load(dossierId);
    const applicant = authorizeCaller('dossier.withdraw', { ownerSubject: before.submittedBy });
    if (reason.length > 500) throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The reason is too long', { errors: [{ field: 'reason', message: 'at most 500 characters' }] });
    const at = this.clock.now();
    return this.runner.run(async (manager) => {
      const dossier = await this.lock(manager, dossierId);
      const changed = withdraw(dossier, at);
      await this.dossiers.save(manager, changed);
      await this.dossiers.appendAction(manager, { dossierId, action: 'withdrawn', actorSubject: applicant.subject, deskId: null, at, details: { previousStatus: dossier.status, reason } });
      await this.outbox.append(manager, {
        type: DossierWithdrawnV1.type,
        subject: dossierId,
        data: { dossierId, agencyId: changed.agencyId, previousStatus: dossier.status, withdrawnAt: at.toISOString() },
      });
      return changed;
    });
  }

  private async load(dossierId: string): Promise<Dossier> {
    const dossier = await this.runner.run((manager) => this.dossiers.findById(manager, dossierId));
    if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id: dossierId });
    return dossier;
  }

  private async lock(manager: Parameters<DossierRepository['findById']>[0], dossierId: string): Promise<Dossier> {
    const dossier = await this.dossiers.findById(manager, dossierId, { lock: true });
    if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id: dossierId });
    return dossier;
  }
}

import { Injectable } from '@nestjs/common';
import { AuthError, authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { Dossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierActionRecord, DossierRepository } from '../../persistence/dossier.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller may read the dossier as its applicant, as staff of the competent agency, or as
 * an officer of the desk that took it in (location-independent intake: another agency).
 */
export function authorizeRead(dossier: Dossier): void {
  const deskId = dossier.receivingDeskId ?? dossier.submissionDeskId ?? undefined;
  try {
    authorizeCaller('dossier.read', { agencyId: dossier.agencyId, ownerSubject: dossier.submittedBy, deskId });
  } catch (error) {
    if (!(error instanceof AuthError) || dossier.intakeAgencyId === dossier.agencyId) throw error;
    authorizeCaller('dossier.read', { agencyId: dossier.intakeAgencyId, ownerSubject: dossier.submittedBy, deskId });
  }
}

/** A dossier as its applicant, or staff of its agency, may see it. */
@Injectable()
export class GetDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
  ) {}

  async execute(id: string): Promise<Dossier> {
    const dossier = UUID.test(id) ? await this.runner.run((manager) => this.dossiers.findById(manager, id)) : null;
    if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id });
    authorizeRead(dossier);
    return dossier;
  }

  /** Who did what and when at intake (the append-only log). */
  async actions(id: string): Promise<DossierActionRecord[]> {
    const dossier = await this.execute(id);
    return this.runner.run((manager) => this.dossiers.listActions(manager, dossier.id));
  }
}

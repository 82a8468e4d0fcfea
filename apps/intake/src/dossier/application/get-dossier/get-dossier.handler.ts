import { Injectable } from '@nestjs/common';
import { AuthError, authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { EntityManager } from 'typeorm';
import { Dossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { PersonalDataRead } from '../../domain/personal-data-access';
import { DossierActionRecord, DossierRepository } from '../../persistence/dossier.repository';
import { PersonalDataAccessLog } from '../personal-data-access/personal-data-access.log';

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

/**
 * A dossier as its applicant, or staff of its agency, may see it. A read by anyone but the
 * applicant is recorded in the personal-data access log, in the same transaction.
 */
@Injectable()
export class GetDossierHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly dossiers: DossierRepository,
    private readonly accessLog: PersonalDataAccessLog,
  ) {}

  /** `read`: the RPC the answer goes out through, as the access log names it. */
  async execute(id: string, read: PersonalDataRead): Promise<Dossier> {
    return this.runner.run((manager) => this.readAuthorized(manager, id, read));
  }

  /** Who did what and when at intake (the append-only log). */
  async actions(id: string): Promise<DossierActionRecord[]> {
    return this.runner.run(async (manager) => {
      const dossier = await this.readAuthorized(manager, id, 'ListDossierActions');
      return this.dossiers.listActions(manager, dossier.id);
    });
  }

  private async readAuthorized(manager: EntityManager, id: string, read: PersonalDataRead): Promise<Dossier> {
    const dossier = UUID.test(id) ? await this.dossiers.findById(manager, id) : null;
    if (!dossier) throw new IntakeError(IntakeErrorCode.DossierNotFound, 'No such dossier', { id });
    authorizeRead(dossier);
    await this.accessLog.recordRead(manager, { read, dataSubject: dossier.submittedBy, dossierId: dossier.id });
    return dossier;
  }
}

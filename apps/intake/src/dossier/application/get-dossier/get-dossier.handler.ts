import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { Dossier } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';
import { DossierRepository } from '../../persistence/dossier.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    authorizeCaller('dossier.read', { agencyId: dossier.agencyId, ownerSubject: dossier.submittedBy });
    return dossier;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { Applicant, Channel, Dossier, DossierStatus } from '../domain/dossier';
import { ApplicantEntity, DossierEntity } from './dossier.entity';

/** Queries only; always through the tenant transaction's manager (row-level security applies). */
@Injectable()
export class DossierRepository {
  async insert(manager: EntityManager, dossier: Dossier, applicant: Applicant, applicantPseudonym: string): Promise<void> {
    const { tenantId } = currentTenant();
    await manager.insert(DossierEntity, { ...dossier, tenantId, applicantPseudonym });
    await manager.insert(ApplicantEntity, { tenantId, dossierId: dossier.id, fullName: applicant.fullName, citizenId: applicant.citizenId });
  }

  async findById(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<Dossier | null> {
    const entity = await manager.findOne(DossierEntity, {
      where: { tenantId: currentTenant().tenantId, id },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    return entity ? toDomain(entity) : null;
  }

  async updateStatus(manager: EntityManager, dossier: Dossier): Promise<void> {
    await manager.update(DossierEntity, { tenantId: currentTenant().tenantId, id: dossier.id }, { status: dossier.status, updatedAt: dossier.updatedAt });
  }
}

function toDomain(entity: DossierEntity): Dossier {
  return {
    id: entity.id,
    procedureId: entity.procedureId,
    procedureCode: entity.procedureCode,
    agencyId: entity.agencyId,
    submittedBy: entity.submittedBy,
    status: entity.status as DossierStatus,
    channel: entity.channel as Channel,
    components: entity.components,
    submittedAt: entity.submittedAt,
    updatedAt: entity.updatedAt,
  };
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { Procedure } from '../domain/procedure';
import { ProcedureEntity } from './procedure.entity';

const UNIQUE_VIOLATION = '23505';

export class DuplicateProcedureError extends Error {
  constructor(options: { cause: unknown }) {
    super('A procedure with this code already exists in the tenant', options);
    this.name = 'DuplicateProcedureError';
  }
}

@Injectable()
export class ProcedureRepository {
  async insert(manager: EntityManager, procedure: Procedure): Promise<void> {
    try {
      await manager.insert(ProcedureEntity, { ...procedure, tenantId: currentTenant().tenantId });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION) {
        throw new DuplicateProcedureError({ cause: error });
      }
      throw error;
    }
  }

  async findBy(manager: EntityManager, key: { id: string } | { code: string }): Promise<Procedure | null> {
    const entity = await manager.findOneBy(ProcedureEntity, { tenantId: currentTenant().tenantId, ...key });
    return entity ? toDomain(entity) : null;
  }
}

function toDomain(entity: ProcedureEntity): Procedure {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    processingDays: entity.processingDays,
    agencyId: entity.agencyId,
    components: entity.components,
    version: entity.version,
    createdAt: entity.createdAt,
  };
}

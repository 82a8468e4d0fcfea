import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { Tenant } from '../domain/tenant';
import { TenantEntity } from './tenant.entity';

const UNIQUE_VIOLATION = '23505';

export class DuplicateTenantError extends Error {
  constructor(readonly constraint: string | undefined, options: { cause: unknown }) {
    super(`Tenant already registered (${constraint ?? 'unique key'})`, options);
    this.name = 'DuplicateTenantError';
  }
}

@Injectable()
export class TenantRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, tenant: Tenant): Promise<void> {
    try {
      await manager.insert(TenantEntity, toEntity(tenant));
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code === UNIQUE_VIOLATION) throw new DuplicateTenantError(driverError.constraint, { cause: error });
      throw error;
    }
  }

  async findById(id: string): Promise<Tenant | null> {
    const entity = await this.dataSource.manager.findOneBy(TenantEntity, { id });
    return entity ? toDomain(entity) : null;
  }

  /** At most `limit` tenants in id order, starting after `afterId` (keyset on the primary key). */
  async listAfter(afterId: string | undefined, limit: number): Promise<Tenant[]> {
    const entities = await this.dataSource.manager.find(TenantEntity, {
      where: afterId === undefined ? {} : { id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    return entities.map(toDomain);
  }
}

function toEntity(tenant: Tenant): TenantEntity {
  return Object.assign(new TenantEntity(), tenant);
}

function toDomain(entity: TenantEntity): Tenant {
  return { id: entity.id, officialCode: entity.officialCode, name: entity.name, status: 'active', onboardedAt: entity.onboardedAt };
}

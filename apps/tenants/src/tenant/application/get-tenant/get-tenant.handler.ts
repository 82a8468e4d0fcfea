import { Injectable } from '@nestjs/common';
import { isTenantId } from '@motcua/tenancy';
import { Tenant } from '../../domain/tenant';
import { TenantsError, TenantsErrorCode } from '../../domain/tenants.errors';
import { TenantRepository } from '../../persistence/tenant.repository';

@Injectable()
export class GetTenantHandler {
  constructor(private readonly tenants: TenantRepository) {}

  async execute(id: string): Promise<Tenant> {
    const tenant = isTenantId(id) ? await this.tenants.findById(id) : null;
    if (!tenant) throw new TenantsError(TenantsErrorCode.TenantNotFound, 'No such tenant', { id });
    return tenant;
  }
}

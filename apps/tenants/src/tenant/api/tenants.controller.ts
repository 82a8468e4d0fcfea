import { Controller } from '@nestjs/common';
import { TenantsV1 } from '@motcua/contracts';
import { TenantFree } from '@motcua/rpc';
import { GetTenantHandler } from '../application/get-tenant/get-tenant.handler';
import { OnboardTenantCommand } from '../application/onboard-tenant/onboard-tenant.command';
import { OnboardTenantHandler } from '../application/onboard-tenant/onboard-tenant.handler';
import { Tenant } from '../domain/tenant';

/** The registry answers before any tenant exists: its methods need no tenant in the call. */
@Controller()
@TenantsV1.TenantServiceControllerMethods()
@TenantFree()
export class TenantsController implements TenantsV1.TenantServiceController {
  constructor(
    private readonly onboardHandler: OnboardTenantHandler,
    private readonly getHandler: GetTenantHandler,
  ) {}

  async onboardTenant(request: TenantsV1.OnboardTenantRequest): Promise<TenantsV1.Tenant> {
    return toProto(await this.onboardHandler.execute(OnboardTenantCommand.create(request)));
  }

  async getTenant(request: TenantsV1.GetTenantRequest): Promise<TenantsV1.Tenant> {
    return toProto(await this.getHandler.execute(request.id ?? ''));
  }

  async listTenants(): Promise<TenantsV1.ListTenantsResponse> {
    return { tenants: (await this.getHandler.list()).map(toProto) };
  }
}

function toProto(tenant: Tenant): TenantsV1.Tenant {
  return { id: tenant.id, officialCode: tenant.officialCode, name: tenant.name, status: tenant.status, onboardedAt: tenant.onboardedAt.toISOString() };
}

import { Controller } from '@nestjs/common';
import { TenantsV1 } from '@motcua/contracts';
import { TenantFree } from '@motcua/rpc';
import { auditPageToProto } from '../../audit/api/audit-page.mapper';
import { ListAuditEntriesHandler } from '../../audit/application/list-audit-entries/list-audit-entries.handler';
import { ListAuditEntriesQuery } from '../../audit/application/list-audit-entries/list-audit-entries.query';
import { GetTenantHandler } from '../application/get-tenant/get-tenant.handler';
import { ListTenantsHandler } from '../application/list-tenants/list-tenants.handler';
import { ListTenantsQuery } from '../application/list-tenants/list-tenants.query';
import { OnboardTenantCommand } from '../application/onboard-tenant/onboard-tenant.command';
import { OnboardTenantHandler } from '../application/onboard-tenant/onboard-tenant.handler';
import { Tenant } from '../domain/tenant';

/**
 * The registry answers before any tenant exists: its methods need no tenant in the call. The
 * audit log is the calling tenant's own: that method needs one.
 */
@Controller()
@TenantsV1.TenantServiceControllerMethods()
export class TenantsController implements TenantsV1.TenantServiceController {
  constructor(
    private readonly onboardHandler: OnboardTenantHandler,
    private readonly getHandler: GetTenantHandler,
    private readonly listHandler: ListTenantsHandler,
    private readonly listAuditHandler: ListAuditEntriesHandler,
  ) {}

  @TenantFree()
  async onboardTenant(request: TenantsV1.OnboardTenantRequest): Promise<TenantsV1.Tenant> {
    return toProto(await this.onboardHandler.execute(OnboardTenantCommand.create(request)));
  }

  @TenantFree()
  async getTenant(request: TenantsV1.GetTenantRequest): Promise<TenantsV1.Tenant> {
    return toProto(await this.getHandler.execute(request.id ?? ''));
  }

  @TenantFree()
  async listTenants(request: TenantsV1.ListTenantsRequest): Promise<TenantsV1.ListTenantsResponse> {
    const page = await this.listHandler.execute(ListTenantsQuery.create(request));
    return { tenants: page.tenants.map(toProto), nextPageToken: page.nextPageToken };
  }

  async listAuditEntries(request: TenantsV1.ListAuditEntriesRequest): Promise<TenantsV1.ListAuditEntriesResponse> {
    return auditPageToProto(await this.listAuditHandler.execute(ListAuditEntriesQuery.create(request)));
  }
}

function toProto(tenant: Tenant): TenantsV1.Tenant {
  return { id: tenant.id, officialCode: tenant.officialCode, name: tenant.name, status: tenant.status, onboardedAt: tenant.onboardedAt.toISOString() };
}

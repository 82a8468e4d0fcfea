import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { ListAuditEntriesHandler } from './audit/application/list-audit-entries/list-audit-entries.handler';
import { RecordAuditEntryHandler } from './audit/application/record-audit-entry/record-audit-entry.handler';
import { AuditRecordedConsumer } from './audit/events/audit-recorded.consumer';
import { AuditLogRepository } from './audit/persistence/audit-log.repository';
import { TenantsConfig } from './config/tenants.config';
import { TenantsController } from './tenant/api/tenants.controller';
import { GetTenantHandler } from './tenant/application/get-tenant/get-tenant.handler';
import { ListTenantsHandler } from './tenant/application/list-tenants/list-tenants.handler';
import { OnboardTenantHandler } from './tenant/application/onboard-tenant/onboard-tenant.handler';
import { TenantEntity } from './tenant/persistence/tenant.entity';
import { TenantRepository } from './tenant/persistence/tenant.repository';

export const TENANTS_ENTITIES = [TenantEntity];

@Module({})
export class TenantsModule {
  static forConfig(config: TenantsConfig): DynamicModule {
    return {
      module: TenantsModule,
      imports: dataServiceImports('tenants', config, TENANTS_ENTITIES),
      controllers: [TenantsController],
      providers: [
        TenantRepository,
        OnboardTenantHandler,
        GetTenantHandler,
        ListTenantsHandler,
        AuditLogRepository,
        ListAuditEntriesHandler,
        RecordAuditEntryHandler,
        AuditRecordedConsumer,
      ],
    };
  }
}

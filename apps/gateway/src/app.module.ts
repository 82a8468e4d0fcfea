import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { TokenVerifier } from '@motcua/auth';
import { PlatformModule } from '@motcua/platform';
import { RequestContextInterceptor } from './access/request-context.interceptor';
import { TenantDirectory } from './access/tenant-directory';
import { ServiceClients } from './clients/service-clients';
import { GATEWAY_CONFIG, GatewayConfig } from './config/gateway.config';
import { requestGuardProviders } from './guards/request-guards';
import { GatewayHealthModule } from './health/health.module';
import { ProblemFilter } from './http/problem.filter';
import { OpenApiModule } from './openapi/openapi.module';
import { AuditController } from './routes/audit.controller';
import { CatalogueAdminController } from './routes/catalogue-admin.controller';
import { DeskController, DocumentsController, DossiersController, TrackingController } from './routes/dossiers.controller';
import { CatalogueImportsController, ProceduresController } from './routes/procedures.controller';
import { ResultsController } from './routes/results.controller';
import { StatisticsController } from './routes/statistics.controller';
import { TenantsController } from './routes/tenants.controller';
import { WalletController } from './routes/wallet.controller';
import { WorkflowController } from './routes/workflow.controller';

@Module({})
export class GatewayModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    const clients = new ServiceClients(config);
    return {
      module: GatewayModule,
      imports: [PlatformModule.forService({ service: 'gateway', logLevel: config.LOG_LEVEL }), GatewayHealthModule.forConfig(config), OpenApiModule],
      controllers: [
        TenantsController,
        ProceduresController,
        CatalogueImportsController,
        CatalogueAdminController,
        DossiersController,
        DeskController,
        DocumentsController,
        TrackingController, StatisticsController, AuditController, ResultsController, WorkflowController, WalletController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        { provide: ServiceClients, useValue: clients },
        { provide: TokenVerifier, useValue: new TokenVerifier(config.AUTH_ISSUERS) },
        { provide: TenantDirectory, useValue: new TenantDirectory(clients, config.TENANT_CACHE_TTL_MS) },
        { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
        // Rate limits, idempotency and audit: after the request context (they key on the caller).
        ...requestGuardProviders(config),
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}

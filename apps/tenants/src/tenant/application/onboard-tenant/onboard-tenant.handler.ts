import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantOnboardedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { newTraceId, runInTenant, tryCurrentTenant } from '@motcua/tenancy';
import { onboard, Tenant } from '../../domain/tenant';
import { TenantsError, TenantsErrorCode } from '../../domain/tenants.errors';
import { DuplicateTenantError, TenantRepository } from '../../persistence/tenant.repository';
import { OnboardTenantCommand } from './onboard-tenant.command';

/**
 * Registers a province. The registry row and the `tenant.onboarded` event commit together,
 * in the new tenant's context (the event belongs to it). Every service keys its rows by
 * tenant id, so the tenant is usable as soon as this returns: no restart, no per-tenant set-up.
 */
@Injectable()
export class OnboardTenantHandler {
  private readonly runner: TenantTransactionRunner;

  constructor(
    dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly outbox: OutboxWriter,
  ) {
    this.runner = new TenantTransactionRunner(dataSource);
  }

  async execute(command: OnboardTenantCommand): Promise<Tenant> {
    const tenant = onboard(command.proposal, new Date());
    const caller = tryCurrentTenant();
    return runInTenant({ tenantId: tenant.id, traceId: caller?.traceId ?? newTraceId(), actor: caller?.actor }, () =>
      this.runner.run(async (manager) => {
        try {
          await this.tenants.insert(manager, tenant);
        } catch (error) {
          if (error instanceof DuplicateTenantError) {
            throw new TenantsError(TenantsErrorCode.TenantExists, 'A tenant with this id or official code already exists', {
              id: tenant.id,
              officialCode: tenant.officialCode,
            });
          }
          throw error;
        }
        await this.outbox.append(manager, {
          type: TenantOnboardedV1.type,
          subject: tenant.id,
          data: { tenantId: tenant.id, officialCode: tenant.officialCode, name: tenant.name, onboardedAt: tenant.onboardedAt.toISOString() },
        });
        return tenant;
      }),
    );
  }
}

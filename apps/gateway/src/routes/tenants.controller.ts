import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { TenantsV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { ZodBodyPipe } from '../http/zod-body.pipe';

const OnboardTenantBody = z.strictObject({
  id: z.string(),
  officialCode: z.string(),
  name: z.string(),
});

@Controller('v1/tenants')
export class TenantsController {
  constructor(private readonly clients: ServiceClients) {}

  /** A national admin onboards a province; it is usable at once. */
  @Post()
  @HttpCode(201)
  @RouteAccess({ tenant: 'none', action: 'tenant.onboard' })
  onboard(@Body(new ZodBodyPipe(OnboardTenantBody)) body: z.infer<typeof OnboardTenantBody>): Promise<TenantsV1.Tenant> {
    return this.clients.tenants.onboardTenant(body);
  }

  @Get(':id')
  @RouteAccess({ tenant: 'none' })
  get(@Param('id') id: string): Promise<TenantsV1.Tenant> {
    return this.clients.tenants.getTenant({ id });
  }
}

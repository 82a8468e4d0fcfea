import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { TenantsV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { AuditTenantFromAnswer } from '../audit/audit-tenant.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { CursorPage, cursorPage, PageQuery, pageQuerySchema, pageRequest, setPageLinks } from '../http/pagination';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { TenantPageSchema, TenantSchema } from './contracts.schema';

const OnboardTenantBody = z.strictObject({
  id: z.string(),
  officialCode: z.string(),
  name: z.string(),
});

const TenantListQuery = pageQuerySchema({ defaultLimit: 20, maxLimit: 100 });

@Controller('v1/tenants')
@DependsOn('tenants')
export class TenantsController {
  constructor(private readonly clients: ServiceClients) {}

  /** A national admin onboards a province; it is usable at once. */
  @Post()
  @HttpCode(201)
  @RouteAccess({ tenant: 'none', action: 'tenant.onboard' })
  @AuditTenantFromAnswer('id')
  @ApiOperation({
    summary: 'Onboard a province (national admin)',
    description: 'The province is usable at once: no restart, no set-up per province.',
    responses: {
      201: { description: 'The province, onboarded.', schema: TenantSchema },
      400: { description: 'The proposal is invalid.', codes: ['TENANT_INVALID'] },
      409: { description: 'A province with this id or official code exists.', codes: ['TENANT_EXISTS'] },
    },
  })
  onboard(@Body(new ZodBodyPipe(OnboardTenantBody)) body: z.infer<typeof OnboardTenantBody>): Promise<TenantsV1.Tenant> {
    return this.clients.tenants.onboardTenant(body);
  }

  /** The registry, page by page in id order (keyset paging in the tenants service). */
  @Get()
  @RouteAccess({ tenant: 'none', action: 'tenant.onboard' })
  @ApiOperation({
    summary: 'List the provinces (national admin)',
    responses: {
      200: {
        description: 'One page of provinces, in id order.',
        schema: TenantPageSchema,
        headers: { Link: { description: 'RFC 8288: `<…>; rel="next"` while another page follows.' } },
      },
    },
  })
  async list(
    @Query(new ZodQueryPipe(TenantListQuery)) query: PageQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CursorPage<TenantsV1.Tenant>> {
    const request = pageRequest('tenants', query);
    const token = request.after?.token;
    const answer = await this.clients.tenants.listTenants({ pageSize: request.limit, pageToken: typeof token === 'string' ? token : '' });
    const page = cursorPage('tenants', answer.tenants, answer.nextPageToken ? { token: answer.nextPageToken } : undefined, {
      path: '/v1/tenants',
      limit: request.limit,
    });
    setPageLinks(reply, page);
    return page;
  }

  @Get(':id')
  @RouteAccess({ tenant: 'none' })
  @ETagged()
  @ApiOperation({
    summary: 'A province',
    params: { id: 'The province id (slug), e.g. `hung-yen`.' },
    responses: {
      200: { description: 'The province.', schema: TenantSchema },
      404: { description: 'No such province.', codes: ['TENANT_NOT_FOUND'] },
    },
  })
  get(@Param('id') id: string): Promise<TenantsV1.Tenant> {
    return this.clients.tenants.getTenant({ id });
  }
}

import { Controller, Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { TenantsV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { cursorPage, CursorPage, cursorPageSchema, PageQuery, pageQuerySchema, pageRequest, setPageLinks } from '../http/pagination';
import { ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { apiSchema, mirrorsContract } from '../openapi/api-schemas';

const AUDIT_PAGE_QUERY = pageQuerySchema({ defaultLimit: 50, maxLimit: 200 });
/** The cursor scope of this list; its position is the tenants service's own page token. */
const AUDIT_LIST = 'audit';

const AuditEntrySchema = apiSchema(
  'AuditEntry',
  mirrorsContract<TenantsV1.AuditEntry>()(
    z.object({
      id: z.string(),
      occurredAt: z.string().describe('RFC 3339 instant the gateway answered.'),
      actorSubject: z.string().describe("The token's opaque subject."),
      actorRoles: z.array(z.string()),
      method: z.string().describe('POST, PUT, PATCH or DELETE.'),
      route: z.string().describe('Route pattern, e.g. `/v1/dossiers/:id`.'),
      resourceId: z.string().describe('Id of the resource the answer named; empty when none.'),
      status: z.int().describe('HTTP status of the answer; 499 when the client left before it.'),
      replayed: z.boolean().describe('A stored answer to an `Idempotency-Key` retry.'),
      clientIp: z.string().describe('Client IP as the gateway saw it; empty when unknown.'),
      userAgent: z.string(),
      traceId: z.string(),
    }),
  ),
);

/** The province's audit log: every authenticated write through the gateway, newest first. */
@Controller('v1/audit')
@RouteAccess({ tenant: 'required' })
@DependsOn('tenants')
export class AuditController {
  constructor(private readonly clients: ServiceClients) {}

  @Get()
  @ApiOperation({
    summary: "The province's audit log, newest first",
    description: 'Who wrote what, when and from where: every authenticated write through the gateway (no bodies). Tenant admins of the province only.',
    responses: { 200: { description: 'One page of entries.', schema: cursorPageSchema(AuditEntrySchema) } },
  })
  async list(
    @Query(new ZodQueryPipe(AUDIT_PAGE_QUERY)) query: PageQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CursorPage<TenantsV1.AuditEntry>> {
    const page = pageRequest(AUDIT_LIST, query);
    const token = page.after?.token;
    const answer = await this.clients.tenants.listAuditEntries({ pageSize: page.limit, pageToken: typeof token === 'string' ? token : '' });
    const result = cursorPage(AUDIT_LIST, answer.entries, answer.nextPageToken ? { token: answer.nextPageToken } : undefined, {
      path: '/v1/audit',
      limit: page.limit,
    });
    setPageLinks(reply, result);
    return result;
  }
}

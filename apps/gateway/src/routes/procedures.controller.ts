import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { CatalogueV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { ZodBodyPipe } from '../http/zod-body.pipe';

const CreateProcedureBody = z.strictObject({
  code: z.string(),
  name: z.string(),
  processingDays: z.int(),
  agencyId: z.string(),
  components: z.array(z.strictObject({ code: z.string(), name: z.string(), mandatory: z.boolean() })),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('v1/procedures')
@RouteAccess({ tenant: 'required' })
export class ProceduresController {
  constructor(private readonly clients: ServiceClients) {}

  @Post()
  @HttpCode(201)
  create(@Body(new ZodBodyPipe(CreateProcedureBody)) body: z.infer<typeof CreateProcedureBody>): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.createProcedure(body);
  }

  /** By id (uuid) or by national code. */
  @Get(':key')
  get(@Param('key') key: string): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.getProcedure(UUID.test(key) ? { id: key } : { code: key });
  }
}

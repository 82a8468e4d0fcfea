import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { CatalogueV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { ZodBodyPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { ProcedureSchema } from './contracts.schema';

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
@DependsOn('catalogue')
export class ProceduresController {
  constructor(private readonly clients: ServiceClients) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "Publish a procedure in the province's catalogue (tenant admin)",
    responses: {
      201: { description: 'Version 1 of the procedure, in force now.', schema: ProcedureSchema },
      400: { description: 'The procedure is invalid.', codes: ['PROCEDURE_INVALID'] },
      409: { description: 'A procedure with this code exists.', codes: ['PROCEDURE_EXISTS'] },
    },
  })
  create(@Body(new ZodBodyPipe(CreateProcedureBody)) body: z.infer<typeof CreateProcedureBody>): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.createProcedure(body);
  }

  /** By id (uuid) or by national code. */
  @Get(':key')
  @ETagged()
  @ApiOperation({
    summary: 'A procedure, as in force now',
    params: { key: 'The procedure id (uuid) or its national code (e.g. `1.001193`).' },
    responses: {
      200: { description: 'The procedure.', schema: ProcedureSchema },
      404: { description: 'No such procedure, or none in force now.', codes: ['PROCEDURE_NOT_FOUND', 'PROCEDURE_NOT_IN_FORCE'] },
    },
  })
  get(@Param('key') key: string): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.getProcedure(UUID.test(key) ? { id: key } : { code: key });
  }
}

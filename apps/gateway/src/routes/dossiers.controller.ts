import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { IntakeV1, ProcessingV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { ZodBodyPipe } from '../http/zod-body.pipe';
import { IdempotencyKey } from '../idempotency/idempotency.decorator';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { DossierSchema, DossierTasksSchema } from './contracts.schema';

const SubmitDossierBody = z.strictObject({
  procedureId: z.string(),
  channel: z.enum(['online', 'desk', 'postal']).default('online'),
  applicant: z.strictObject({ fullName: z.string(), citizenId: z.string() }),
  components: z.array(z.strictObject({ componentCode: z.string(), fileReference: z.string() })),
});

@Controller('v1/dossiers')
@RouteAccess({ tenant: 'required' })
export class DossiersController {
  constructor(private readonly clients: ServiceClients) {}

  @Post()
  @HttpCode(201)
  @IdempotencyKey('required')
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Submit a dossier (citizen, business)',
    description: 'The applicant is the caller. Retry with the same `Idempotency-Key`: a dossier is never submitted twice.',
    responses: {
      201: { description: 'The dossier, submitted.', schema: DossierSchema },
      400: { description: 'The submission is invalid.', codes: ['DOSSIER_SUBMISSION_INVALID'] },
      404: { description: 'No such procedure.', codes: ['PROCEDURE_NOT_FOUND'] },
      422: { description: 'A mandatory component is missing.', codes: ['DOSSIER_INCOMPLETE'] },
    },
  })
  submit(@Body(new ZodBodyPipe(SubmitDossierBody)) body: z.infer<typeof SubmitDossierBody>): Promise<IntakeV1.Dossier> {
    return this.clients.intake.submitDossier(body);
  }

  @Get(':id')
  @DependsOn('intake')
  @ETagged()
  @ApiOperation({
    summary: 'A dossier (its applicant; staff of its agency)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier.', schema: DossierSchema },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  get(@Param('id') id: string): Promise<IntakeV1.Dossier> {
    return this.clients.intake.getDossier({ id });
  }

  @Get(':id/tasks')
  @DependsOn('processing')
  @ApiOperation({
    summary: "A dossier's workflow tasks (staff of its agency)",
    params: { id: 'The dossier id (uuid).' },
    responses: { 200: { description: 'Its tasks.', schema: DossierTasksSchema } },
  })
  tasks(@Param('id') id: string): Promise<ProcessingV1.ListDossierTasksResponse> {
    return this.clients.processing.listDossierTasks({ dossierId: id });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { IntakeV1, ProcessingV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { ZodBodyPipe } from '../http/zod-body.pipe';

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
  submit(@Body(new ZodBodyPipe(SubmitDossierBody)) body: z.infer<typeof SubmitDossierBody>): Promise<IntakeV1.Dossier> {
    return this.clients.intake.submitDossier(body);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<IntakeV1.Dossier> {
    return this.clients.intake.getDossier({ id });
  }

  @Get(':id/tasks')
  tasks(@Param('id') id: string): Promise<ProcessingV1.ListDossierTasksResponse> {
    return this.clients.processing.listDossierTasks({ dossierId: id });
  }
}

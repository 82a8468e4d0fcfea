import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { IntakeV1, ProcessingV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { CursorPage, cursorPage, pageQuerySchema, pageRequest, setPageLinks } from '../http/pagination';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { IdempotencyKey } from '../idempotency/idempotency.decorator';
import { ApiOperation } from '../openapi/api-operation.decorator';
import {
  DossierActionsSchema,
  DossierDetailSchema,
  DossierSchema,
  DossierTasksSchema,
  PendingCheckPageSchema,
  TrackedDossierSchema,
} from './contracts.schema';

const ApplicantBody = z.strictObject({
  fullName: z.string(),
  citizenId: z.string(),
  kind: z.enum(['person', 'organization']).optional(),
  dateOfBirth: z.string().optional().describe('YYYY-MM-DD (person).'),
  phone: z.string().optional(),
  email: z.string().optional(),
  address: z.string().optional(),
  unitCode: z.string().optional().describe("The applicant's administrative unit (commune), for the competent agency."),
  taxCode: z.string().optional().describe('Organization: 10 or 13 digits.'),
});

const ComponentsBody = z.array(z.strictObject({ componentCode: z.string(), fileReference: z.string() }));

const SubmitDossierBody = z.strictObject({
  procedureId: z.string(),
  channel: z.literal('online').default('online').describe('Online only: desk and postal dossiers go through `POST /v1/desk/dossiers`.'),
  applicant: ApplicantBody,
  components: ComponentsBody,
});

const SubmitAtDeskBody = z.strictObject({
  procedureId: z.string(),
  channel: z.enum(['desk', 'postal']).default('desk'),
  deskId: z.string().optional().describe("One of the officer's desks; omit: the first."),
  applicantSubject: z.string().optional().describe("The applicant's signed-in subject when known (lets them read and withdraw it)."),
  applicant: ApplicantBody,
  components: ComponentsBody,
});

const ReceiveBody = z.strictObject({
  deskId: z.string().optional().describe("One of the officer's desks; omit: the first."),
  note: z.string().max(2000).optional(),
});

const SupplementRequestBody = z.strictObject({
  deskId: z.string().optional(),
  items: z
    .array(z.strictObject({ componentCode: z.string().optional().describe('Omit: not about one component.'), reason: z.string() }))
    .min(1)
    .describe('Everything missing at once: only one request is allowed.'),
});

const RefusalBody = z.strictObject({
  deskId: z.string().optional(),
  reasons: z.array(z.string()).min(1),
});

const ResubmissionBody = z.strictObject({
  components: ComponentsBody.describe('The whole set after completion.'),
});

const WithdrawalBody = z.strictObject({
  reason: z.string().max(2000).optional(),
});

const ReceiptQuery = z.strictObject({
  format: z.enum(['html', 'pdf']).default('html').describe('`html` (default) or `pdf`.'),
});
type ReceiptQuery = z.infer<typeof ReceiptQuery>;

const PendingQuery = pageQuerySchema({ defaultLimit: 20, maxLimit: 100 });
type PendingQuery = z.infer<typeof PendingQuery>;

const TrackQuery = z.strictObject({
  code: z.string().min(1).max(100).describe('The dossier code on the receipt.'),
  secret: z.string().min(1).max(20).describe("The last 4 digits of the applicant's phone or ID/tax number."),
});
type TrackQuery = z.infer<typeof TrackQuery>;

const DESK_ERRORS = {
  403: { description: "The desk is not one of the caller's.", codes: ['DESK_NOT_OWN'] },
  404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
  409: { description: 'The dossier is not in a state that allows this.', codes: ['DOSSIER_TRANSITION_NOT_ALLOWED'] },
};

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

  @Get(':id/detail')
  @DependsOn('intake')
  @ETagged()
  @ApiOperation({
    summary: "A dossier's desk view: code, appointment, fees (its applicant; staff of its agency)",
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, with its desk details.', schema: DossierDetailSchema },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  detail(@Param('id') id: string): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.getDossierDetail({ id });
  }

  @Get(':id/actions')
  @DependsOn('intake')
  @ApiOperation({
    summary: "A dossier's intake history (its applicant; staff of its agency)",
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'What was done to it, oldest first.', schema: DossierActionsSchema },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  actions(@Param('id') id: string): Promise<IntakeV1.ListDossierActionsResponse> {
    return this.clients.intake.listDossierActions({ dossierId: id });
  }

  @Post(':id/receipt')
  @HttpCode(200)
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Receive a dossier at a desk (desk officer)',
    description: 'The dossier gets its code and appointment; the receipt can then be downloaded.',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, received.', schema: DossierDetailSchema },
      ...DESK_ERRORS,
      422: { description: 'The desk cannot receive this procedure or unit.', codes: ['DESK_CANNOT_RECEIVE'] },
    },
  })
  receive(@Param('id') id: string, @Body(new ZodBodyPipe(ReceiveBody)) body: z.infer<typeof ReceiveBody>): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.receiveDossier({ dossierId: id, deskId: body.deskId ?? '', note: body.note ?? '' });
  }

  @Post(':id/supplement-request')
  @HttpCode(200)
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Ask the applicant to complete a dossier (desk officer)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, waiting for its supplement.', schema: DossierDetailSchema },
      400: { description: 'The request is invalid.', codes: ['DOSSIER_DECISION_INVALID'] },
      ...DESK_ERRORS,
      409: { description: 'The dossier is not in a state that allows this, or a supplement was already requested.', codes: ['DOSSIER_TRANSITION_NOT_ALLOWED', 'DOSSIER_SUPPLEMENT_ALREADY_REQUESTED'] },
    },
  })
  requestSupplement(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(SupplementRequestBody)) body: z.infer<typeof SupplementRequestBody>,
  ): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.requestSupplement({
      dossierId: id,
      deskId: body.deskId ?? '',
      items: body.items.map((item) => ({ componentCode: item.componentCode ?? '', reason: item.reason })),
    });
  }

  @Post(':id/refusal')
  @HttpCode(200)
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Refuse a dossier, with reasons (desk officer)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, refused.', schema: DossierDetailSchema },
      400: { description: 'The refusal is invalid.', codes: ['DOSSIER_DECISION_INVALID'] },
      ...DESK_ERRORS,
    },
  })
  refuse(@Param('id') id: string, @Body(new ZodBodyPipe(RefusalBody)) body: z.infer<typeof RefusalBody>): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.refuseDossier({ dossierId: id, deskId: body.deskId ?? '', reasons: body.reasons });
  }

  @Post(':id/resubmission')
  @HttpCode(200)
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Resubmit a completed dossier (its applicant)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, resubmitted.', schema: DossierDetailSchema },
      400: { description: 'The submission is invalid.', codes: ['DOSSIER_SUBMISSION_INVALID'] },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
      409: { description: 'No supplement is awaited.', codes: ['DOSSIER_TRANSITION_NOT_ALLOWED'] },
      422: { description: 'A mandatory component is missing.', codes: ['DOSSIER_INCOMPLETE'] },
    },
  })
  resubmit(@Param('id') id: string, @Body(new ZodBodyPipe(ResubmissionBody)) body: z.infer<typeof ResubmissionBody>): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.resubmitDossier({ dossierId: id, components: body.components });
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @DependsOn('intake')
  @ApiOperation({
    summary: 'Withdraw a dossier (its applicant)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The dossier, withdrawn.', schema: DossierDetailSchema },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
      409: { description: 'The dossier can no longer be withdrawn.', codes: ['DOSSIER_TRANSITION_NOT_ALLOWED'] },
    },
  })
  withdraw(@Param('id') id: string, @Body(new ZodBodyPipe(WithdrawalBody)) body: z.infer<typeof WithdrawalBody>): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.withdrawDossier({ dossierId: id, reason: body.reason ?? '' });
  }

  @Get(':id/receipt')
  @DependsOn('intake')
  @ApiOperation({
    summary: 'The receipt of a received dossier, as HTML or PDF (its applicant; staff of its agency)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The receipt (`text/html; charset=utf-8` or `application/pdf`).', contentType: 'application/pdf', raw: { type: 'string' } },
      404: { description: 'No such dossier, or not received yet.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  async receipt(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(ReceiptQuery)) query: ReceiptQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const receipt = await this.clients.intakeDocuments.getReceipt({ dossierId: id, format: query.format });
    void reply.header('Content-Type', receipt.contentType);
    if (receipt.fileName) void reply.header('Content-Disposition', `inline; filename="${receipt.fileName.replace(/[^\w.-]/g, '_')}"`);
    return Buffer.from(receipt.content);
  }
}

@Controller('v1')
@RouteAccess({ tenant: 'required' })
@DependsOn('intake')
export class DeskController {
  constructor(private readonly clients: ServiceClients) {}

  @Post('desk/dossiers')
  @HttpCode(201)
  @IdempotencyKey('optional')
  @ApiOperation({
    summary: 'Enter a dossier handed in at a desk or by post (desk officer)',
    description: 'Retry with the same `Idempotency-Key`: the dossier is entered once.',
    tags: ['desk'],
    responses: {
      201: { description: 'The dossier, entered.', schema: DossierDetailSchema },
      400: { description: 'The submission is invalid.', codes: ['DOSSIER_SUBMISSION_INVALID'] },
      403: { description: "The desk is not one of the caller's.", codes: ['DESK_NOT_OWN'] },
      422: {
        description: 'A mandatory component is missing, no such procedure, or the desk cannot receive it.',
        codes: ['DOSSIER_INCOMPLETE', 'PROCEDURE_NOT_FOUND', 'DESK_CANNOT_RECEIVE', 'COMPETENT_AGENCY_UNRESOLVED'],
      },
    },
  })
  submitAtDesk(
    @Body(new ZodBodyPipe(SubmitAtDeskBody)) body: z.infer<typeof SubmitAtDeskBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<IntakeV1.DossierDetail> {
    return this.clients.intake.submitAtDesk({
      procedureId: body.procedureId,
      channel: body.channel,
      deskId: body.deskId ?? '',
      applicantSubject: body.applicantSubject ?? '',
      applicant: body.applicant,
      components: body.components,
      idempotencyKey: idempotencyKey ?? '',
    });
  }

  @Get('desks/:deskId/pending')
  @ApiOperation({
    summary: 'Dossiers waiting for a check at a desk (desk officer)',
    tags: ['desk'],
    params: { deskId: "One of the officer's desks, e.g. `H33-TTPVHCC-Q01`." },
    responses: {
      200: {
        description: 'One page of pending dossiers.',
        schema: PendingCheckPageSchema,
        headers: { Link: { description: 'RFC 8288: `<…>; rel="next"` while another page follows.' } },
      },
      403: { description: "The desk is not one of the caller's.", codes: ['DESK_NOT_OWN'] },
    },
  })
  async pending(
    @Param('deskId') deskId: string,
    @Query(new ZodQueryPipe(PendingQuery)) query: PendingQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CursorPage<IntakeV1.PendingCheck>> {
    const scope = `pending:${deskId}`;
    const request = pageRequest(scope, query);
    const token = request.after?.token;
    const answer = await this.clients.intake.listPendingChecks({ deskId, pageSize: request.limit, pageToken: typeof token === 'string' ? token : '' });
    const page = cursorPage(scope, answer.items, answer.nextPageToken ? { token: answer.nextPageToken } : undefined, {
      path: `/v1/desks/${encodeURIComponent(deskId)}/pending`,
      limit: request.limit,
    });
    setPageLinks(reply, page);
    return page;
  }
}

/** Anyone holding a receipt follows its dossier: no sign-in, limited per client IP. */
@Controller('v1/tracking')
@RouteAccess({ tenant: 'required', anonymous: true })
@DependsOn('intake')
export class TrackingController {
  constructor(private readonly clients: ServiceClients) {}

  @Get()
  @ApiOperation({
    summary: 'Track a dossier by its code and secret (anyone, no sign-in)',
    description: "The secret is the last 4 digits of the applicant's phone or ID/tax number. Name the province with `X-Tenant-Id` or its host.",
    responses: {
      200: { description: 'Where the dossier stands.', schema: TrackedDossierSchema },
      404: { description: 'No dossier with this code and secret.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  track(@Query(new ZodQueryPipe(TrackQuery)) query: TrackQuery): Promise<IntakeV1.TrackedDossier> {
    return this.clients.intake.trackDossier({ code: query.code, secret: query.secret });
  }
}

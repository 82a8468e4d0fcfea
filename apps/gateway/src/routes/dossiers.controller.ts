import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { IntakeDocumentsV1, IntakeV1, ProcessingV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { HttpProblem, HttpProblemCode } from '../http/http-problem';
import { CursorPage, cursorPage, cursorPageSchema, pageQuerySchema, pageRequest, setPageLinks } from '../http/pagination';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { IdempotencyKey } from '../idempotency/idempotency.decorator';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { apiSchema, mirrorsContract } from '../openapi/api-schemas';
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
  feeCase: z
    .strictObject({
      variant: z.string().optional().describe('A fee variant (case) code of the procedure; omit: the default amounts.'),
      attributes: z.array(z.string()).optional().describe('Case attributes granting exemptions, e.g. `HO_NGHEO`.'),
      quantities: z.array(z.strictObject({ item: z.string(), quantity: z.number().int().min(0) })).optional().describe('Counted units of per-unit fee items.'),
    })
    .optional()
    .describe("The applicant's case for the fees assessed at receipt."),
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

const AccessLogQuery = pageQuerySchema({ defaultLimit: 20, maxLimit: 100 });
type AccessLogQuery = z.infer<typeof AccessLogQuery>;

const PersonalDataAccessSchema = apiSchema(
  'PersonalDataAccess',
  mirrorsContract<IntakeV1.PersonalDataAccess>()(
    z
      .object({
        id: z.string(),
        accessedAt: z.string().describe('RFC 3339 instant of the read.'),
        actorSubject: z.string().describe("The reader's opaque subject."),
        actorRoles: z.array(z.string()),
        actorAgencyId: z.string().describe("The reader's agency; empty for tenant-wide roles."),
        dossierId: z.string(),
        read: z.string().describe('What was read: `GetDossier`, `GetDossierDetail`, `ListDossierActions` or `GetReceipt`.'),
        traceId: z.string().describe('The trace of the request that read.'),
      })
      .describe("One read of the applicant's personal data by someone other than the applicant (no data values)."),
  ),
);

const PersonalDataAccessPageSchema = apiSchema(
  'PersonalDataAccessPage',
  cursorPageSchema(PersonalDataAccessSchema).describe('One page of the access log, newest first.'),
);

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
      422: { description: 'The desk cannot receive this procedure or unit, or the fee case does not fit the fee schedule.', codes: ['DESK_CANNOT_RECEIVE', 'FEE_CASE_INVALID'] },
    },
  })
  receive(@Param('id') id: string, @Body(new ZodBodyPipe(ReceiveBody)) body: z.infer<typeof ReceiveBody>): Promise<IntakeV1.DossierDetail> {
    const feeCase = body.feeCase ? { variant: body.feeCase.variant ?? '', attributes: body.feeCase.attributes ?? [], quantities: body.feeCase.quantities ?? [] } : null;
    return this.clients.intake.receiveDossier({ dossierId: id, deskId: body.deskId ?? '', note: body.note ?? '', feeCase });
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

  @Get(':id/access-log')
  @DependsOn('intake')
  @ApiOperation({
    summary: "Who read the applicant's personal data in a dossier, newest first (its applicant; the province's tenant admins)",
    description:
      'Every read of the dossier, its history or its receipt by staff is recorded (who, roles, agency, what, trace, when; no data values). The applicant reading their own dossier is not.',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: {
        description: 'One page of the access log.',
        schema: PersonalDataAccessPageSchema,
        headers: { Link: { description: 'RFC 8288: `<…>; rel="next"` while another page follows.' } },
      },
      403: { description: 'Neither the applicant nor a tenant admin of the province.', codes: ['ACCESS_DENIED'] },
      404: { description: 'No such dossier.', codes: ['DOSSIER_NOT_FOUND'] },
    },
  })
  async accessLog(
    @Param('id') id: string,
    @Query(new ZodQueryPipe(AccessLogQuery)) query: AccessLogQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CursorPage<IntakeV1.PersonalDataAccess>> {
    const scope = `access-log:${id}`;
    const request = pageRequest(scope, query);
    const token = request.after?.token;
    const answer = await this.clients.intake.listPersonalDataAccess({ dossierId: id, pageSize: request.limit, pageToken: typeof token === 'string' ? token : '' });
    const page = cursorPage(scope, answer.entries, answer.nextPageToken ? { token: answer.nextPageToken } : undefined, {
      path: `/v1/dossiers/${encodeURIComponent(id)}/access-log`,
      limit: request.limit,
    });
    setPageLinks(reply, page);
    return page;
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

/** The upload route, whose body limit follows the upload limit (see `applyDocumentUploadBodyLimit`). */
export const DOCUMENT_UPLOAD_ROUTE = { method: 'POST', url: '/v1/documents' } as const;

/** Room in an upload body beyond the base64 content: the other fields and JSON syntax. */
const UPLOAD_ENVELOPE_BYTES = 64 * 1024;

/** The body limit of the upload route: `maxBytes` of content in base64, plus the envelope. */
export function documentUploadBodyLimit(maxBytes: number): number {
  return 4 * Math.ceil(maxBytes / 3) + UPLOAD_ENVELOPE_BYTES;
}

/**
 * Gives the upload route its own body limit, sized from DOCUMENT_MAX_BYTES (intake's upload
 * limit), while every other route keeps BODY_LIMIT_BYTES. A fastify `onRoute` hook: call it
 * before the application initializes (configureGatewayHttp does).
 */
export function applyDocumentUploadBodyLimit(fastify: FastifyInstance, config: Pick<GatewayConfig, 'DOCUMENT_MAX_BYTES'>): void {
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (route.url === DOCUMENT_UPLOAD_ROUTE.url && methods.includes(DOCUMENT_UPLOAD_ROUTE.method)) {
      route.bodyLimit = documentUploadBodyLimit(config.DOCUMENT_MAX_BYTES);
    }
  });
}

const UploadDocumentBody = z.strictObject({
  content: z.base64().min(1).describe('The file, base64 (RFC 4648 with padding); at most the upload limit (default 10 MiB) once decoded.'),
  fileName: z.string().min(1).max(255).describe('Kept as personal data: stored, never logged.'),
  documentType: z.string().max(100).optional().describe('e.g. `giay-khai-sinh`; omit when unknown.'),
  declaredContentType: z.string().max(200).optional().describe('Informative only: the type is sniffed from the bytes.'),
  onBehalfOf: z
    .strictObject({ applicantSubject: z.string(), deskId: z.string() })
    .optional()
    .describe('A desk officer acting for an applicant at one of their desks; omit to upload your own.'),
});

export const DocumentSchema = apiSchema(
  'Document',
  mirrorsContract<IntakeDocumentsV1.Document>()(
    z
      .object({
        id: z.string().describe('The document (uuid): a component\'s `fileReference`.'),
        ownerSubject: z.string(),
        documentType: z.string(),
        contentType: z.string().describe('Sniffed from the bytes: PDF, JPEG, PNG, DOCX or XML.'),
        size: z.string().describe('Bytes (int64 as a string).'),
        sha256: z.string().describe('Hex SHA-256 of the bytes.'),
        fileName: z.string(),
        inWallet: z.boolean(),
        walletSource: z.string().describe('Empty, `digitized` or `result`.'),
        createdAt: z.string().describe('RFC 3339 instant, UTC.'),
      })
      .describe('A stored file.'),
  ),
);

/** Files of dossiers: stored by intake after its size and content checks. */
@Controller('v1/documents')
@RouteAccess({ tenant: 'required' })
@DependsOn('intake')
export class DocumentsController {
  constructor(
    private readonly clients: ServiceClients,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Upload a file for a dossier component (citizen, business; desk officer for an applicant)',
    description:
      'The content goes base64 in JSON. Its type is sniffed from the bytes (PDF, JPEG, PNG, DOCX, XML); anything else is refused and nothing is stored. Use the answer\'s `id` as a component\'s `fileReference`.',
    responses: {
      201: { description: 'The file, stored, with its sniffed type and SHA-256.', schema: DocumentSchema },
      400: { description: 'Empty, malformed, or a refused content type.', codes: ['DOCUMENT_REQUEST_INVALID', 'DOCUMENT_CONTENT_REFUSED', 'DOCUMENT_TOO_LARGE'] },
      403: { description: 'Acting for an applicant at a desk that is not the caller\'s.', codes: ['ACCESS_DENIED'] },
      413: { description: 'The file is larger than the upload limit: nothing is stored.', codes: ['BODY_TOO_LARGE'] },
    },
  })
  upload(@Body(new ZodBodyPipe(UploadDocumentBody)) body: z.infer<typeof UploadDocumentBody>): Promise<IntakeDocumentsV1.Document> {
    const content = Buffer.from(body.content, 'base64');
    const maxBytes = this.config.DOCUMENT_MAX_BYTES;
    if (content.length > maxBytes) {
      throw new HttpProblem(HttpProblemCode.BodyTooLarge, `The file is larger than ${maxBytes} bytes`, {
        errors: [{ field: 'content', message: `at most ${maxBytes} bytes` }],
        details: { maxBytes, size: content.length },
      });
    }
    return this.clients.intakeDocuments.uploadDocument({
      content,
      declaredContentType: body.declaredContentType ?? '',
      fileName: body.fileName,
      documentType: body.documentType ?? '',
      onBehalfOf: body.onBehalfOf ?? null,
    });
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { IntakeDocumentsV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { apiSchema, mirrorsContract } from '../openapi/api-schemas';
import { DocumentSchema } from './dossiers.controller';

const OnBehalfOf = z
  .strictObject({ applicantSubject: z.string(), deskId: z.string() })
  .optional()
  .describe('A desk officer acting for an applicant at one of their desks; omit for your own wallet.');

const WalletQuery = z.strictObject({
  documentType: z.string().max(100).optional().describe('Only documents of this type, e.g. `giay_khai_sinh`.'),
  applicantSubject: z.string().max(200).optional().describe('A desk officer: the applicant whose wallet to read (with `deskId`).'),
  deskId: z.string().max(64).optional(),
});

const AddToWalletBody = z.strictObject({
  documentId: z.string(),
  source: z.enum(['digitized', 'result']).describe('`digitized` at a desk, or a `result`.'),
  documentType: z.string().max(100).optional().describe('Omit: the type given at upload.'),
  onBehalfOf: OnBehalfOf,
});

const ReuseBody = z.strictObject({
  documentId: z.string().describe('A document of the applicant’s wallet.'),
  componentCode: z.string().describe('The component of the dossier it satisfies.'),
  onBehalfOf: OnBehalfOf,
});

const WalletSchema = apiSchema(
  'Wallet',
  mirrorsContract<IntakeDocumentsV1.ListWalletDocumentsResponse>()(z.object({ documents: z.array(DocumentSchema) }).describe("A person's digitized documents and results, for reuse.")),
);

const ReuseSchema = apiSchema(
  'DocumentReuse',
  mirrorsContract<IntakeDocumentsV1.RecordReuseResponse>()(z.object({ reuseId: z.string(), reusedAt: z.string().describe('RFC 3339 instant, UTC.') })),
);

/** The document wallet (kho dữ liệu điện tử): digitized documents and results, reused in later dossiers. */
@Controller('v1')
@RouteAccess({ tenant: 'required' })
@DependsOn('intake')
export class WalletController {
  constructor(private readonly clients: ServiceClients) {}

  @Get('wallet')
  @ApiOperation({
    summary: "The caller's document wallet (a desk officer: an applicant's, at one of their desks)",
    query: WalletQuery,
    responses: { 200: { description: 'Its documents, by type when asked.', schema: WalletSchema } },
  })
  wallet(@Query(new ZodQueryPipe(WalletQuery)) query: z.infer<typeof WalletQuery>): Promise<IntakeDocumentsV1.ListWalletDocumentsResponse> {
    const onBehalfOf = query.applicantSubject || query.deskId ? { applicantSubject: query.applicantSubject ?? '', deskId: query.deskId ?? '' } : null;
    return this.clients.intakeDocuments.listWalletDocuments({ documentType: query.documentType, onBehalfOf });
  }

  @Post('wallet')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Put an uploaded document in its owner’s wallet (digitized at the desk, or a result)',
    responses: {
      200: { description: 'The document, in the wallet.', schema: DocumentSchema },
      404: { description: 'No such document of this owner.', codes: ['DOCUMENT_NOT_FOUND'] },
    },
  })
  add(@Body(new ZodBodyPipe(AddToWalletBody)) body: z.infer<typeof AddToWalletBody>): Promise<IntakeDocumentsV1.Document> {
    return this.clients.intakeDocuments.addToWallet({ documentId: body.documentId, source: body.source, documentType: body.documentType ?? '', onBehalfOf: body.onBehalfOf ?? null });
  }

  @Post('dossiers/:id/reuses')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record that a wallet document satisfies a component of a dossier (counted by the digitization indices)',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      201: { description: 'The reuse, recorded once per document, dossier and component.', schema: ReuseSchema },
      404: { description: 'No such document or dossier of this owner.', codes: ['DOCUMENT_NOT_FOUND'] },
    },
  })
  reuse(@Param('id') id: string, @Body(new ZodBodyPipe(ReuseBody)) body: z.infer<typeof ReuseBody>): Promise<IntakeDocumentsV1.RecordReuseResponse> {
    return this.clients.intakeDocuments.recordReuse({ documentId: body.documentId, dossierId: id, componentCode: body.componentCode, onBehalfOf: body.onBehalfOf ?? null });
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProcessingResultsV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ZodBodyPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { apiSchema, mirrorsContract } from '../openapi/api-schemas';

/** Base64 (standard or URL-safe alphabet, padding optional). */
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

const VerifyBody = z.strictObject({
  document: z
    .string()
    .min(4)
    .regex(BASE64, 'base64')
    .describe('The PDF as issued, base64 encoded (JSON like every request body of the API; a result PDF is well under the body limit).'),
  resultId: z.uuid().optional().describe('The result id printed on the document; omit: the document is found by its hash.'),
});
type VerifyBody = z.infer<typeof VerifyBody>;

const VerifiedResultSchema = apiSchema(
  'VerifiedResult',
  mirrorsContract<ProcessingResultsV1.VerifiedResult>()(
    z
      .object({
        resultId: z.string(),
        dossierCode: z.string(),
        procedureCode: z.string(),
        procedureName: z.string(),
        decision: z.string().describe('`approved` or `refused`.'),
        documentType: z.string(),
        resultName: z.string(),
        agencyId: z.string().describe('Identifier code of the issuing agency.'),
        issuedAt: z.string().describe('RFC 3339.'),
        sha256: z.string().describe('Hex SHA-256 of the PDF.'),
        keyId: z.string().describe('The signing key: `GET /v1/results/keys/{keyId}`.'),
        signature: z.string().describe('base64url Ed25519 signature of the signed statement (docs/adr/0009-result-signatures.md).'),
        algorithm: z.string(),
      })
      .describe('What a valid result says; it names the dossier, never the applicant.'),
  ),
);

const VerificationSchema = apiSchema(
  'ResultVerification',
  z
    .object({
      valid: z.boolean(),
      reason: z
        .enum(['unknown_document', 'altered', 'bad_signature'])
        .nullable()
        .describe('Why not valid: no such result of this province, the bytes differ from the issued ones, or the signature does not verify.'),
      result: VerifiedResultSchema.nullable(),
    })
    .describe('The verdict on a submitted document.'),
);

const SigningKeySchema = apiSchema(
  'ResultSigningKey',
  z
    .object({
      keyId: z.string(),
      algorithm: z.string().describe('`Ed25519`.'),
      createdAt: z.string(),
      jwk: z.object({ kty: z.string(), crv: z.string(), x: z.string(), kid: z.string(), alg: z.string(), use: z.string() }).describe('RFC 8037 public key.'),
    })
    .describe("A public key of the province's result signatures."),
);

type Verification = z.infer<typeof VerificationSchema>;
type SigningKey = z.infer<typeof SigningKeySchema>;

/** `Accept: text/html` (preferred over PDF) gives the HTML view; anything else the signed PDF. */
export function resultFormat(accept: string | undefined): 'pdf' | 'html' {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  const html = types.indexOf('text/html');
  const pdf = types.indexOf('application/pdf');
  return html >= 0 && (pdf < 0 || html < pdf) ? 'html' : 'pdf';
}

/**
 * Result documents: anyone verifies a document and fetches the public keys (no sign-in,
 * limited per client IP like tracking); staff of the issuing agency download it.
 */
@Controller('v1/results')
@RouteAccess({ tenant: 'required' })
@DependsOn('processing')
export class ResultsController {
  constructor(private readonly clients: ServiceClients) {}

  @Post('verify')
  @HttpCode(200)
  @RouteAccess({ tenant: 'required', anonymous: true })
  @ApiOperation({
    summary: 'Verify a result document (anyone, no sign-in)',
    description:
      "Send the PDF as issued. Valid when the province issued exactly these bytes and its signature verifies under the province's key. Name the province with `X-Tenant-Id` or its host.",
    responses: { 200: { description: 'The verdict, and the non-personal facts when valid.', schema: VerificationSchema } },
  })
  async verify(@Body(new ZodBodyPipe(VerifyBody)) body: VerifyBody): Promise<Verification> {
    const answer = await this.clients.processingResults.verifyResult({ document: Buffer.from(body.document, 'base64'), resultId: body.resultId ?? '' });
    if (!answer.valid || !answer.result) {
      const reason = answer.reason === 'altered' || answer.reason === 'bad_signature' ? answer.reason : 'unknown_document';
      return { valid: false, reason, result: null };
    }
    return { valid: true, reason: null, result: answer.result };
  }

  @Get('keys/:keyId')
  @RouteAccess({ tenant: 'required', anonymous: true })
  @ApiOperation({
    summary: "A public key of the province's result signatures, as a JWK (anyone, no sign-in)",
    description: 'To verify a result offline: the signed statement and the signature are described in docs/adr/0009-result-signatures.md.',
    params: { keyId: 'The key id (uuid), as printed on the document.' },
    responses: {
      200: { description: 'The public key.', schema: SigningKeySchema },
      404: { description: 'No such key in this province.', codes: ['SIGNING_KEY_NOT_FOUND'] },
    },
  })
  async key(@Param('keyId') keyId: string): Promise<SigningKey> {
    const key = await this.clients.processingResults.getSigningKey({ keyId });
    return { keyId: key.keyId, algorithm: key.algorithm, createdAt: key.createdAt, jwk: JSON.parse(key.jwk) as SigningKey['jwk'] };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A result document as PDF or HTML, by `Accept` (staff of the issuing agency)',
    description: 'The PDF is the signed document; `Accept: text/html` gives a readable view of the same facts.',
    params: { id: 'The result id (uuid).' },
    responses: {
      200: {
        description: 'The document (`application/pdf` or `text/html; charset=utf-8`).',
        contentType: 'application/pdf',
        raw: { type: 'string' },
        headers: {
          'X-Result-Sha256': { description: 'Hex SHA-256 of the PDF.' },
          'X-Result-Key-Id': { description: 'The signing key id.' },
          'X-Result-Signature': { description: 'base64url Ed25519 signature of the signed statement.' },
        },
      },
      404: { description: 'No such result.', codes: ['RESULT_NOT_FOUND'] },
    },
  })
  async document(@Param('id') id: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const document = await this.clients.processingResults.getResultDocument({ resultId: id, format: resultFormat(accept) });
    void reply.header('Content-Type', document.contentType);
    void reply.header('Vary', 'Accept');
    void reply.header('Content-Disposition', `inline; filename="${document.fileName.replace(/[^\w.-]/g, '_')}"`);
    void reply.header('X-Result-Sha256', document.sha256);
    void reply.header('X-Result-Key-Id', document.keyId);
    void reply.header('X-Result-Signature', document.signature);
    return Buffer.from(document.content);
  }
}

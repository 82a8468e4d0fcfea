import { Controller } from '@nestjs/common';
import { ProcessingResultsV1 } from '@motcua/contracts';
import { GetResultDocumentHandler } from '../application/get-result-document/get-result-document.handler';
import { GetResultForFilingHandler } from '../application/get-result-for-filing/get-result-for-filing.handler';
import { GetSigningKeyHandler } from '../application/get-signing-key/get-signing-key.handler';
import { VerifyResultHandler } from '../application/verify-result/verify-result.handler';

@Controller()
@ProcessingResultsV1.ResultServiceControllerMethods()
export class ResultController implements ProcessingResultsV1.ResultServiceController {
  constructor(
    private readonly verify: VerifyResultHandler,
    private readonly documents: GetResultDocumentHandler,
    private readonly keys: GetSigningKeyHandler,
    private readonly filing: GetResultForFilingHandler,
  ) {}

  async verifyResult(request: ProcessingResultsV1.VerifyResultRequest): Promise<ProcessingResultsV1.VerifyResultResponse> {
    const answer = await this.verify.execute({ document: request.document, resultId: request.resultId });
    if (!answer.valid) return { valid: false, reason: answer.reason, result: null };
    return { valid: true, reason: '', result: { ...answer.result, issuedAt: answer.result.issuedAt.toISOString() } };
  }

  async getResultDocument(request: ProcessingResultsV1.GetResultDocumentRequest): Promise<ProcessingResultsV1.ResultDocument> {
    return this.documents.execute(request);
  }

  async getSigningKey(request: ProcessingResultsV1.GetSigningKeyRequest): Promise<ProcessingResultsV1.SigningKey> {
    const key = await this.keys.execute(request);
    return { keyId: key.keyId, algorithm: key.algorithm, jwk: JSON.stringify(key.jwk), createdAt: key.createdAt.toISOString() };
  }

  /** Service to service (intake's wallet filing); refuses calls with an actor. Not routed by the gateway. */
  async getResultForFiling(request: ProcessingResultsV1.GetResultForFilingRequest): Promise<ProcessingResultsV1.ResultForFiling> {
    return this.filing.execute(request);
  }
}

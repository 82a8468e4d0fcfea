import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { GrpcServices, ProcessingResultsV1 } from '@motcua/contracts';
import { createGrpcClient, GrpcClient } from '@motcua/rpc';
import { ProcessingResults, ResultToFile } from '../application/file-result/processing-results.port';

/**
 * Processing's ResultService over gRPC. The call carries the consumer's tenant context, which
 * has no actor (an event, not a person): GetResultForFiling answers only such calls. Every
 * call has a deadline; its failure fails the handler, which the consumer retries.
 */
@Injectable()
export class GrpcProcessingResults extends ProcessingResults implements OnApplicationShutdown {
  private readonly client: GrpcClient<ProcessingResultsV1.ResultServiceClient>;

  constructor(url: string, deadlineMs: number) {
    super();
    this.client = createGrpcClient(GrpcServices.processingResults, url, { deadlineMs });
  }

  async resultForFiling(resultId: string): Promise<ResultToFile> {
    const result = await this.client.getResultForFiling({ resultId });
    return {
      resultId: result.resultId,
      dossierId: result.dossierId,
      decision: result.decision,
      documentType: result.documentType,
      content: Buffer.from(result.content),
      sha256: result.sha256,
    };
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}

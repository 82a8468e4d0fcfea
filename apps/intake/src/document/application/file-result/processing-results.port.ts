/** A result document as processing issued it, for filing. */
export interface ResultToFile {
  readonly resultId: string;
  readonly dossierId: string;
  readonly decision: string;
  readonly documentType: string;
  /** The signed PDF. */
  readonly content: Buffer;
  /** Hex SHA-256 as processing stored it at issue. */
  readonly sha256: string;
}

/**
 * Processing's signed result documents, read service to service (no actor) for the wallet.
 * Adapter: `GrpcProcessingResults` (ResultService.GetResultForFiling, with a deadline).
 */
export abstract class ProcessingResults {
  /** The result's PDF; rejects when processing does not answer in time or knows no such result. */
  abstract resultForFiling(resultId: string): Promise<ResultToFile>;
}

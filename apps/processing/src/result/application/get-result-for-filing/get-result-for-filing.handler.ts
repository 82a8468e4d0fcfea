import { Injectable } from '@nestjs/common';
import { AuthError, AuthErrorCode } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { Decision } from '../../domain/result-document';
import { requireUuid, ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';

export interface ResultForFiling {
  readonly resultId: string;
  readonly dossierId: string;
  readonly decision: Decision;
  readonly documentType: string;
  /** The signed PDF, the bytes as issued. */
  readonly content: Buffer;
  readonly sha256: string;
}

/**
 * The signed PDF of a result for intake, which files it in the applicant's wallet on
 * `dossier.result-issued`. Service to service only: the caller is a consumer acting on an
 * event, so the call carries the tenant and NO actor; a call carrying an actor (anyone signed
 * in, forwarded by the gateway) is refused. An anonymous gateway request carries no actor
 * either, so what keeps the public out is that the gateway has no route to this method
 * (a gateway spec checks it; docs/adr/0009-result-signatures.md).
 */
@Injectable()
export class GetResultForFilingHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly repository: ResultRepository,
  ) {}

  async execute(input: { resultId?: string }): Promise<ResultForFiling> {
    if (currentTenant().actor) {
      throw new AuthError(AuthErrorCode.AccessDenied, 'GetResultForFiling is for services acting on events, not for signed-in callers');
    }
    const resultId = requireUuid(input.resultId, 'resultId');
    const stored = await this.runner.run((manager) => this.repository.result(manager, resultId));
    if (!stored) throw new ResultError(ResultErrorCode.ResultNotFound, 'No such result', { id: resultId });
    return {
      resultId: stored.id,
      dossierId: stored.dossierId,
      decision: stored.decision,
      documentType: stored.documentType,
      content: stored.pdf,
      sha256: stored.sha256,
    };
  }
}

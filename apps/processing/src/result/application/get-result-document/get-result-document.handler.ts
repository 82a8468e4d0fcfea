import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { renderResultHtml } from '../../domain/result-document';
import { requireUuid, ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';

export interface RenderedResult {
  readonly contentType: string;
  readonly content: Buffer;
  readonly fileName: string;
  readonly sha256: string;
  readonly keyId: string;
  readonly signature: string;
}

/**
 * A result document for those who may read its dossier (`dossier.read`): staff of the issuing
 * agency. The PDF is the stored, signed bytes; the HTML a readable view of the same facts.
 * The applicant's own access: processing holds no applicant subject (only a pseudonym), so
 * the owner rule cannot match here; the applicant receives the result in their wallet.
 */
@Injectable()
export class GetResultDocumentHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly repository: ResultRepository,
  ) {}

  async execute(input: { resultId?: string; format?: string }): Promise<RenderedResult> {
    const resultId = requireUuid(input.resultId, 'resultId');
    const format = input.format === undefined || input.format === '' ? 'pdf' : input.format;
    if (format !== 'pdf' && format !== 'html') {
      throw new ResultError(ResultErrorCode.InvalidRequest, 'Unknown result format', { errors: [{ field: 'format', message: 'pdf or html' }] });
    }
    const stored = await this.runner.run((manager) => this.repository.result(manager, resultId));
    if (!stored) throw new ResultError(ResultErrorCode.ResultNotFound, 'No such result', { id: resultId });
    authorizeCaller('dossier.read', { agencyId: stored.agencyId });
    const name = `ket-qua-${stored.dossierCode}`.replace(/[^A-Za-z0-9.-]/g, '-');
    const signed = { sha256: stored.sha256, keyId: stored.keyId, signature: stored.signature };
    if (format === 'pdf') return { contentType: 'application/pdf', content: stored.pdf, fileName: `${name}.pdf`, ...signed };
    const html = renderResultHtml({
      resultId: stored.id,
      tenantId: currentTenant().tenantId,
      dossierCode: stored.dossierCode,
      procedureCode: stored.procedureCode,
      procedureName: stored.procedureName,
      decision: stored.decision,
      reasons: stored.reasons,
      agencyId: stored.agencyId,
      signerSubject: stored.issuedBy,
      issuedAt: stored.issuedAt,
      documentType: stored.documentType,
      resultName: stored.resultName,
      keyId: stored.keyId,
    });
    return { contentType: 'text/html; charset=utf-8', content: Buffer.from(html, 'utf8'), fileName: `${name}.html`, ...signed };
  }
}

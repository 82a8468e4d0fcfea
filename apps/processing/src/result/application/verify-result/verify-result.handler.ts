import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { Decision } from '../../domain/result-document';
import { sha256Hex, VerificationFailure, verifyDocument } from '../../domain/result-signature';
import { requireUuid, ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';

/** The largest document accepted for verification (a result PDF is well under 1 MiB). */
export const MAX_VERIFIED_DOCUMENT_BYTES = 8 * 1024 * 1024;

/** The non-personal facts of a valid result. */
export interface VerifiedResult {
  resultId: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  decision: Decision;
  documentType: string;
  resultName: string;
  agencyId: string;
  issuedAt: Date;
  sha256: string;
  keyId: string;
  signature: string;
  algorithm: string;
}

export type VerificationAnswer = { valid: true; result: VerifiedResult } | { valid: false; reason: VerificationFailure };

/**
 * Anyone (no sign-in) asks whether a PDF is a result of the tenant: found by its hash (or by
 * the result id printed on it), compared byte for byte through the hash, and its stored
 * signature verified under the tenant's public key. Only non-personal facts come back.
 */
@Injectable()
export class VerifyResultHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly repository: ResultRepository,
  ) {}

  async execute(input: { document?: Uint8Array; resultId?: string }): Promise<VerificationAnswer> {
    const document = input.document ?? new Uint8Array();
    if (document.length === 0 || document.length > MAX_VERIFIED_DOCUMENT_BYTES) {
      throw new ResultError(ResultErrorCode.InvalidRequest, 'Send the document to verify', {
        errors: [{ field: 'document', message: `1 to ${MAX_VERIFIED_DOCUMENT_BYTES} bytes` }],
      });
    }
    const resultId = input.resultId ? requireUuid(input.resultId, 'resultId') : undefined;
    const { tenantId } = currentTenant();
    return this.runner.run(async (manager) => {
      const stored = resultId ? await this.repository.result(manager, resultId) : await this.repository.resultByHash(manager, sha256Hex(document));
      const key = stored ? await this.repository.key(manager, stored.keyId) : null;
      const verdict = verifyDocument(
        stored && key ? { tenantId, resultId: stored.id, keyId: stored.keyId, sha256: stored.sha256, signature: stored.signature, publicKey: key.publicKey } : null,
        document,
      );
      if (!verdict.valid || !stored || !key) return { valid: false, reason: verdict.valid ? 'unknown_document' : verdict.reason };
      return {
        valid: true,
        result: {
          resultId: stored.id,
          dossierCode: stored.dossierCode,
          procedureCode: stored.procedureCode,
          procedureName: stored.procedureName,
          decision: stored.decision,
          documentType: stored.documentType,
          resultName: stored.resultName,
          agencyId: stored.agencyId,
          issuedAt: stored.issuedAt,
          sha256: stored.sha256,
          keyId: stored.keyId,
          signature: stored.signature,
          algorithm: key.algorithm,
        },
      };
    });
  }
}


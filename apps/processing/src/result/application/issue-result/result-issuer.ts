import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DossierResultIssuedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { currentTenant } from '@motcua/tenancy';
import { checkResultDocument, renderResultPdf, ResultDocument } from '../../domain/result-document';
import { sha256Hex, signStatement } from '../../domain/result-signature';
import { requireUuid, ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';
import { SigningKeys } from '../signing-keys';
import { IssuedResult, ResultFacts } from './result-facts';

/**
 * Issues a dossier's result document inside the caller's tenant transaction (the approve or
 * refuse handler's): renders the PDF, hashes it, signs the hash with the tenant's key, stores
 * the immutable result and appends `dossier.result-issued` to the outbox. All of it commits
 * or rolls back with the decision.
 */
@Injectable()
export class ResultIssuer {
  constructor(
    private readonly repository: ResultRepository,
    private readonly keys: SigningKeys,
    private readonly outbox: OutboxWriter,
  ) {}

  async issue(manager: EntityManager, facts: ResultFacts): Promise<IssuedResult> {
    const dossierId = requireUuid(facts.dossierId, 'dossierId');
    if (!(facts.decidedAt instanceof Date)) {
      throw new ResultError(ResultErrorCode.InvalidRequest, 'decidedAt must be an instant', { errors: [{ field: 'decidedAt', message: 'a Date' }] });
    }
    const existing = await this.repository.resultOfDossier(manager, dossierId);
    if (existing) throw new ResultError(ResultErrorCode.AlreadyIssued, 'The dossier already has its result', { dossierId, resultId: existing });
    const key = await this.keys.inUse(manager);
    const { tenantId } = currentTenant();
    const document: ResultDocument = checkResultDocument({
      resultId: randomUUID(),
      tenantId,
      dossierCode: facts.dossierCode,
      procedureCode: facts.procedureCode,
      procedureName: facts.procedureName,
      decision: facts.decision,
      reasons: [...facts.reasons],
      agencyId: facts.agencyId,
      signerSubject: facts.decidedBy,
      issuedAt: facts.decidedAt,
      documentType: facts.documentType,
      resultName: facts.resultName,
      keyId: key.keyId,
    });
    const pdf = renderResultPdf(document);
    const sha256 = sha256Hex(pdf);
    const signature = signStatement(key.privateKey, { tenantId, resultId: document.resultId, keyId: key.keyId, sha256 });
    await this.repository.insertResult(manager, {
      id: document.resultId,
      dossierId,
      dossierCode: document.dossierCode,
      procedureCode: document.procedureCode,
      procedureName: document.procedureName,
      decision: document.decision,
      reasons: [...document.reasons],
      agencyId: document.agencyId,
      documentType: document.documentType,
      resultName: document.resultName,
      sha256,
      signature,
      keyId: key.keyId,
      pdf,
      issuedAt: document.issuedAt,
      issuedBy: document.signerSubject,
    });
    await this.outbox.append(manager, {
      type: DossierResultIssuedV1.type,
      subject: dossierId,
      data: {
        dossierId,
        resultId: document.resultId,
        decision: document.decision,
        documentType: document.documentType,
        sha256,
        keyId: key.keyId,
        issuedAt: document.issuedAt.toISOString(),
        agencyId: document.agencyId,
      },
    });
    return { resultId: document.resultId, sha256, keyId: key.keyId, signature };
  }
}

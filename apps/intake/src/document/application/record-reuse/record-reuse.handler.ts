import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DocumentReusedV1 } from '@motcua/contracts';
import { OutboxWriter } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { checkComponentCode, checkUuid } from '../../domain/document';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { DocumentRepository } from '../../persistence/document.repository';
import { actingFor, OnBehalfOf } from '../acting-for';

export interface RecordReuseInput {
  documentId?: string;
  dossierId?: string;
  componentCode?: string;
  onBehalfOf?: OnBehalfOf | null;
}

export interface RecordedReuse {
  readonly reuseId: string;
  readonly reusedAt: Date;
}

/**
 * A wallet document satisfies a component of a dossier: one reuse row and `document.reused`
 * (ids and codes only) in one transaction. The same document for the same component of the
 * same dossier is recorded once (a retry is refused as a conflict, without a second event).
 */
@Injectable()
export class RecordReuseHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(input: RecordReuseInput): Promise<RecordedReuse> {
    const acting = actingFor(input.onBehalfOf);
    const documentId = checkUuid(input.documentId ?? '', 'documentId');
    const dossierId = checkUuid(input.dossierId ?? '', 'dossierId');
    const componentCode = checkComponentCode(input.componentCode ?? '');
    return this.runner.run(async (manager) => {
      const document = await this.documents.findById(manager, documentId);
      if (!document || document.ownerSubject !== acting.owner) {
        throw new DocumentError(DocumentErrorCode.DocumentNotFound, 'No such document', { id: documentId });
      }
      if (document.walletSource === null) {
        throw new DocumentError(DocumentErrorCode.NotInWallet, 'Only documents of the wallet are reused', { id: documentId });
      }
      if (!(await this.documents.dossierExists(manager, dossierId))) {
        throw new DocumentError(DocumentErrorCode.DossierNotFound, 'No such dossier', { id: dossierId });
      }
      const reuse = { id: randomUUID(), documentId, dossierId, componentCode, recordedBy: acting.actor, reusedAt: new Date() };
      if (!(await this.documents.insertReuse(manager, reuse))) {
        throw new DocumentError(DocumentErrorCode.AlreadyReused, 'This document is already recorded for this component', { documentId, dossierId, componentCode });
      }
      await this.outbox.append(manager, {
        type: DocumentReusedV1.type,
        subject: dossierId,
        data: {
          reuseId: reuse.id,
          documentId,
          dossierId,
          componentCode,
          documentType: document.documentType,
          reusedAt: reuse.reusedAt.toISOString(),
        },
      });
      return { reuseId: reuse.id, reusedAt: reuse.reusedAt };
    });
  }
}

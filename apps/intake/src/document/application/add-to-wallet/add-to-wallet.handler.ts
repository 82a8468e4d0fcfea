import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { checkDocumentType, checkUuid, checkWalletSource, StoredDocument } from '../../domain/document';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { DocumentRepository } from '../../persistence/document.repository';
import { actingFor, OnBehalfOf } from '../acting-for';

export interface AddToWalletInput {
  documentId?: string;
  source?: string;
  documentType?: string;
  onBehalfOf?: OnBehalfOf | null;
}

/**
 * Puts an uploaded document in its owner's wallet: digitized at the desk (a desk officer for
 * the applicant) or a result. Another owner's document is "not found" (no existence leak).
 */
@Injectable()
export class AddToWalletHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly documents: DocumentRepository,
  ) {}

  async execute(input: AddToWalletInput): Promise<StoredDocument> {
    const acting = actingFor(input.onBehalfOf);
    const id = checkUuid(input.documentId ?? '', 'documentId');
    const source = checkWalletSource(input.source ?? '');
    const requestedType = checkDocumentType(input.documentType ?? '');
    return this.runner.run(async (manager) => {
      const document = await this.documents.findById(manager, id, { lock: true });
      if (!document || document.ownerSubject !== acting.owner) {
        throw new DocumentError(DocumentErrorCode.DocumentNotFound, 'No such document', { id });
      }
      const documentType = requestedType || document.documentType;
      if (documentType === '') {
        throw new DocumentError(DocumentErrorCode.InvalidRequest, 'A wallet document needs a document type', {
          errors: [{ field: 'documentType', message: 'required (none was given at upload)' }],
        });
      }
      const at = new Date();
      await this.documents.putInWallet(manager, id, source, documentType, at);
      return { ...document, walletSource: source, documentType, walletAddedAt: at };
    });
  }
}

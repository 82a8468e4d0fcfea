import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { checkDocumentType, StoredDocument } from '../../domain/document';
import { DocumentRepository } from '../../persistence/document.repository';
import { actingFor, OnBehalfOf } from '../acting-for';

/** The owner's wallet (digitized documents and earlier results), by document type. */
@Injectable()
export class ListWalletDocumentsHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly documents: DocumentRepository,
  ) {}

  async execute(documentType: string | null | undefined, onBehalfOf: OnBehalfOf | null | undefined): Promise<StoredDocument[]> {
    const acting = actingFor(onBehalfOf);
    const type = documentType === undefined || documentType === null ? undefined : checkDocumentType(documentType);
    return this.runner.run((manager) => this.documents.wallet(manager, acting.owner, type));
  }
}

import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { sniffContentType } from '../../domain/content-sniffer';
import { StoredDocument } from '../../domain/document';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { DocumentRepository } from '../../persistence/document.repository';
import { actingFor } from '../acting-for';
import { DocumentStorage, storageKey } from '../document-storage.port';
import { UploadDocumentCommand } from './upload-document.command';

/**
 * Checks the bytes (type sniffed from the content, never from the name or the declaration),
 * stores them, then the metadata row. A refused file leaves nothing behind; a failed insert
 * removes the stored bytes again.
 */
@Injectable()
export class UploadDocumentHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly storage: DocumentStorage,
  ) {}

  async execute(command: UploadDocumentCommand): Promise<StoredDocument> {
    const acting = actingFor(command.onBehalfOf);
    const sniffed = sniffContentType(command.content);
    if (!sniffed.allowed) {
      throw new DocumentError(DocumentErrorCode.ContentRefused, 'The file content is not an accepted type (PDF, JPEG, PNG, DOCX or XML)', {
        detectedContentType: sniffed.detected,
        declaredContentType: command.declaredContentType,
        errors: [{ field: 'content', message: `content is ${sniffed.detected}, not PDF, JPEG, PNG, DOCX or XML` }],
      });
    }
    const id = randomUUID();
    const document: StoredDocument = {
      id,
      ownerSubject: acting.owner,
      uploadedBy: acting.actor,
      documentType: command.documentType,
      sizeBytes: command.content.length,
      sha256: createHash('sha256').update(command.content).digest('hex'),
      contentType: sniffed.contentType,
      fileName: command.fileName,
      storageKey: storageKey(currentTenant().tenantId, id),
      walletSource: null,
      walletAddedAt: null,
      createdAt: new Date(),
    };
    await this.storage.put(document.storageKey, command.content);
    try {
      await this.runner.run((manager) => this.documents.insert(manager, document));
    } catch (error) {
      await this.storage.delete(document.storageKey);
      throw error;
    }
    return document;
  }
}

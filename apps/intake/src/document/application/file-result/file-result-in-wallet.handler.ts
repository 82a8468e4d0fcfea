import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DossierResultIssuedV1, EventData } from '@motcua/contracts';
import { Inbox } from '@motcua/messaging';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { StoredDocument } from '../../domain/document';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { decideResultFiling, FilingSkipReason } from '../../domain/result-filing';
import { DocumentRepository } from '../../persistence/document.repository';
import { DocumentStorage, storageKey } from '../document-storage.port';
import { ProcessingResults } from './processing-results.port';

export const FILE_RESULT_CONSUMER = 'file-result-in-wallet';

export type IssuedResult = EventData<typeof DossierResultIssuedV1>;

export type FilingOutcome =
  | { readonly filed: true; readonly document: StoredDocument }
  | { readonly filed: false; readonly reason: FilingSkipReason | 'already_processed' };

/**
 * `dossier.result-issued` → the applicant's wallet, once per event (inbox claim and document
 * row in one tenant transaction). An approved result of a dossier with an owner subject is
 * fetched from processing (no actor: service to service), checked against the event's hash
 * and dossier, stored through the DocumentStorage port and recorded as a `result` wallet
 * document of the applicant. Refusals and dossiers without a signed-in applicant file nothing
 * (docs/documents.md). The fetch runs inside the transaction, bounded by the adapter's
 * deadline, so a redelivered event never fetches again. Logs carry ids and codes only.
 */
@Injectable()
export class FileResultInWalletHandler {
  private readonly logger = new Logger(FileResultInWalletHandler.name);

  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly storage: DocumentStorage,
    private readonly results: ProcessingResults,
    private readonly inbox: Inbox,
  ) {}

  async execute(eventId: string, result: IssuedResult): Promise<FilingOutcome> {
    let storedKey: string | null = null;
    try {
      const outcome = await this.runner.run(async (manager): Promise<FilingOutcome> => {
        if (!(await this.inbox.claim(manager, FILE_RESULT_CONSUMER, eventId))) return { filed: false, reason: 'already_processed' };
        const dossier = await this.documents.dossierForFiling(manager, result.dossierId);
        if (!dossier) throw new DocumentError(DocumentErrorCode.DossierNotFound, 'A result was issued for a dossier intake does not know', { id: result.dossierId });
        const decision = decideResultFiling(result, dossier);
        if (!decision.file) return { filed: false, reason: decision.reason };
        const issued = await this.results.resultForFiling(result.resultId);
        const sha256 = createHash('sha256').update(issued.content).digest('hex');
        if (sha256 !== result.sha256 || issued.sha256 !== result.sha256 || issued.dossierId !== result.dossierId) {
          throw new DocumentError(DocumentErrorCode.ResultMismatch, 'The result served by processing is not the one the event names', {
            resultId: result.resultId,
            dossierId: result.dossierId,
            expectedSha256: result.sha256,
            servedSha256: sha256,
          });
        }
        const id = randomUUID();
        const now = new Date();
        const document: StoredDocument = {
          id,
          ownerSubject: decision.ownerSubject,
          uploadedBy: `result:${result.agencyId}`,
          documentType: decision.documentType,
          sizeBytes: issued.content.length,
          sha256,
          contentType: 'application/pdf',
          fileName: decision.fileName,
          storageKey: storageKey(currentTenant().tenantId, id),
          walletSource: 'result',
          walletAddedAt: now,
          createdAt: now,
        };
        await this.storage.put(document.storageKey, issued.content);
        storedKey = document.storageKey;
        await this.documents.insert(manager, document);
        return { filed: true, document };
      });
      const documentId = outcome.filed ? outcome.document.id : undefined;
      this.logger.log({ dossierId: result.dossierId, resultId: result.resultId, documentId, outcome: outcome.filed ? 'filed' : outcome.reason }, 'result filing');
      return outcome;
    } catch (error) {
      // Nothing committed: the stored bytes (if any) go again, the inbox claim is released, and the consumer retries.
      if (storedKey !== null) {
        await this.storage.delete(storedKey).catch((deleteError: unknown) => {
          throw new Error('Filing a result failed and its stored bytes could not be removed', { cause: new AggregateError([error, deleteError]) });
        });
      }
      throw error;
    }
  }
}

import { Controller } from '@nestjs/common';
import { IntakeDocumentsV1 } from '@motcua/contracts';
import { GetReceiptHandler } from '../../receipt/get-receipt.handler';
import { AddToWalletHandler } from '../application/add-to-wallet/add-to-wallet.handler';
import { DocumentLimits } from '../application/document-limits';
import { ListWalletDocumentsHandler } from '../application/list-wallet-documents/list-wallet-documents.handler';
import { RecordReuseHandler } from '../application/record-reuse/record-reuse.handler';
import { UploadDocumentCommand } from '../application/upload-document/upload-document.command';
import { UploadDocumentHandler } from '../application/upload-document/upload-document.handler';
import { StoredDocument } from '../domain/document';

@Controller()
@IntakeDocumentsV1.DocumentServiceControllerMethods()
export class DocumentController implements IntakeDocumentsV1.DocumentServiceController {
  constructor(
    private readonly limits: DocumentLimits,
    private readonly upload: UploadDocumentHandler,
    private readonly listWallet: ListWalletDocumentsHandler,
    private readonly addWallet: AddToWalletHandler,
    private readonly reuse: RecordReuseHandler,
    private readonly receipt: GetReceiptHandler,
  ) {}

  async uploadDocument(request: IntakeDocumentsV1.UploadDocumentRequest): Promise<IntakeDocumentsV1.Document> {
    return toProto(await this.upload.execute(UploadDocumentCommand.create(request, this.limits.maxBytes)));
  }

  async listWalletDocuments(request: IntakeDocumentsV1.ListWalletDocumentsRequest): Promise<IntakeDocumentsV1.ListWalletDocumentsResponse> {
    const documents = await this.listWallet.execute(request.documentType, request.onBehalfOf);
    return { documents: documents.map(toProto) };
  }

  async addToWallet(request: IntakeDocumentsV1.AddToWalletRequest): Promise<IntakeDocumentsV1.Document> {
    return toProto(await this.addWallet.execute(request));
  }

  async recordReuse(request: IntakeDocumentsV1.RecordReuseRequest): Promise<IntakeDocumentsV1.RecordReuseResponse> {
    const recorded = await this.reuse.execute(request);
    return { reuseId: recorded.reuseId, reusedAt: recorded.reusedAt.toISOString() };
  }

  async getReceipt(request: IntakeDocumentsV1.GetReceiptRequest): Promise<IntakeDocumentsV1.Receipt> {
    return this.receipt.execute(request);
  }
}

function toProto(document: StoredDocument): IntakeDocumentsV1.Document {
  return {
    id: document.id,
    ownerSubject: document.ownerSubject,
    documentType: document.documentType,
    contentType: document.contentType,
    size: String(document.sizeBytes),
    sha256: document.sha256,
    fileName: document.fileName,
    inWallet: document.walletSource !== null,
    walletSource: document.walletSource ?? '',
    createdAt: document.createdAt.toISOString(),
  };
}

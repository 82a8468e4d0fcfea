import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum DocumentErrorCode {
  InvalidRequest = 'DOCUMENT_REQUEST_INVALID',
  TooLarge = 'DOCUMENT_TOO_LARGE',
  ContentRefused = 'DOCUMENT_CONTENT_REFUSED',
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
  DossierNotFound = 'DOSSIER_NOT_FOUND',
  NotInWallet = 'DOCUMENT_NOT_IN_WALLET',
  AlreadyReused = 'DOCUMENT_REUSE_DUPLICATE',
  /** The bytes processing served for a result are not the ones its event names (hash or dossier differ). */
  ResultMismatch = 'DOCUMENT_RESULT_MISMATCH',
}

const categories: Record<DocumentErrorCode, ErrorCategory> = {
  [DocumentErrorCode.InvalidRequest]: 'invalid',
  [DocumentErrorCode.TooLarge]: 'invalid',
  [DocumentErrorCode.ContentRefused]: 'invalid',
  [DocumentErrorCode.DocumentNotFound]: 'not_found',
  [DocumentErrorCode.DossierNotFound]: 'not_found',
  [DocumentErrorCode.NotInWallet]: 'precondition',
  [DocumentErrorCode.AlreadyReused]: 'conflict',
  [DocumentErrorCode.ResultMismatch]: 'unprocessable',
};

export class DocumentError extends DomainError<DocumentErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: DocumentErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

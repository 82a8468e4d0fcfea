import { checkDocumentType, cleanFileName } from '../../domain/document';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { OnBehalfOf } from '../acting-for';

export interface UploadDocumentInput {
  content?: Uint8Array;
  declaredContentType?: string;
  fileName?: string;
  documentType?: string;
  onBehalfOf?: OnBehalfOf | null;
}

/** An upload whose fields are well formed; the content is checked by the handler. */
export class UploadDocumentCommand {
  private constructor(
    readonly content: Uint8Array,
    readonly declaredContentType: string,
    readonly fileName: string,
    readonly documentType: string,
    readonly onBehalfOf: OnBehalfOf | null | undefined,
  ) {}

  static create(input: UploadDocumentInput, maxBytes: number): UploadDocumentCommand {
    const content = input.content ?? new Uint8Array();
    if (content.length === 0) {
      throw new DocumentError(DocumentErrorCode.InvalidRequest, 'The file is empty', { errors: [{ field: 'content', message: 'required' }] });
    }
    if (content.length > maxBytes) {
      throw new DocumentError(DocumentErrorCode.TooLarge, `The file is larger than ${maxBytes} bytes`, {
        maxBytes,
        size: content.length,
        errors: [{ field: 'content', message: `at most ${maxBytes} bytes` }],
      });
    }
    const declared = (input.declaredContentType ?? '').slice(0, 200);
    return new UploadDocumentCommand(content, declared, cleanFileName(input.fileName ?? ''), checkDocumentType(input.documentType ?? ''), input.onBehalfOf);
  }
}

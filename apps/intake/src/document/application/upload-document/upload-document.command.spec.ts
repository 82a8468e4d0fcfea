import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { UploadDocumentCommand } from './upload-document.command';

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.max(0, size - 9), 0x20)]);

function refusal(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('UploadDocumentCommand.create', () => {
  it('accepts a file of exactly the limit and keeps only the base name', () => {
    const command = UploadDocumentCommand.create({ content: pdf(1024), fileName: 'C:\\Users\\an\\giay-khai-sinh.pdf', documentType: 'giay-khai-sinh' }, 1024);
    expect(command.fileName).toBe('giay-khai-sinh.pdf');
    expect(command.content.length).toBe(1024);
  });

  it('refuses one byte over the limit with the limit in the details', () => {
    const error = refusal(() => UploadDocumentCommand.create({ content: pdf(1025), fileName: 'a.pdf' }, 1024));
    expect(error.code).toBe(DocumentErrorCode.TooLarge);
    expect(error.category).toBe('invalid');
    expect(error.details).toMatchObject({ maxBytes: 1024, size: 1025 });
  });

  it.each([
    [{ content: Buffer.alloc(0), fileName: 'a.pdf' }, 'content'],
    [{ content: pdf(20), fileName: '' }, 'fileName'],
    [{ content: pdf(20), fileName: 'dir/' }, 'fileName'],
    [{ content: pdf(20), fileName: 'a.pdf', documentType: 'Giấy khai sinh' }, 'documentType'],
  ])('refuses %o on %s', (input, field) => {
    const error = refusal(() => UploadDocumentCommand.create(input, 1024));
    expect(error.code).toBe(DocumentErrorCode.InvalidRequest);
    expect(error.details.errors?.[0]?.field).toBe(field);
  });
});

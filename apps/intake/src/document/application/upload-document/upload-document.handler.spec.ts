import { EntityManager } from 'typeorm';
import { TenantTransactionRunner } from '@motcua/persistence';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { DocumentError, DocumentErrorCode } from '../../domain/document.errors';
import { DocumentRepository } from '../../persistence/document.repository';
import { DocumentStorage } from '../document-storage.port';
import { UploadDocumentCommand } from './upload-document.command';
import { UploadDocumentHandler } from './upload-document.handler';

class MemoryStorage extends DocumentStorage {
  readonly files = new Map<string, Buffer>();
  async put(key: string, content: Uint8Array) {
    this.files.set(key, Buffer.from(content));
  }
  async get(key: string) {
    return this.files.get(key) ?? null;
  }
  async delete(key: string) {
    this.files.delete(key);
  }
}

const citizen: Actor = { subject: 'citizen-0001', roles: ['citizen'] };
const officer: Actor = { subject: 'desk-0001', roles: ['desk_officer'], agencyId: '000.00.01.H33', deskIds: ['Q01'] };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function setup(insert: () => Promise<void>) {
  const storage = new MemoryStorage();
  const rows: unknown[] = [];
  const runner = { run: (work: (m: EntityManager) => Promise<unknown>) => work({} as EntityManager) } as unknown as TenantTransactionRunner;
  const repository = { insert: async (_m: EntityManager, row: unknown) => (await insert(), rows.push(row)) } as unknown as DocumentRepository;
  return { storage, rows, handler: new UploadDocumentHandler(runner, repository, storage) };
}

const asActor = <T>(actor: Actor, work: () => Promise<T>) => runInTenant({ tenantId: 'hung-yen', traceId: newTraceId(), actor }, work);

describe('UploadDocumentHandler', () => {
  it('stores bytes under a key of tenant and id, never the file name', async () => {
    const { handler, storage, rows } = setup(async () => undefined);
    const stored = await asActor(citizen, () => handler.execute(UploadDocumentCommand.create({ content: PDF, fileName: '../../evil.pdf' }, 1024)));
    expect([...storage.files.keys()]).toEqual([`hung-yen/${stored.id}`]);
    expect(rows).toHaveLength(1);
    expect(stored).toMatchObject({ ownerSubject: citizen.subject, uploadedBy: citizen.subject, fileName: 'evil.pdf', contentType: 'application/pdf' });
  });

  it('removes the stored bytes again when the row cannot be written', async () => {
    const { handler, storage } = setup(async () => {
      throw new Error('database down');
    });
    await expect(asActor(citizen, () => handler.execute(UploadDocumentCommand.create({ content: PDF, fileName: 'a.pdf' }, 1024)))).rejects.toThrow('database down');
    expect(storage.files.size).toBe(0);
  });

  it('stores nothing for a disguised file', async () => {
    const { handler, storage, rows } = setup(async () => undefined);
    const error = await asActor(citizen, () => handler.execute(UploadDocumentCommand.create({ content: Buffer.from('MZ\x90\x00'), fileName: 'a.pdf' }, 1024))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).code).toBe(DocumentErrorCode.ContentRefused);
    expect(storage.files.size + rows.length).toBe(0);
  });

  it('makes the applicant the owner when a desk officer uploads at their desk', async () => {
    const { handler } = setup(async () => undefined);
    const stored = await asActor(officer, () =>
      handler.execute(UploadDocumentCommand.create({ content: PDF, fileName: 'a.pdf', onBehalfOf: { applicantSubject: 'citizen-0002', deskId: 'Q01' } }, 1024)),
    );
    expect(stored).toMatchObject({ ownerSubject: 'citizen-0002', uploadedBy: officer.subject });
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentStorageCases } from './document-storage.cases';
import { LocalDocumentStorage } from './local-document-storage';

describe('LocalDocumentStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-storage-'));
  const storage = new LocalDocumentStorage(root);
  afterAll(() => rm(root, { recursive: true, force: true }));

  documentStorageCases(() => storage);

  it('writes through a temporary file it leaves no trace of', async () => {
    const key = `bac-ninh/${randomUUID()}`;
    await storage.put(key, Buffer.from('first'));
    await storage.put(key, Buffer.from('second'));
    expect(readdirSync(join(root, 'bac-ninh'))).toEqual([key.split('/')[1]]);
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDocumentStorage } from './local-document-storage';

describe('LocalDocumentStorage', () => {
  const root = mkdtempSync(join(tmpdir(), 'motcua-storage-'));
  const storage = new LocalDocumentStorage(root);
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('puts, gets, overwrites and deletes by key, leaving no temporary file', async () => {
    const key = `hung-yen/${randomUUID()}`;
    await storage.put(key, Buffer.from('first'));
    await storage.put(key, Buffer.from('second'));
    expect((await storage.get(key))?.toString()).toBe('second');
    expect(readdirSync(join(root, 'hung-yen'))).toEqual([key.split('/')[1]]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it.each(['../etc/passwd', 'hung-yen/../../x', 'hung-yen/giay-khai-sinh.pdf', '/abs/path', 'HUNG-YEN/' + randomUUID()])('refuses the key %s', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Invalid storage key');
    await expect(storage.get(key)).rejects.toThrow('Invalid storage key');
  });
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DocumentStorage } from '../application/document-storage.port';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * What every DocumentStorage adapter must do, run by each adapter's spec against its real
 * backend (a directory, the S3 simulator). `storage` is read when a test runs, so a spec may
 * create the adapter in `beforeAll`.
 */
export function documentStorageCases(storage: () => DocumentStorage): void {
  it('puts, gets, overwrites and deletes by key; deleting a missing key is not an error', async () => {
    const key = `hung-yen/${randomUUID()}`;
    await storage().put(key, Buffer.from('first'));
    await storage().put(key, Buffer.from('second'));
    expect((await storage().get(key))?.toString()).toBe('second');
    await storage().delete(key);
    expect(await storage().get(key)).toBeNull();
    await expect(storage().delete(key)).resolves.toBeUndefined();
  });

  it('answers null for a key never stored', async () => {
    expect(await storage().get(`hung-yen/${randomUUID()}`)).toBeNull();
  });

  it('returns exactly the bytes stored: every byte value, an empty file, 1 MiB of random bytes (same SHA-256)', async () => {
    const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);
    const large = randomBytes(1024 * 1024);
    for (const content of [everyByte, new Uint8Array(0), large]) {
      const key = `hung-yen/${randomUUID()}`;
      await storage().put(key, content);
      const read = await storage().get(key);
      expect(read).not.toBeNull();
      expect(read?.length).toBe(content.length);
      expect(sha256(read ?? Buffer.alloc(0))).toBe(sha256(content));
    }
  });

  it('keeps tenants apart: the same document id under two tenants is two objects', async () => {
    const id = randomUUID();
    await storage().put(`hung-yen/${id}`, Buffer.from('hung-yen'));
    await storage().put(`thai-nguyen/${id}`, Buffer.from('thai-nguyen'));
    await storage().delete(`thai-nguyen/${id}`);
    expect((await storage().get(`hung-yen/${id}`))?.toString()).toBe('hung-yen');
    expect(await storage().get(`thai-nguyen/${id}`)).toBeNull();
  });

  it.each(['../etc/passwd', 'hung-yen/../../x', 'hung-yen/giay-khai-sinh.pdf', '/abs/path', 'HUNG-YEN/' + randomUUID()])('refuses the key %s', async (key) => {
    await expect(storage().put(key, Buffer.from('x'))).rejects.toThrow('Invalid storage key');
    await expect(storage().get(key)).rejects.toThrow('Invalid storage key');
    await expect(storage().delete(key)).rejects.toThrow('Invalid storage key');
  });
}

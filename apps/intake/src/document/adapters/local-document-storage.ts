import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DocumentStorage, STORAGE_KEY_PATTERN } from '../application/document-storage.port';

/**
 * Documents as files under one root directory: `<root>/<tenant>/<uuid>`. A write goes to a
 * temporary file in the same directory, flushed, then renamed over the target (atomic on one
 * filesystem), so a crash never leaves half a file under a real key.
 */
export class LocalDocumentStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!STORAGE_KEY_PATTERN.test(key)) throw new Error('Invalid storage key');
    return join(this.root, key);
  }

  async put(key: string, content: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, content, { mode: 0o600, flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new Error('Could not store the document', { cause: error });
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      // Not instanceof Error: fs errors may come from another realm (jest's vm).
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

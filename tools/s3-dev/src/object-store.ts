import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredObject {
  readonly body: Buffer;
  /** Hex MD5 of the body (S3's ETag of a single-part upload, without the quotes). */
  readonly md5: string;
  readonly contentType: string;
  readonly lastModified: Date;
  readonly serverSideEncryption: string | null;
}

/** Where the simulator keeps objects: one map in memory, or one file per object. */
export interface ObjectStore {
  get(bucket: string, key: string): Promise<StoredObject | null>;
  put(bucket: string, key: string, object: StoredObject): Promise<void>;
  delete(bucket: string, key: string): Promise<void>;
}

export class MemoryObjectStore implements ObjectStore {
  private readonly objects = new Map<string, StoredObject>();

  async get(bucket: string, key: string): Promise<StoredObject | null> {
    return this.objects.get(`${bucket}/${key}`) ?? null;
  }

  async put(bucket: string, key: string, object: StoredObject): Promise<void> {
    this.objects.set(`${bucket}/${key}`, { ...object, body: Buffer.from(object.body) });
  }

  async delete(bucket: string, key: string): Promise<void> {
    this.objects.delete(`${bucket}/${key}`);
  }
}

interface FileHeader {
  key: string;
  md5: string;
  contentType: string;
  lastModified: string;
  serverSideEncryption: string | null;
}

/**
 * `<directory>/<bucket>/<sha256(key)>`: one line of JSON metadata, then the bytes. Written to a
 * temporary file and renamed over the target, so a reader sees an object whole or not at all.
 */
export class FileObjectStore implements ObjectStore {
  constructor(private readonly directory: string) {}

  private pathOf(bucket: string, key: string): string {
    return join(this.directory, bucket, createHash('sha256').update(key).digest('hex'));
  }

  async get(bucket: string, key: string): Promise<StoredObject | null> {
    let file: Buffer;
    try {
      file = await readFile(this.pathOf(bucket, key));
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
      throw error;
    }
    const newline = file.indexOf(0x0a);
    const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as FileHeader;
    return {
      body: file.subarray(newline + 1),
      md5: header.md5,
      contentType: header.contentType,
      lastModified: new Date(header.lastModified),
      serverSideEncryption: header.serverSideEncryption,
    };
  }

  async put(bucket: string, key: string, object: StoredObject): Promise<void> {
    const target = this.pathOf(bucket, key);
    await mkdir(join(this.directory, bucket), { recursive: true, mode: 0o700 });
    const header: FileHeader = {
      key,
      md5: object.md5,
      contentType: object.contentType,
      lastModified: object.lastModified.toISOString(),
      serverSideEncryption: object.serverSideEncryption,
    };
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), object.body]), { mode: 0o600, flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async delete(bucket: string, key: string): Promise<void> {
    await rm(this.pathOf(bucket, key), { force: true });
  }
}

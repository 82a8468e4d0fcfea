/**
 * Where document bytes live, by an opaque key the service makes (never user input).
 *
 * Adapters: `LocalDocumentStorage` (filesystem, the default and the tests') and
 * `S3DocumentStorage` (an S3-compatible object store, one bucket per environment, keys as
 * given; chosen with DOCUMENT_STORAGE=s3, see `documentStorageFor`).
 */
export abstract class DocumentStorage {
  /** Stores `content` under `key` atomically: readers see all of it or nothing. */
  abstract put(key: string, content: Uint8Array): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes `key`; removing a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
}

/** `<tenant>/<uuid>`: both made by the service, checked again by the adapters. */
export const STORAGE_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function storageKey(tenantId: string, documentId: string): string {
  const key = `${tenantId}/${documentId}`;
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error('Invalid storage key');
  return key;
}

import type { IntakeConfig } from '../../config/intake.config';
import { DocumentStorage } from '../application/document-storage.port';
import { LocalDocumentStorage } from './local-document-storage';
import { S3DocumentStorage } from './s3-document-storage';

type StorageConfig = Pick<
  IntakeConfig,
  | 'DOCUMENT_STORAGE'
  | 'DOCUMENT_STORAGE_DIR'
  | 'S3_ENDPOINT'
  | 'S3_BUCKET'
  | 'S3_REGION'
  | 'S3_ACCESS_KEY_ID'
  | 'S3_SECRET_ACCESS_KEY'
  | 'S3_SERVER_SIDE_ENCRYPTION'
  | 'S3_TIMEOUT_MS'
>;

function required(value: string | undefined, name: string): string {
  // The config schema already refuses DOCUMENT_STORAGE=s3 without these; this narrows the type.
  if (value === undefined) throw new TypeError(`${name} is required when DOCUMENT_STORAGE=s3`);
  return value;
}

/** The adapter DOCUMENT_STORAGE names: a local directory (default) or an S3-compatible store. */
export function documentStorageFor(config: StorageConfig): DocumentStorage {
  switch (config.DOCUMENT_STORAGE) {
    case 'local':
      return new LocalDocumentStorage(config.DOCUMENT_STORAGE_DIR);
    case 's3':
      return new S3DocumentStorage({
        endpoint: required(config.S3_ENDPOINT, 'S3_ENDPOINT'),
        bucket: required(config.S3_BUCKET, 'S3_BUCKET'),
        region: required(config.S3_REGION, 'S3_REGION'),
        accessKeyId: required(config.S3_ACCESS_KEY_ID, 'S3_ACCESS_KEY_ID'),
        secretAccessKey: required(config.S3_SECRET_ACCESS_KEY, 'S3_SECRET_ACCESS_KEY'),
        serverSideEncryption: config.S3_SERVER_SIDE_ENCRYPTION,
        timeoutMs: config.S3_TIMEOUT_MS,
      });
    default: {
      const unknown: never = config.DOCUMENT_STORAGE;
      throw new TypeError(`Unknown DOCUMENT_STORAGE ${String(unknown)}`);
    }
  }
}

import { ConfigError } from '@motcua/platform';
import { loadIntakeConfig } from '../../config/intake.config';
import { documentStorageFor } from './document-storage.factory';
import { LocalDocumentStorage } from './local-document-storage';
import { S3DocumentStorage } from './s3-document-storage';

const base = {
  DATABASE_URL: 'postgres://motcua_intake@127.0.0.1:5432/motcua',
  OUTBOX_RELAY_DATABASE_URL: 'postgres://motcua_intake_relay@127.0.0.1:5432/motcua',
  KAFKA_BROKERS: '127.0.0.1:9092',
  CATALOGUE_GRPC_URL: '127.0.0.1:50052',
  PROCESSING_GRPC_URL: '127.0.0.1:50054',
  PSEUDONYM_KEY: 'test-pseudonym-key-0123456789abcdef',
};
const s3 = {
  DOCUMENT_STORAGE: 's3',
  S3_ENDPOINT: 'https://s3.example.gov.vn',
  S3_BUCKET: 'motcua-documents',
  S3_REGION: 'ap-southeast-1',
  S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
  S3_SECRET_ACCESS_KEY: 'secret',
};

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadIntakeConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('document storage from the intake configuration', () => {
  it('is the local directory by default', () => {
    const config = loadIntakeConfig({ ...base, DOCUMENT_STORAGE_DIR: '/var/lib/motcua/documents' });
    expect(config.DOCUMENT_STORAGE).toBe('local');
    expect(documentStorageFor(config)).toBeInstanceOf(LocalDocumentStorage);
  });

  it('is the S3 adapter with DOCUMENT_STORAGE=s3 and every S3 setting', () => {
    const config = loadIntakeConfig({ ...base, ...s3, S3_SERVER_SIDE_ENCRYPTION: 'AES256' });
    expect(config).toMatchObject({ S3_BUCKET: 'motcua-documents', S3_SERVER_SIDE_ENCRYPTION: 'AES256', S3_TIMEOUT_MS: 30_000 });
    expect(documentStorageFor(config)).toBeInstanceOf(S3DocumentStorage);
  });

  it('refuses to start with DOCUMENT_STORAGE=s3 and any S3 setting missing, naming each', () => {
    expect(problems({ ...base, DOCUMENT_STORAGE: 's3' })).toEqual([
      'S3_ENDPOINT: required when DOCUMENT_STORAGE=s3',
      'S3_BUCKET: required when DOCUMENT_STORAGE=s3',
      'S3_REGION: required when DOCUMENT_STORAGE=s3',
      'S3_ACCESS_KEY_ID: required when DOCUMENT_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: required when DOCUMENT_STORAGE=s3',
    ]);
    expect(problems({ ...base, ...s3, S3_SECRET_ACCESS_KEY: undefined })).toEqual(['S3_SECRET_ACCESS_KEY: required when DOCUMENT_STORAGE=s3']);
  });

  it('refuses malformed S3 settings and unknown storage kinds', () => {
    const found = problems({ ...base, ...s3, S3_ENDPOINT: 'ftp://s3.example.gov.vn', S3_BUCKET: 'Motcua_Documents', S3_REGION: 'AP SE 1', S3_SERVER_SIDE_ENCRYPTION: 'DES' });
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^S3_ENDPOINT: /);
    expect(found[1]).toMatch(/^S3_BUCKET: an S3 bucket name/);
    expect(found[2]).toMatch(/^S3_REGION: a region name/);
    expect(found[3]).toMatch(/^S3_SERVER_SIDE_ENCRYPTION: /);
    expect(problems({ ...base, DOCUMENT_STORAGE: 'gcs' })).toEqual([expect.stringMatching(/^DOCUMENT_STORAGE: /)]);
  });

  it('does not ask for S3 settings when the storage is local', () => {
    expect(problems({ ...base, DOCUMENT_STORAGE: 'local' })).toEqual([]);
  });
});

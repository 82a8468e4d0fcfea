import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the S3 simulator is a dev tool (like tools/oidc-dev), no Nx project; only tests import it
import { LocalS3, startLocalS3 } from '../../../../../tools/s3-dev/src';
import { documentStorageCases } from './document-storage.cases';
import { EMPTY_PAYLOAD_SHA256, signS3Request } from './sigv4';
import { S3DocumentStorage, S3DocumentStorageOptions, S3StorageError } from './s3-document-storage';

const ACCESS_KEY_ID = 'motcua-intake';
const SECRET_ACCESS_KEY = 'intake-secret-0123456789abcdef';
const BUCKET = 'motcua-documents';

async function rejection(promise: Promise<unknown>): Promise<S3StorageError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof S3StorageError)) throw new Error(`expected an S3StorageError, got ${String(error)}`);
  return error;
}

describe('S3DocumentStorage against tools/s3-dev', () => {
  let s3: LocalS3;
  let options: S3DocumentStorageOptions;
  let storage: S3DocumentStorage;

  beforeAll(async () => {
    s3 = await startLocalS3({ accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, region: 'ap-southeast-1', buckets: [BUCKET] });
    options = { endpoint: s3.url, bucket: BUCKET, region: 'ap-southeast-1', accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY };
    storage = new S3DocumentStorage(options);
  });
  afterAll(() => s3.close());

  documentStorageCases(() => storage);

  it('stores the bytes under their MD5 ETag and reads back the same SHA-256', async () => {
    const key = `hung-yen/${randomUUID()}`;
    const content = randomBytes(64 * 1024 + 7);
    await storage.put(key, content);
    expect(await storage.stat(key)).toEqual({ sizeBytes: content.length, etag: createHash('md5').update(content).digest('hex') });
    const read = await storage.get(key);
    expect(createHash('sha256').update(read ?? Buffer.alloc(0)).digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('a missing object is not found: get and stat answer null', async () => {
    const key = `hung-yen/${randomUUID()}`;
    expect(await storage.get(key)).toBeNull();
    expect(await storage.stat(key)).toBeNull();
  });

  it('a wrong secret is refused with SignatureDoesNotMatch, and nothing is stored', async () => {
    const key = `hung-yen/${randomUUID()}`;
    const wrong = new S3DocumentStorage({ ...options, secretAccessKey: 'not-the-secret' });
    const error = await rejection(wrong.put(key, Buffer.from('%PDF-1.7 giấy khai sinh')));
    expect(error).toMatchObject({ operation: 'PUT', status: 403, s3Code: 'SignatureDoesNotMatch' });
    expect(error.message).toBe(
      `S3 PUT ${BUCKET}/${key} failed with 403 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. ` +
        'Check your key and signing method. (check S3_SECRET_ACCESS_KEY)',
    );
    expect(error.requestId).toMatch(/^[0-9A-F]{16}$/);
    // A read with the wrong secret fails the same way instead of passing for "not found".
    expect(await rejection(wrong.get(key))).toMatchObject({ status: 403, s3Code: 'SignatureDoesNotMatch' });
    expect(await storage.get(key)).toBeNull();
  });

  it('names the setting to check for a wrong access key, bucket or region', async () => {
    const key = `hung-yen/${randomUUID()}`;
    const wrongKey = await rejection(new S3DocumentStorage({ ...options, accessKeyId: 'someone-else' }).put(key, Buffer.from('x')));
    expect(wrongKey).toMatchObject({ status: 403, s3Code: 'InvalidAccessKeyId' });
    expect(wrongKey.message).toContain('(check S3_ACCESS_KEY_ID)');

    const wrongBucket = new S3DocumentStorage({ ...options, bucket: 'motcua-other' });
    const noBucket = await rejection(wrongBucket.put(key, Buffer.from('x')));
    expect(noBucket).toMatchObject({ status: 404, s3Code: 'NoSuchBucket' });
    expect(noBucket.message).toContain('(check S3_BUCKET)');
    // A missing bucket is an error on read too, never "no such document".
    expect(await rejection(wrongBucket.get(key))).toMatchObject({ status: 404, s3Code: 'NoSuchBucket' });

    const wrongRegion = await rejection(new S3DocumentStorage({ ...options, region: 'us-east-1' }).get(key));
    expect(wrongRegion).toMatchObject({ status: 400, s3Code: 'AuthorizationHeaderMalformed' });
    expect(wrongRegion.message).toContain('(check S3_REGION)');
    expect(await storage.get(key)).toBeNull();
  });

  it('asks for server-side encryption when configured', async () => {
    const key = `hung-yen/${randomUUID()}`;
    const encrypted = new S3DocumentStorage({ ...options, serverSideEncryption: 'AES256' });
    await encrypted.put(key, Buffer.from('encrypted at rest'));
    const url = new URL(`${s3.url}/${BUCKET}/${key}`);
    const { host: _host, ...headers } = signS3Request(
      { method: 'HEAD', path: url.pathname, headers: { host: url.host }, payloadHash: EMPTY_PAYLOAD_SHA256 },
      options,
      options.region,
      new Date(),
    );
    const response = await fetch(url, { method: 'HEAD', headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-server-side-encryption')).toBe('AES256');
    expect((await encrypted.get(key))?.toString()).toBe('encrypted at rest');
  });

  it('an endpoint that does not answer is a clear error carrying the network cause', async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(port));
      });
    });
    const error = await rejection(new S3DocumentStorage({ ...options, endpoint: `http://127.0.0.1:${closed}` }).get(`hung-yen/${randomUUID()}`));
    expect(error.status).toBeUndefined();
    expect(error.message).toContain(`no answer from http://127.0.0.1:${closed} (check S3_ENDPOINT)`);
    expect(error.cause).toBeDefined();
  });

  it('accepts an endpoint with a trailing slash; the simulator keeps objects on disk across a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'motcua-s3-dev-'));
    try {
      const settings = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, buckets: [BUCKET], directory };
      const first = await startLocalS3(settings);
      const key = `hung-yen/${randomUUID()}`;
      const content = randomBytes(4096);
      await new S3DocumentStorage({ ...options, endpoint: first.url, region: first.region }).put(key, content);
      const port = Number(new URL(first.url).port);
      await first.close();
      const second = await startLocalS3({ ...settings, port });
      try {
        const read = await new S3DocumentStorage({ ...options, endpoint: `${second.url}/`, region: second.region }).get(key);
        expect(read?.equals(content)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

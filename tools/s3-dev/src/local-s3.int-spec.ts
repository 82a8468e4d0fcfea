import { createHash } from 'node:crypto';
import { EMPTY_PAYLOAD_SHA256, sha256Hex, signS3Request } from '../../../apps/intake/src/document/adapters/sigv4';
import { LocalS3, startLocalS3 } from './index';

const credentials = { accessKeyId: 'dev-key', secretAccessKey: 'dev-secret' };
const BUCKET = 'motcua-documents';

interface SignedOptions {
  body?: Buffer;
  /** Headers signed along with host, x-amz-date and x-amz-content-sha256. */
  headers?: Record<string, string>;
  /** Sent but not signed. */
  unsignedHeaders?: Record<string, string>;
  payloadHash?: string;
  query?: Array<[string, string]>;
  now?: Date;
  secret?: string;
}

const code = (xml: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(xml)?.[1];

describe('tools/s3-dev', () => {
  let s3: LocalS3;

  beforeAll(async () => {
    s3 = await startLocalS3({ ...credentials, buckets: [BUCKET], maxObjectBytes: 1024 });
  });
  afterAll(() => s3.close());

  async function send(method: string, path: string, options: SignedOptions = {}) {
    const url = new URL(`${s3.url}${path}`);
    for (const [name, value] of options.query ?? []) url.searchParams.append(name, value);
    const payloadHash = options.payloadHash ?? sha256Hex(options.body ?? Buffer.alloc(0));
    const { host: _host, ...headers } = signS3Request(
      { method, path: decodeURIComponent(url.pathname), query: options.query, headers: { host: url.host, ...options.headers }, payloadHash },
      { ...credentials, secretAccessKey: options.secret ?? credentials.secretAccessKey },
      s3.region,
      options.now ?? new Date(),
    );
    const response = await fetch(url, { method, headers: { ...headers, ...options.unsignedHeaders }, body: options.body });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  it('PUT answers the MD5 ETag; GET and HEAD return the object and its headers; DELETE removes it', async () => {
    const body = Buffer.from('%PDF-1.7 test');
    const md5 = createHash('md5').update(body).digest();
    const put = await send('PUT', `/${BUCKET}/hung-yen/a`, { body, headers: { 'content-md5': md5.toString('base64'), 'content-type': 'application/pdf' } });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe(`"${md5.toString('hex')}"`);
    const get = await send('GET', `/${BUCKET}/hung-yen/a`);
    expect(get).toMatchObject({ status: 200, body });
    expect(get.headers.get('content-type')).toBe('application/pdf');
    expect(get.headers.get('last-modified')).toMatch(/GMT$/);
    const head = await send('HEAD', `/${BUCKET}/hung-yen/a`);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(body.length));
    expect(head.body.length).toBe(0);
    expect((await send('DELETE', `/${BUCKET}/hung-yen/a`)).status).toBe(204);
    expect((await send('DELETE', `/${BUCKET}/hung-yen/a`)).status).toBe(204);
  });

  it('a missing key is 404 NoSuchKey with an S3 XML error body (HEAD: no body)', async () => {
    const get = await send('GET', `/${BUCKET}/hung-yen/missing`);
    expect(get.status).toBe(404);
    expect(get.headers.get('content-type')).toBe('application/xml');
    const xml = get.body.toString();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Key>hung-yen\/missing<\/Key><RequestId>[0-9A-F]{16}<\/RequestId><\/Error>$/);
    expect(xml).toContain(`<RequestId>${get.headers.get('x-amz-request-id')}</RequestId>`);
    const head = await send('HEAD', `/${BUCKET}/hung-yen/missing`);
    expect(head).toMatchObject({ status: 404, body: Buffer.alloc(0) });
  });

  it('a signature made with another secret is 403 SignatureDoesNotMatch, with the canonical request to debug it', async () => {
    const put = await send('PUT', `/${BUCKET}/hung-yen/b`, { body: Buffer.from('x'), secret: 'wrong' });
    expect(put.status).toBe(403);
    expect(code(put.body.toString())).toBe('SignatureDoesNotMatch');
    expect(put.body.toString()).toContain('<CanonicalRequest>PUT\n/motcua-documents/hung-yen/b\n');
    expect((await send('GET', `/${BUCKET}/hung-yen/b`)).status).toBe(404);
  });

  it('refuses unsigned, unknown-key, stale, partly signed and wrongly scoped requests', async () => {
    const anonymous = await fetch(`${s3.url}/${BUCKET}/hung-yen/c`);
    expect([anonymous.status, code(await anonymous.text())]).toEqual([403, 'AccessDenied']);

    const url = `${s3.url}/${BUCKET}/hung-yen/c`;
    const signed = signS3Request(
      { method: 'GET', path: `/${BUCKET}/hung-yen/c`, headers: { host: new URL(url).host }, payloadHash: EMPTY_PAYLOAD_SHA256 },
      { accessKeyId: 'nobody', secretAccessKey: 'dev-secret' },
      s3.region,
      new Date(),
    );
    const unknown = await fetch(url, { headers: { authorization: signed.authorization, 'x-amz-date': signed['x-amz-date'], 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256 } });
    expect([unknown.status, code(await unknown.text())]).toEqual([403, 'InvalidAccessKeyId']);

    const stale = await send('GET', `/${BUCKET}/hung-yen/c`, { now: new Date(Date.now() - 20 * 60 * 1000) });
    expect([stale.status, code(stale.body.toString())]).toEqual([403, 'RequestTimeTooSkewed']);

    const partly = await send('PUT', `/${BUCKET}/hung-yen/c`, { body: Buffer.from('x'), unsignedHeaders: { 'x-amz-storage-class': 'STANDARD' } });
    expect([partly.status, code(partly.body.toString())]).toEqual([403, 'AccessDenied']);
    expect(partly.body.toString()).toContain('<HeadersNotSigned>x-amz-storage-class</HeadersNotSigned>');

    const malformed = await fetch(url, { headers: { authorization: 'AWS dev-key:c2lnbmF0dXJl' } });
    expect([malformed.status, code(await malformed.text())]).toEqual([400, 'AuthorizationHeaderMalformed']);
  });

  it('checks the payload against x-amz-content-sha256 and Content-MD5 before storing anything', async () => {
    const body = Buffer.from('the real bytes');
    const tampered = await send('PUT', `/${BUCKET}/hung-yen/d`, { body, payloadHash: sha256Hex('other bytes') });
    expect([tampered.status, code(tampered.body.toString())]).toEqual([400, 'XAmzContentSHA256Mismatch']);
    const badMd5 = await send('PUT', `/${BUCKET}/hung-yen/d`, { body, headers: { 'content-md5': createHash('md5').update('other').digest('base64') } });
    expect([badMd5.status, code(badMd5.body.toString())]).toEqual([400, 'BadDigest']);
    const invalidMd5 = await send('PUT', `/${BUCKET}/hung-yen/d`, { body, headers: { 'content-md5': 'not-a-digest' } });
    expect([invalidMd5.status, code(invalidMd5.body.toString())]).toEqual([400, 'InvalidDigest']);
    const tooLarge = await send('PUT', `/${BUCKET}/hung-yen/d`, { body: Buffer.alloc(2048) });
    expect([tooLarge.status, code(tooLarge.body.toString())]).toEqual([400, 'EntityTooLarge']);
    expect((await send('GET', `/${BUCKET}/hung-yen/d`)).status).toBe(404);
  });

  it('answers NoSuchBucket, and NotImplemented / MethodNotAllowed outside its subset', async () => {
    const noBucket = await send('GET', '/other-bucket/hung-yen/e');
    expect([noBucket.status, code(noBucket.body.toString())]).toEqual([404, 'NoSuchBucket']);
    const list = await send('GET', `/${BUCKET}`, { query: [['list-type', '2']] });
    expect([list.status, code(list.body.toString())]).toEqual([501, 'NotImplemented']);
    const acl = await send('GET', `/${BUCKET}/hung-yen/e`, { query: [['acl', '']] });
    expect([acl.status, code(acl.body.toString())]).toEqual([501, 'NotImplemented']);
    const post = await send('POST', `/${BUCKET}/hung-yen/e`);
    expect([post.status, code(post.body.toString())]).toEqual([405, 'MethodNotAllowed']);
  });

  it('keeps keys as given: spaces, UTF-8 and double slashes, never path-normalised', async () => {
    const put = await send('PUT', `/${BUCKET}/hung-yen//x%20%C3%BC`, { body: Buffer.from('odd') });
    expect(put.status).toBe(200);
    expect((await send('GET', `/${BUCKET}/hung-yen//x%20%C3%BC`)).body.toString()).toBe('odd');
    expect((await send('GET', `/${BUCKET}/hung-yen/x%20%C3%BC`)).status).toBe(404);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// The signing module the intake adapter signs with: the simulator verifies with the same code.
import { canonicalRequest, parseAmzDate, parseAuthorization, signature, signaturesEqual, stringToSign } from '../../../apps/intake/src/document/adapters/sigv4';
import { FileObjectStore, MemoryObjectStore, ObjectStore } from './object-store';

export interface LocalS3Options {
  /** 0 (default): any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The region requests must be signed for. Default us-east-1. */
  region?: string;
  /** The buckets that exist; any other answers NoSuchBucket. */
  buckets: readonly string[];
  /** Keep objects as files under this directory (survives a restart); default: in memory. */
  directory?: string;
  /** Largest object accepted by PUT. Default 64 MiB. */
  maxObjectBytes?: number;
  /** Allowed distance between x-amz-date and the simulator's clock. Default 15 minutes, as S3. */
  maxClockSkewMs?: number;
}

export interface LocalS3 {
  /** Endpoint for path-style requests: `http://127.0.0.1:<port>` (objects at `/<bucket>/<key>`). */
  readonly url: string;
  readonly region: string;
  close(): Promise<void>;
}

/** An S3 error answer: status, `<Code>`, `<Message>` and extra elements of the XML body. */
class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const xmlEscape = (value: string): string =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);

function errorXml(error: S3Error, requestId: string): string {
  const elements = { Code: error.code, Message: error.message, ...error.extra, RequestId: requestId };
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>' +
    Object.entries(elements)
      .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
      .join('') +
    '</Error>'
  );
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    throw new S3Error(400, 'InvalidURI', `Couldn't parse the specified URI (${error instanceof Error ? error.message : String(error)}).`);
  }
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', { MaxSizeAllowed: String(maxBytes) });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.', { MaxSizeAllowed: String(maxBytes) });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

interface ParsedTarget {
  /** Decoded path, as signed. */
  path: string;
  query: Array<[string, string]>;
  bucket: string;
  key: string;
}

function parseTarget(rawUrl: string): ParsedTarget {
  // The raw request target, never URL-normalised: S3 keeps `..` and `//` in keys as they are.
  const queryAt = rawUrl.indexOf('?');
  const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : rawUrl.slice(queryAt + 1);
  if (!rawPath.startsWith('/')) throw new S3Error(400, 'InvalidURI', "Couldn't parse the specified URI.");
  const path = rawPath.split('/').map(decodeSegment).join('/');
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [decodeSegment(pair), ''] : [decodeSegment(pair.slice(0, equals)), decodeSegment(pair.slice(equals + 1))];
    });
  const slash = path.indexOf('/', 1);
  return { path, query, bucket: slash === -1 ? path.slice(1) : path.slice(1, slash), key: slash === -1 ? '' : path.slice(slash + 1) };
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const values = request.headersDistinct[name];
  return values === undefined ? undefined : values.join(',');
};

/** Checks the request's SigV4 Authorization header as S3 does; throws the S3 error S3 would answer. */
function authenticate(request: IncomingMessage, target: ParsedTarget, options: Required<Pick<LocalS3Options, 'accessKeyId' | 'secretAccessKey' | 'region' | 'maxClockSkewMs'>>): void {
  const authorization = header(request, 'authorization');
  if (authorization === undefined) {
    if (target.query.some(([name]) => name === 'X-Amz-Signature')) {
      throw new S3Error(501, 'NotImplemented', 'Presigned URLs are not implemented by this simulator.');
    }
    throw new S3Error(403, 'AccessDenied', 'Access Denied');
  }
  const parsed = parseAuthorization(authorization);
  if (!parsed) throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed; it must be AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=….');
  if (parsed.accessKeyId !== options.accessKeyId) {
    throw new S3Error(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { AWSAccessKeyId: parsed.accessKeyId });
  }
  if (parsed.service !== 's3') {
    throw new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; incorrect service "${parsed.service}". This endpoint belongs to "s3".`);
  }
  if (parsed.region !== options.region) {
    throw new S3Error(400, 'AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${parsed.region}' is wrong; expecting '${options.region}'`, {
      Region: options.region,
    });
  }
  const amzDate = header(request, 'x-amz-date') ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (!signedAt) throw new S3Error(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  if (amzDate.slice(0, 8) !== parsed.date) {
    throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.');
  }
  const now = Date.now();
  if (Math.abs(now - signedAt.getTime()) > options.maxClockSkewMs) {
    throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
      RequestTime: amzDate,
      ServerTime: new Date(now).toISOString(),
      MaxAllowedSkewMilliseconds: String(options.maxClockSkewMs),
    });
  }
  const payloadHash = header(request, 'x-amz-content-sha256');
  if (payloadHash === undefined) throw new S3Error(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  if (payloadHash.startsWith('STREAMING-')) throw new S3Error(501, 'NotImplemented', 'Streaming (chunked) uploads are not implemented by this simulator.');
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && !SHA256_HEX.test(payloadHash)) {
    throw new S3Error(400, 'InvalidArgument', 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, or a valid sha256 value.');
  }
  const signed = new Set(parsed.signedHeaders);
  const unsigned = Object.keys(request.headersDistinct).filter((name) => (name === 'host' || name.startsWith('x-amz-')) && !signed.has(name));
  if (unsigned.length > 0) {
    throw new S3Error(403, 'AccessDenied', 'There were headers present in the request which were not signed', { HeadersNotSigned: unsigned.join(', ') });
  }
  const headers: Record<string, string> = {};
  for (const name of parsed.signedHeaders) headers[name] = header(request, name) ?? '';
  const signedRequest = { method: request.method ?? 'GET', path: target.path, query: target.query, headers, payloadHash };
  const scope = { amzDate, region: parsed.region, service: parsed.service };
  const expected = signature(signedRequest, options.secretAccessKey, scope);
  if (expected.signedHeaders !== parsed.signedHeaders.join(';') || !signaturesEqual(expected.signature, parsed.signature)) {
    const canonical = canonicalRequest(signedRequest).canonical;
    throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', {
      AWSAccessKeyId: parsed.accessKeyId,
      StringToSign: stringToSign(canonical, scope),
      SignatureProvided: parsed.signature,
      CanonicalRequest: canonical,
    });
  }
}

function checkPayload(request: IncomingMessage, body: Buffer): void {
  const declared = header(request, 'x-amz-content-sha256');
  if (declared !== 'UNSIGNED-PAYLOAD') {
    const computed = createHash('sha256').update(body).digest('hex');
    if (computed !== declared) {
      throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        ClientComputedContentSHA256: declared ?? '',
        S3ComputedContentSHA256: computed,
      });
    }
  }
  const contentMd5 = header(request, 'content-md5');
  if (contentMd5 !== undefined) {
    const digest = Buffer.from(contentMd5, 'base64');
    if (digest.length !== 16 || digest.toString('base64') !== contentMd5) throw new S3Error(400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
    if (!digest.equals(createHash('md5').update(body).digest())) {
      throw new S3Error(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.', { ExpectedDigest: contentMd5 });
    }
  }
}

/**
 * A local stand-in for an S3-compatible object store (never deployed), speaking the subset of
 * the S3 REST API the intake adapter uses, path-style: PUT, GET, HEAD and DELETE of
 * `/<bucket>/<key>`, every request authenticated with AWS Signature Version 4 against one
 * access key, errors as S3's XML `<Error>` documents.
 */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  for (const bucket of options.buckets) {
    if (!BUCKET_NAME.test(bucket)) throw new TypeError(`Invalid bucket name ${bucket}`);
  }
  if (!options.accessKeyId || !options.secretAccessKey) throw new TypeError('accessKeyId and secretAccessKey are required');
  const settings = {
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region ?? 'us-east-1',
    maxClockSkewMs: options.maxClockSkewMs ?? 15 * 60 * 1000,
  };
  const maxObjectBytes = options.maxObjectBytes ?? 64 * 1024 * 1024;
  const buckets = new Set(options.buckets);
  const store: ObjectStore = options.directory === undefined ? new MemoryObjectStore() : new FileObjectStore(options.directory);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = parseTarget(request.url ?? '/');
    // The body is read before the signature is checked (its hash is signed through the header).
    const body = await readBody(request, maxObjectBytes);
    authenticate(request, target, settings);
    if (target.bucket === '' || target.key === '') throw new S3Error(501, 'NotImplemented', 'Only object operations (/<bucket>/<key>) are implemented by this simulator.');
    if (!buckets.has(target.bucket)) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: target.bucket });
    if (target.query.length > 0) {
      throw new S3Error(501, 'NotImplemented', 'A query parameter you provided implies functionality that is not implemented.', { Parameter: target.query[0][0] });
    }
    const { bucket, key } = target;
    switch (request.method) {
      case 'PUT': {
        if (request.headers['content-length'] === undefined) throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.');
        checkPayload(request, body);
        const encryption = header(request, 'x-amz-server-side-encryption') ?? null;
        if (encryption !== null && encryption !== 'AES256' && encryption !== 'aws:kms') {
          throw new S3Error(400, 'InvalidArgument', 'The encryption method specified is not supported', { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: encryption });
        }
        const md5 = createHash('md5').update(body).digest('hex');
        await store.put(bucket, key, {
          body,
          md5,
          contentType: header(request, 'content-type') ?? 'binary/octet-stream',
          lastModified: new Date(),
          serverSideEncryption: encryption,
        });
        response.writeHead(200, { etag: `"${md5}"`, 'content-length': 0, ...(encryption ? { 'x-amz-server-side-encryption': encryption } : {}) });
        response.end();
        return;
      }
      case 'GET':
      case 'HEAD': {
        const object = await store.get(bucket, key);
        if (!object) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        response.writeHead(200, {
          etag: `"${object.md5}"`,
          'content-type': object.contentType,
          'content-length': object.body.length,
          'last-modified': object.lastModified.toUTCString(),
          ...(object.serverSideEncryption ? { 'x-amz-server-side-encryption': object.serverSideEncryption } : {}),
        });
        response.end(request.method === 'GET' ? object.body : undefined);
        return;
      }
      case 'DELETE':
        await store.delete(bucket, key);
        response.writeHead(204);
        response.end();
        return;
      default:
        throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', { Method: request.method ?? '', ResourceType: 'OBJECT' });
    }
  }

  const server = createServer((request, response) => {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    response.setHeader('x-amz-request-id', requestId);
    response.setHeader('server', 's3-dev');
    handle(request, response).catch((error: unknown) => {
      const s3Error = error instanceof S3Error ? error : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      if (!(error instanceof S3Error)) process.stderr.write(`s3-dev: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      // A request body left unread (an early refusal) is drained so the client sees the answer.
      request.resume();
      const xml = errorXml(s3Error, requestId);
      response.writeHead(s3Error.status, {
        'content-type': 'application/xml',
        ...(request.method === 'HEAD' ? {} : { 'content-length': Buffer.byteLength(xml) }),
      });
      response.end(request.method === 'HEAD' ? undefined : xml);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    region: settings.region,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

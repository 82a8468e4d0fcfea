import { createHash } from 'node:crypto';
import { DocumentStorage, STORAGE_KEY_PATTERN } from '../application/document-storage.port';
import { sha256Hex, signS3Request, uriEncode } from './sigv4';

export interface S3DocumentStorageOptions {
  /** `http(s)://host[:port][/prefix]`; objects live at `<endpoint>/<bucket>/<key>` (path-style). */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Asks the store to encrypt each object (`x-amz-server-side-encryption`); default: the bucket's own setting. */
  readonly serverSideEncryption?: 'AES256';
  /** Per request. Default 30 s. */
  readonly timeoutMs?: number;
}

export interface S3ObjectInfo {
  readonly sizeBytes: number;
  /** Without quotes; the hex MD5 of the bytes for a single-part upload. */
  readonly etag: string;
}

type Operation = 'PUT' | 'GET' | 'HEAD' | 'DELETE';

/** What to check for the S3 error codes an operator can fix. */
const HINTS: Readonly<Record<string, string>> = {
  SignatureDoesNotMatch: 'check S3_SECRET_ACCESS_KEY',
  InvalidAccessKeyId: 'check S3_ACCESS_KEY_ID',
  AccessDenied: "check the access key's permissions on the bucket",
  NoSuchBucket: 'check S3_BUCKET',
  AuthorizationHeaderMalformed: 'check S3_REGION',
  PermanentRedirect: 'check S3_ENDPOINT and S3_REGION',
  RequestTimeTooSkewed: "check this host's clock",
};

/**
 * A failed S3 request: the store's answer (status, S3 error code, request id) or no answer at
 * all (`status` undefined, the network error as `cause`). Messages name the bucket and the
 * key (`<tenant>/<uuid>`), never document contents.
 */
export class S3StorageError extends Error {
  constructor(
    message: string,
    readonly operation: Operation,
    readonly status?: number,
    readonly s3Code?: string,
    readonly requestId?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'S3StorageError';
  }
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Documents in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, ...): PutObject,
 * GetObject, HeadObject and DeleteObject of `<bucket>/<tenant>/<uuid>` over the S3 REST API,
 * path-style, signed with AWS Signature Version 4 over the real payload hash. A PUT also sends
 * Content-MD5, so the store refuses bytes altered on the way (BadDigest) and never keeps part
 * of an object: a PUT is atomic in S3.
 */
export class S3DocumentStorage extends DocumentStorage {
  private readonly origin: string;
  private readonly basePath: string;

  constructor(private readonly options: S3DocumentStorageOptions) {
    super();
    const endpoint = new URL(options.endpoint);
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new TypeError('S3 endpoint must be an http(s) URL');
    if (endpoint.search || endpoint.hash || endpoint.username || endpoint.password) {
      throw new TypeError('S3 endpoint must have no query, fragment or credentials');
    }
    if (!BUCKET_NAME.test(options.bucket)) throw new TypeError('Invalid S3 bucket name');
    this.origin = endpoint.origin;
    this.basePath = decodeURIComponent(endpoint.pathname).replace(/\/+$/, '');
  }

  async put(key: string, content: Uint8Array): Promise<void> {
    const md5 = createHash('md5').update(content).digest('base64');
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'content-md5': md5 };
    if (this.options.serverSideEncryption) headers['x-amz-server-side-encryption'] = this.options.serverSideEncryption;
    const response = await this.send('PUT', key, headers, content);
    if (!response.ok) throw await this.failure('PUT', key, response);
    await response.body?.cancel();
  }

  async get(key: string): Promise<Buffer | null> {
    const response = await this.send('GET', key);
    if (response.status === 404) {
      const error = await this.failure('GET', key, response);
      if (error.s3Code === 'NoSuchKey') return null;
      throw error;
    }
    if (!response.ok) throw await this.failure('GET', key, response);
    try {
      return Buffer.from(await response.arrayBuffer());
    } catch (error) {
      throw new S3StorageError(`S3 GET ${this.describe(key)}: the answer broke off`, 'GET', response.status, undefined, this.requestIdOf(response), { cause: error });
    }
  }

  /** Size and ETag of `key`, or null when there is none (a HEAD answer has no body: a missing bucket looks the same). */
  async stat(key: string): Promise<S3ObjectInfo | null> {
    const response = await this.send('HEAD', key);
    if (response.status === 404) return null;
    if (!response.ok) throw await this.failure('HEAD', key, response);
    return { sizeBytes: Number(response.headers.get('content-length') ?? '0'), etag: (response.headers.get('etag') ?? '').replace(/"/g, '') };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    // S3 answers 204 whether or not the key existed; some compatible stores say 404 NoSuchKey.
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const error = await this.failure('DELETE', key, response);
    if (error.s3Code === 'NoSuchKey') return;
    throw error;
  }

  private describe(key: string): string {
    return `${this.options.bucket}/${key}`;
  }

  private requestIdOf(response: Response): string | undefined {
    return response.headers.get('x-amz-request-id') ?? undefined;
  }

  private async send(operation: Operation, key: string, extraHeaders: Record<string, string> = {}, body?: Uint8Array): Promise<Response> {
    if (!STORAGE_KEY_PATTERN.test(key)) throw new Error('Invalid storage key');
    const path = `${this.basePath}/${this.options.bucket}/${key}`;
    const url = `${this.origin}${uriEncode(path, true)}`;
    const payload = body ?? new Uint8Array(0);
    const signed = signS3Request(
      { method: operation, path, headers: { host: new URL(url).host, ...extraHeaders }, payloadHash: sha256Hex(payload) },
      this.options,
      this.options.region,
      new Date(),
    );
    // fetch sets Host itself, from the same URL.
    const { host: _host, ...headers } = signed;
    try {
      return await fetch(url, {
        method: operation,
        headers,
        body: body === undefined ? undefined : payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new S3StorageError(`S3 ${operation} ${this.describe(key)}: no answer from ${this.origin} (check S3_ENDPOINT)`, operation, undefined, undefined, undefined, {
        cause: error,
      });
    }
  }

  /** The error for a non-2xx answer, with S3's `<Code>` and `<Message>` when the body has them. */
  private async failure(operation: Operation, key: string, response: Response): Promise<S3StorageError> {
    const text = operation === 'HEAD' ? '' : await response.text().catch(() => '');
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
    const hint = code === undefined ? undefined : HINTS[code];
    const summary = [code, message].filter(Boolean).join(': ') || response.statusText || 'no error body';
    return new S3StorageError(
      `S3 ${operation} ${this.describe(key)} failed with ${response.status} ${summary}${hint ? ` (${hint})` : ''}`,
      operation,
      response.status,
      code,
      this.requestIdOf(response),
    );
  }
}

import {
  authorizationHeader,
  canonicalRequest,
  EMPTY_PAYLOAD_SHA256,
  parseAmzDate,
  parseAuthorization,
  sha256Hex,
  signS3Request,
  signaturesEqual,
  toAmzDate,
  uriEncode,
} from './sigv4';

// The examples of "Authenticating Requests: Using the Authorization Header (AWS Signature
// Version 4)", https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html:
// the documented credentials, date, requests and their published signatures.
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const scope = { amzDate: '20130524T000000Z', region: 'us-east-1', service: 's3' };
const host = 'examplebucket.s3.amazonaws.com';
const credential = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request';

describe('SigV4 against the AWS documentation', () => {
  it('GET Object (first 10 bytes of test.txt): canonical request, its hash and the signature', () => {
    const request = {
      method: 'GET',
      path: '/test.txt',
      headers: { Host: host, Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256, 'x-amz-date': '20130524T000000Z' },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    };
    const { canonical } = canonicalRequest(request);
    expect(canonical).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        'x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(sha256Hex(canonical)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(authorizationHeader(request, credentials, scope)).toBe(
      `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,` +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signS3Request adds the date, payload hash and Authorization of the GET Object example', () => {
    const headers = signS3Request(
      { method: 'GET', path: '/test.txt', headers: { host, range: 'bytes=0-9' }, payloadHash: EMPTY_PAYLOAD_SHA256 },
      credentials,
      'us-east-1',
      new Date('2013-05-24T00:00:00Z'),
    );
    expect(headers).toEqual({
      host,
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256,
      'x-amz-date': '20130524T000000Z',
      authorization:
        `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,` +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });

  it('PUT Object (test$file.text, "Welcome to Amazon S3."): payload hash, path encoding and signature', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const request = {
      method: 'PUT',
      path: '/test$file.text',
      headers: {
        Host: host,
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-date': '20130524T000000Z',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': payloadHash,
      },
      payloadHash,
    };
    expect(canonicalRequest(request).canonical.split('\n')[1]).toBe('/test%24file.text');
    expect(authorizationHeader(request, credentials, scope)).toBe(
      `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,` +
        'Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    );
  });

  it.each([
    ['GET Bucket Lifecycle (?lifecycle)', [['lifecycle', '']], 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'],
    ['Get Bucket, list objects (?max-keys=2&prefix=J)', [['prefix', 'J'], ['max-keys', '2']], '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'],
  ] as const)('%s: query canonicalisation and signature', (_name, query, expected) => {
    const request = {
      method: 'GET',
      path: '/',
      query,
      headers: { Host: host, 'x-amz-date': '20130524T000000Z', 'x-amz-content-sha256': EMPTY_PAYLOAD_SHA256 },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    };
    expect(authorizationHeader(request, credentials, scope)).toBe(
      `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=${expected}`,
    );
  });
});

describe('SigV4 helpers', () => {
  it('changes the signature with the secret, the region, a signed header or the payload', () => {
    const request = { method: 'PUT', path: '/b/k', headers: { host: '127.0.0.1:9000', 'x-amz-date': '20260101T000000Z' }, payloadHash: sha256Hex('a') };
    const base = authorizationHeader(request, credentials, scope);
    expect(authorizationHeader(request, { ...credentials, secretAccessKey: 'other' }, scope)).not.toBe(base);
    expect(authorizationHeader(request, credentials, { ...scope, region: 'eu-west-1' })).not.toBe(base);
    expect(authorizationHeader({ ...request, headers: { ...request.headers, host: '127.0.0.1:9001' } }, credentials, scope)).not.toBe(base);
    expect(authorizationHeader({ ...request, payloadHash: sha256Hex('b') }, credentials, scope)).not.toBe(base);
  });

  it('refuses to sign without a host header', () => {
    expect(() => canonicalRequest({ method: 'GET', path: '/', headers: {}, payloadHash: EMPTY_PAYLOAD_SHA256 })).toThrow('host header');
  });

  it('encodes like S3: unreserved characters stay, slashes only in paths, UTF-8 bytes upper-case', () => {
    expect(uriEncode("a b/ü!'()*~._-", true)).toBe('a%20b/%C3%BC%21%27%28%29%2A~._-');
    expect(uriEncode('a/b', false)).toBe('a%2Fb');
  });

  it('parses what it writes and refuses other Authorization forms', () => {
    const header = authorizationHeader(
      { method: 'GET', path: '/', headers: { host }, payloadHash: EMPTY_PAYLOAD_SHA256 },
      credentials,
      scope,
    );
    expect(parseAuthorization(header)).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      date: '20130524',
      region: 'us-east-1',
      service: 's3',
      signedHeaders: ['host'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(parseAuthorization(header.replace(/,/g, ', '))).not.toBeNull();
    expect(parseAuthorization('AWS AKIAIOSFODNN7EXAMPLE:qgk2+6Sv9/oM7G3qLEjTH1a1l1g=')).toBeNull();
    expect(parseAuthorization(header.replace('Signature=', 'Signature=zz'))).toBeNull();
  });

  it('formats and parses x-amz-date; compares signatures', () => {
    expect(toAmzDate(new Date('2013-05-24T00:00:00.123Z'))).toBe('20130524T000000Z');
    expect(parseAmzDate('20130524T000000Z')?.toISOString()).toBe('2013-05-24T00:00:00.000Z');
    expect(parseAmzDate('2013-05-24')).toBeNull();
    expect(signaturesEqual('ab', 'ab')).toBe(true);
    expect(signaturesEqual('ab', 'ac')).toBe(false);
    expect(signaturesEqual('ab', 'abc')).toBe(false);
  });
});

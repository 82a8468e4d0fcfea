import fc from 'fast-check';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { canonicalJson, idempotencyStoreKey, readIdempotencyKey, requestFingerprint } from './idempotency-key';

function refusal(header: string | string[]): string {
  try {
    readIdempotencyKey(header);
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('Idempotency-Key format', () => {
  it.each([
    ['a UUID', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['one character', 'a'],
    ['255 characters', 'x'.repeat(255)],
    ['a quoted string', '"quoted"'],
    ['punctuation', 'key:with/punctuation~!'],
  ])('accepts %s', (_what, key) => {
    expect(readIdempotencyKey(key)).toBe(key);
  });

  it('is optional at this level (the route decides whether one is required)', () => {
    expect(readIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['an empty key', ''],
    ['256 characters', 'x'.repeat(256)],
    ['a space', 'with space'],
    ['a tab', 'tab\tinside'],
    ['a letter outside ASCII', 'khóa'],
    ['a line break', 'line\nbreak'],
    ['two keys', ['a', 'b']],
  ])('refuses %s with 400 IDEMPOTENCY_KEY_INVALID', (_what, key) => {
    expect(refusal(key)).toBe(GatewayErrorCode.IdempotencyKeyInvalid);
  });
});

describe('request fingerprint', () => {
  const dossier = { procedureId: 'p-1', channel: 'online', applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' }, components: [{ componentCode: 'TK01' }] };

  it('writes equal JSON values as the same text, whatever the order and spacing of members', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: 'x', c: 2.5 }], e: undefined })).toBe('{"a":[true,null,{"c":2.5,"d":"x"}],"b":1}');
    const reordered = JSON.parse('{ "components": [{"componentCode":"TK01"}], "applicant": {"citizenId":"033099001234","fullName":"Nguyễn Văn An"}, "channel":"online", "procedureId":"p-1" }');
    expect(requestFingerprint('/v1/dossiers', reordered)).toBe(requestFingerprint('/v1/dossiers', dossier));
  });

  it('differs for another body, another target or another query', () => {
    const base = requestFingerprint('/v1/dossiers', dossier);
    expect(requestFingerprint('/v1/dossiers', { ...dossier, channel: 'desk' })).not.toBe(base);
    expect(requestFingerprint('/v1/dossiers', { ...dossier, components: [] })).not.toBe(base);
    expect(requestFingerprint('/v1/dossiers?draft=1', dossier)).not.toBe(base);
    expect(requestFingerprint('/v1/procedures', dossier)).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for any JSON value however its members were ordered, and different for different values', () => {
    const shuffle = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(shuffle);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffle(v)]));
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(requestFingerprint('/t', shuffle(a))).toBe(requestFingerprint('/t', a));
        expect(JSON.parse(canonicalJson(a))).toEqual(JSON.parse(JSON.stringify(a)));
        if (canonicalJson(a) !== canonicalJson(b)) expect(requestFingerprint('/t', a)).not.toBe(requestFingerprint('/t', b));
      }),
    );
  });
});

describe('idempotency store key', () => {
  const scope = { tenant: 'hung-yen', issuer: 'https://id.example/citizen', subject: 'citizen-an', route: 'POST /v1/dossiers', key: 'k-1' };

  it('keeps the keys of different tenants, callers, issuers and routes apart', () => {
    const keys = [
      scope,
      { ...scope, tenant: 'thai-nguyen' },
      { ...scope, subject: 'citizen-binh' },
      { ...scope, issuer: 'https://id.example/other' },
      { ...scope, route: 'POST /v1/procedures' },
      { ...scope, key: 'k-2' },
      // Separators cannot be forged across fields.
      { ...scope, subject: 'citizen-an","POST', route: '/v1/dossiers' },
    ].map(idempotencyStoreKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(idempotencyStoreKey({ ...scope })).toBe(keys[0]);
    expect(keys[0]).toMatch(/^idem:[A-Za-z0-9_-]{43}$/);
  });
});

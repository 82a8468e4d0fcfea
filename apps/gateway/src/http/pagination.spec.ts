import fc from 'fast-check';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { cursorPage, decodeCursor, encodeCursor, pageQuerySchema, pageRequest } from './pagination';

function refusal(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError && error.code === GatewayErrorCode.RequestInvalid) return error.details.errors?.[0]?.field;
    throw error;
  }
  return undefined;
}

const position = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 4 });

describe('cursor pagination', () => {
  it('gives back the position a cursor was made from, and the cursor is URL-safe', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), position, (scope, at) => {
        const cursor = encodeCursor(scope, at);
        expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(scope, cursor)).toEqual(at);
      }),
    );
  });

  it("refuses a cursor of another list, and anything that is not a cursor", () => {
    expect(refusal(() => decodeCursor('tenants', encodeCursor('audit', { token: 'x' })))).toBe('cursor');
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = refusal(() => decodeCursor('tenants', Buffer.from(text).toString('base64url')));
        const decodes = (() => {
          try {
            const value = JSON.parse(text) as { s?: unknown; p?: unknown };
            return value?.s === 'tenants' && typeof value.p === 'object';
          } catch {
            return false;
          }
        })();
        if (!decodes) expect(field).toBe('cursor');
      }),
    );
    for (const forged of ['', 'not base64!', 'x'.repeat(2000), Buffer.from('{"s":"tenants","p":[1]}').toString('base64url')]) {
      expect(refusal(() => decodeCursor('tenants', forged))).toBe('cursor');
    }
  });

  it('bounds and defaults `limit`', () => {
    const schema = pageQuerySchema({ defaultLimit: 20, maxLimit: 100 });
    expect(schema.parse({})).toEqual({ limit: 20 });
    expect(schema.parse({ limit: '100' })).toEqual({ limit: 100 });
    for (const limit of ['0', '101', '-1', '2.5', 'many']) expect(schema.safeParse({ limit }).success).toBe(false);
    expect(schema.safeParse({ offset: '10' }).success).toBe(false);
  });

  it('builds the next page from the position where it resumes, and nothing after the last page', () => {
    const request = pageRequest('tenants', { limit: 2 });
    expect(request).toEqual({ limit: 2 });
    const page = cursorPage('tenants', ['a', 'b'], { token: 'b' }, { path: '/v1/tenants', limit: 2, query: { status: 'active' } });
    expect(page.items).toEqual(['a', 'b']);
    expect(page.next).toBe(`/v1/tenants?status=active&limit=2&cursor=${page.nextCursor}`);
    expect(pageRequest('tenants', { limit: 2, cursor: page.nextCursor ?? '' })).toEqual({ limit: 2, after: { token: 'b' } });
    expect(cursorPage('tenants', ['c'], undefined, { path: '/v1/tenants', limit: 2 })).toEqual({ items: ['c'], nextCursor: null, next: null });
  });
});

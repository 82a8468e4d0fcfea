import { assertIfMatch, entityTag, entityTagOfJson, matchesIfNoneMatch, parseEntityTags } from './etag';
import { HttpProblem, HttpProblemCode } from './http-problem';

function outcome(method: string, ifMatch: string | undefined, current: string | undefined): HttpProblemCode | 'ok' {
  try {
    assertIfMatch({ method, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }, current);
    return 'ok';
  } catch (error) {
    if (error instanceof HttpProblem) return error.code;
    throw error;
  }
}

describe('entity tags', () => {
  const current = entityTagOfJson({ id: 'd-1', status: 'submitted' });

  it('are strong tags of the exact bytes', () => {
    expect(current).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(entityTag(JSON.stringify({ id: 'd-1', status: 'submitted' }))).toBe(current);
    expect(entityTagOfJson({ status: 'submitted', id: 'd-1' })).not.toBe(current);
  });

  it('reads tag lists', () => {
    expect(parseEntityTags('"a", W/"b",  "c,d"')).toEqual(['"a"', 'W/"b"', '"c,d"']);
    expect(parseEntityTags('*')).toEqual(['*']);
  });

  it('If-None-Match matches by weak comparison (304)', () => {
    expect(matchesIfNoneMatch(undefined, current)).toBe(false);
    expect(matchesIfNoneMatch(current, current)).toBe(true);
    expect(matchesIfNoneMatch(`"x", W/${current}`, current)).toBe(true);
    expect(matchesIfNoneMatch('*', current)).toBe(true);
    expect(matchesIfNoneMatch('"x"', current)).toBe(false);
  });

  it.each([
    ['PUT', undefined, 'current', HttpProblemCode.PreconditionRequired],
    ['PATCH', '  ', 'current', HttpProblemCode.PreconditionRequired],
    ['DELETE', undefined, 'current', 'ok'],
    ['PATCH', 'current', 'current', 'ok'],
    ['PUT', '"stale", current', 'current', 'ok'],
    ['PUT', '*', 'current', 'ok'],
    ['PUT', '"stale"', 'current', HttpProblemCode.PreconditionFailed],
    ['PUT', 'W/current', 'current', HttpProblemCode.PreconditionFailed],
    ['PUT', '*', 'missing', HttpProblemCode.PreconditionFailed],
    ['DELETE', 'current', 'missing', HttpProblemCode.PreconditionFailed],
  ])('If-Match on %s with %p (resource %s) → %s', (method, header, state, expected) => {
    const resolved = header?.replace('current', current);
    expect(outcome(method, resolved, state === 'current' ? current : undefined)).toBe(expected);
  });

  it('answers 412 and 428 as problems with their statuses', () => {
    expect(new HttpProblem(HttpProblemCode.PreconditionFailed, 'x').status).toBe(412);
    expect(new HttpProblem(HttpProblemCode.PreconditionRequired, 'x').status).toBe(428);
  });
});

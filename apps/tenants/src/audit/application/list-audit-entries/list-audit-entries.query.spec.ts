import { TenantsError, TenantsErrorCode } from '../../../tenant/domain/tenants.errors';
import { auditPageTokenAfter, DEFAULT_AUDIT_PAGE_SIZE, ListAuditEntriesQuery, MAX_AUDIT_PAGE_SIZE } from './list-audit-entries.query';

const last = { occurredAt: new Date('2026-11-26T03:00:00.120Z'), id: '0190f3a2-7c4e-7b1a-8d2e-000000000004' };

function refusedFields(input: Parameters<typeof ListAuditEntriesQuery.create>[0]): string[] {
  try {
    ListAuditEntriesQuery.create(input);
  } catch (error) {
    if (error instanceof TenantsError && error.code === TenantsErrorCode.AuditQueryInvalid) return (error.details.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
}

describe('ListAuditEntriesQuery', () => {
  it('starts with the newest entries, at the default page size', () => {
    expect(ListAuditEntriesQuery.create({})).toMatchObject({ pageSize: DEFAULT_AUDIT_PAGE_SIZE, after: undefined });
    expect(ListAuditEntriesQuery.create({ pageSize: 0, pageToken: '' })).toMatchObject({ pageSize: DEFAULT_AUDIT_PAGE_SIZE, after: undefined });
  });

  it('resumes after the entry its page token names', () => {
    expect(ListAuditEntriesQuery.create({ pageSize: 10, pageToken: auditPageTokenAfter(last) })).toEqual(
      expect.objectContaining({ pageSize: 10, after: { occurredAt: last.occurredAt, id: last.id } }),
    );
  });

  const forged = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

  it.each([
    ['a negative page size', { pageSize: -1 }, ['pageSize']],
    ['a page too large', { pageSize: MAX_AUDIT_PAGE_SIZE + 1 }, ['pageSize']],
    ['a fractional page size', { pageSize: 2.5 }, ['pageSize']],
    ['a token that is not base64url', { pageToken: 'not base64!' }, ['pageToken']],
    ['a token naming no entry', { pageToken: forged('2026-11-26T03:00:00.120Z|not-a-uuid') }, ['pageToken']],
    ['a token with an instant of another shape', { pageToken: forged(`2026-11-26 03:00|${last.id}`) }, ['pageToken']],
    ['a token with a part more', { pageToken: forged(`2026-11-26T03:00:00.120Z|${last.id}|x`) }, ['pageToken']],
    ['both wrong', { pageSize: 500, pageToken: '%%' }, ['pageSize', 'pageToken']],
  ])('refuses %s (INVALID_ARGUMENT with the fields)', (_what, input, fields) => {
    expect(refusedFields(input)).toEqual(fields);
  });
});

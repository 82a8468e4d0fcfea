import { TenantsError, TenantsErrorCode } from '../../domain/tenants.errors';
import { DEFAULT_PAGE_SIZE, ListTenantsQuery, MAX_PAGE_SIZE, pageTokenAfter } from './list-tenants.query';

function refusedFields(input: Parameters<typeof ListTenantsQuery.create>[0]): string[] {
  try {
    ListTenantsQuery.create(input);
  } catch (error) {
    if (error instanceof TenantsError && error.code === TenantsErrorCode.PageInvalid) return (error.details.errors ?? []).map((e) => e.field);
    throw error;
  }
  return [];
}

describe('ListTenantsQuery', () => {
  it('asks for the default page size from the start when nothing is given', () => {
    const query = ListTenantsQuery.create({});
    expect(query).toMatchObject({ pageSize: DEFAULT_PAGE_SIZE, afterId: undefined });
  });

  it('continues after the tenant named by the previous page token', () => {
    const query = ListTenantsQuery.create({ pageSize: 2, pageToken: pageTokenAfter('hung-yen') });
    expect(query).toMatchObject({ pageSize: 2, afterId: 'hung-yen' });
  });

  it.each([
    [{ pageSize: -1 }, ['pageSize']],
    [{ pageSize: MAX_PAGE_SIZE + 1 }, ['pageSize']],
    [{ pageSize: 1.5 }, ['pageSize']],
    [{ pageToken: 'not base64!' }, ['pageToken']],
    [{ pageToken: pageTokenAfter('Not A Tenant') }, ['pageToken']],
    [{ pageSize: 500, pageToken: '%%' }, ['pageSize', 'pageToken']],
  ])('refuses %p with findings on %p', (input, fields) => {
    expect(refusedFields(input)).toEqual(fields);
  });
});

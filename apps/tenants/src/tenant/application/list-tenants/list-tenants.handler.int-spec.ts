import { DataSource } from 'typeorm';
import { createServiceDataSource, serviceDatabaseNames } from '@motcua/persistence';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { TENANTS_ENTITIES } from '../../../app.module';
import { onboard } from '../../domain/tenant';
import { TenantRepository } from '../../persistence/tenant.repository';
import { ListTenantsHandler } from './list-tenants.handler';
import { ListTenantsQuery } from './list-tenants.query';

describe('ListTenantsHandler against PostgreSQL (keyset pages, as the app role)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let repository: TenantRepository;
  let handler: ListTenantsHandler;

  const register = (id: string, officialCode: string) =>
    dataSource.transaction((manager) => repository.insert(manager, onboard({ id, officialCode, name: `Tỉnh ${id}` }, new Date())));

  async function walk(pageSize: number, between?: (pageIndex: number) => Promise<void>): Promise<string[][]> {
    const pages: string[][] = [];
    let pageToken = '';
    do {
      const page = await handler.execute(ListTenantsQuery.create({ pageSize, pageToken }));
      pages.push(page.tenants.map((tenant) => tenant.id));
      pageToken = page.nextPageToken;
      await between?.(pages.length);
    } while (pageToken !== '');
    return pages;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({
      service: 'tenants',
      url: database.urlAs(serviceDatabaseNames('tenants').appRole),
      entities: TENANTS_ENTITIES,
      poolSize: 2,
    });
    await dataSource.initialize();
    repository = new TenantRepository(dataSource);
    handler = new ListTenantsHandler(repository);
    for (const [id, code] of [['hue', '46'], ['ha-noi', '01'], ['hung-yen', '33'], ['thai-nguyen', '19'], ['can-tho', '92']]) await register(id, code);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('pages through every tenant once, in id order, and says when the last page is reached', async () => {
    expect(await walk(2)).toEqual([['can-tho', 'ha-noi'], ['hue', 'hung-yen'], ['thai-nguyen']]);
    expect(await walk(5)).toEqual([['can-tho', 'ha-noi', 'hue', 'hung-yen', 'thai-nguyen']]);
  });

  it('neither repeats nor skips a tenant when others are onboarded while a client pages', async () => {
    const pages = await walk(2, async (pageIndex) => {
      if (pageIndex === 1) {
        await register('an-giang', '89'); // sorts before the cursor: belongs to pages already read
        await register('tay-ninh', '72'); // sorts after it: still ahead
      }
    });
    expect(pages.flat()).toEqual(['can-tho', 'ha-noi', 'hue', 'hung-yen', 'tay-ninh', 'thai-nguyen']);
  });
});

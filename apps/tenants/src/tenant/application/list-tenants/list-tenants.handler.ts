import { Injectable } from '@nestjs/common';
import { Tenant } from '../../domain/tenant';
import { TenantRepository } from '../../persistence/tenant.repository';
import { ListTenantsQuery, pageTokenAfter } from './list-tenants.query';

export interface TenantPage {
  tenants: Tenant[];
  /** Empty on the last page. */
  nextPageToken: string;
}

/** Pages through the registry by id (keyset): no offset, so a page costs the same wherever it is. */
@Injectable()
export class ListTenantsHandler {
  constructor(private readonly tenants: TenantRepository) {}

  async execute(query: ListTenantsQuery): Promise<TenantPage> {
    // One row more than asked tells whether another page follows.
    const rows = await this.tenants.listAfter(query.afterId, query.pageSize + 1);
    const tenants = rows.slice(0, query.pageSize);
    const hasMore = rows.length > query.pageSize;
    return { tenants, nextPageToken: hasMore ? pageTokenAfter(tenants[tenants.length - 1].id) : '' };
  }
}

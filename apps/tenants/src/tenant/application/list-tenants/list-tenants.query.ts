import { FieldError } from '@motcua/domain-kernel';
import { isTenantId } from '@motcua/tenancy';
import { TenantsError, TenantsErrorCode } from '../../domain/tenants.errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The page token of a page that ends with `lastId`: opaque to callers (base64url of the id). */
export function pageTokenAfter(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

/** One page of the registry: at most `pageSize` tenants whose id sorts after `afterId`. */
export class ListTenantsQuery {
  private constructor(
    readonly pageSize: number,
    readonly afterId: string | undefined,
  ) {}

  static create(input: { pageSize?: number | null; pageToken?: string | null }): ListTenantsQuery {
    const errors: FieldError[] = [];
    const requested = input.pageSize ?? 0;
    if (!Number.isInteger(requested) || requested < 0 || requested > MAX_PAGE_SIZE) {
      errors.push({ field: 'pageSize', message: `0 (the default, ${DEFAULT_PAGE_SIZE}) to ${MAX_PAGE_SIZE}` });
    }
    let afterId: string | undefined;
    const token = input.pageToken ?? '';
    if (token !== '') {
      afterId = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
      if (!isTenantId(afterId) || pageTokenAfter(afterId) !== token) {
        errors.push({ field: 'pageToken', message: 'the next_page_token of a previous page' });
      }
    }
    if (errors.length > 0) throw new TenantsError(TenantsErrorCode.PageInvalid, 'The page request is invalid', { errors });
    return new ListTenantsQuery(requested === 0 ? DEFAULT_PAGE_SIZE : requested, afterId);
  }
}

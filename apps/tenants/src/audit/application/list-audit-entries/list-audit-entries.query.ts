import { FieldError } from '@motcua/domain-kernel';
import { TenantsError, TenantsErrorCode } from '../../../tenant/domain/tenants.errors';
import { AuditCursor } from '../../domain/audit-entry';

export const DEFAULT_AUDIT_PAGE_SIZE = 50;
export const MAX_AUDIT_PAGE_SIZE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The page token of a page that ends with `last`: opaque to callers (base64url of instant and id). */
export function auditPageTokenAfter(last: AuditCursor): string {
  return Buffer.from(`${last.occurredAt.toISOString()}|${last.id}`, 'utf8').toString('base64url');
}

function cursorOf(token: string): AuditCursor | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const [instant, id, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !ISO_INSTANT.test(instant ?? '') || !UUID.test(id ?? '')) return undefined;
  const cursor = { occurredAt: new Date(instant), id };
  // Only tokens this service wrote: a re-encoding must give the same text.
  return Number.isNaN(cursor.occurredAt.getTime()) || auditPageTokenAfter(cursor) !== token ? undefined : cursor;
}

/** One page of the calling tenant's audit log, newest first. */
export class ListAuditEntriesQuery {
  private constructor(
    readonly pageSize: number,
    readonly after: AuditCursor | undefined,
  ) {}

  static create(input: { pageSize?: number | null; pageToken?: string | null }): ListAuditEntriesQuery {
    const errors: FieldError[] = [];
    const requested = input.pageSize ?? 0;
    if (!Number.isInteger(requested) || requested < 0 || requested > MAX_AUDIT_PAGE_SIZE) {
      errors.push({ field: 'pageSize', message: `0 (the default, ${DEFAULT_AUDIT_PAGE_SIZE}) to ${MAX_AUDIT_PAGE_SIZE}` });
    }
    const token = input.pageToken ?? '';
    const after = token === '' ? undefined : cursorOf(token);
    if (token !== '' && !after) errors.push({ field: 'pageToken', message: 'the next_page_token of a previous page' });
    if (errors.length > 0) throw new TenantsError(TenantsErrorCode.AuditQueryInvalid, 'The audit log page request is invalid', { errors });
    return new ListAuditEntriesQuery(requested === 0 ? DEFAULT_AUDIT_PAGE_SIZE : requested, after);
  }
}

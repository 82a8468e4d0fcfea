import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum TenantsErrorCode {
  InvalidTenant = 'TENANT_INVALID',
  TenantExists = 'TENANT_EXISTS',
  TenantNotFound = 'TENANT_NOT_FOUND',
  PageInvalid = 'TENANT_PAGE_INVALID',
  AuditQueryInvalid = 'AUDIT_QUERY_INVALID',
}

const categories: Record<TenantsErrorCode, ErrorCategory> = {
  [TenantsErrorCode.InvalidTenant]: 'invalid',
  [TenantsErrorCode.TenantExists]: 'conflict',
  [TenantsErrorCode.TenantNotFound]: 'not_found',
  [TenantsErrorCode.PageInvalid]: 'invalid',
  [TenantsErrorCode.AuditQueryInvalid]: 'invalid',
};

export class TenantsError extends DomainError<TenantsErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: TenantsErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

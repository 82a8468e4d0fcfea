import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum TenantsErrorCode {
  InvalidTenant = 'TENANT_INVALID',
  TenantExists = 'TENANT_EXISTS',
  TenantNotFound = 'TENANT_NOT_FOUND',
}

const categories: Record<TenantsErrorCode, ErrorCategory> = {
  [TenantsErrorCode.InvalidTenant]: 'invalid',
  [TenantsErrorCode.TenantExists]: 'conflict',
  [TenantsErrorCode.TenantNotFound]: 'not_found',
};

export class TenantsError extends DomainError<TenantsErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: TenantsErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

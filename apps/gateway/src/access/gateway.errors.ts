import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum GatewayErrorCode {
  TenantRequired = 'TENANT_REQUIRED',
  TenantUnknown = 'TENANT_UNKNOWN',
  TenantMismatch = 'TENANT_MISMATCH',
  RequestInvalid = 'REQUEST_INVALID',
}

const categories: Record<GatewayErrorCode, ErrorCategory> = {
  [GatewayErrorCode.TenantRequired]: 'invalid',
  [GatewayErrorCode.TenantUnknown]: 'not_found',
  [GatewayErrorCode.TenantMismatch]: 'forbidden',
  [GatewayErrorCode.RequestInvalid]: 'invalid',
};

export class GatewayError extends DomainError<GatewayErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: GatewayErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}

/** Raised when a unit of work runs without a tenant: isolation fails closed. */
export class TenantRequiredError extends Error {
  readonly code = 'TENANT_REQUIRED';
  constructor() {
    super('No tenant in context: every request and message must carry a tenant id');
    this.name = 'TenantRequiredError';
  }
}

export class InvalidTenantIdError extends Error {
  readonly code = 'TENANT_ID_INVALID';
  constructor(value: unknown) {
    super(`Invalid tenant id ${JSON.stringify(typeof value === 'string' ? value.slice(0, 64) : typeof value)}`);
    this.name = 'InvalidTenantIdError';
  }
}

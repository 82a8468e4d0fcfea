import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { TenantRequiredError, InvalidTenantIdError } from './tenancy.errors';

/** Who acts: propagated with the tenant so each service can apply its policy locally. */
export interface Actor {
  subject: string;
  roles: string[];
  agencyId?: string;
  deskIds?: string[];
}

export interface TenantContext {
  tenantId: string;
  traceId: string;
  actor?: Actor;
}

/** A tenant id is a province slug: lower-case ASCII letters, digits and dashes. */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;

const storage = new AsyncLocalStorage<TenantContext>();

export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

export function assertTenantId(value: unknown): string {
  if (!isTenantId(value)) throw new InvalidTenantIdError(value);
  return value;
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** Runs `fn` with the tenant context bound; everything it awaits sees the same context. */
export function runInTenant<T>(context: TenantContext, fn: () => T): T {
  assertTenantId(context.tenantId);
  return storage.run({ ...context }, fn);
}

/** The bound tenant context; a unit of work without one is refused. */
export function currentTenant(): TenantContext {
  const context = storage.getStore();
  if (!context) throw new TenantRequiredError();
  return context;
}

export function tryCurrentTenant(): TenantContext | undefined {
  return storage.getStore();
}

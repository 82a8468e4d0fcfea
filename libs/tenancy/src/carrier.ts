import { Actor, TenantContext, assertTenantId, newTraceId } from './tenant-context';
import { TenantRequiredError } from './tenancy.errors';

/**
 * The keys under which the tenant context travels in gRPC metadata and Kafka headers.
 * Lower-case: gRPC metadata keys are case-insensitive and normalised to lower case.
 */
export const CarrierKeys = {
  tenant: 'x-tenant-id',
  traceparent: 'traceparent',
  actor: 'x-actor',
} as const;

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

export function toTraceparent(traceId: string): string {
  return `00-${traceId}-${newTraceId().slice(0, 16)}-01`;
}

export function traceIdFromTraceparent(value: string | undefined): string | undefined {
  const match = value ? TRACEPARENT.exec(value) : null;
  return match ? match[1] : undefined;
}

/** Serialises the context into string entries for metadata or headers. */
export function contextToCarrier(context: TenantContext): Record<string, string> {
  const entries: Record<string, string> = {
    [CarrierKeys.tenant]: context.tenantId,
    [CarrierKeys.traceparent]: toTraceparent(context.traceId),
  };
  if (context.actor) {
    entries[CarrierKeys.actor] = Buffer.from(JSON.stringify(context.actor)).toString('base64url');
  }
  return entries;
}

/** Reads the context back; a carrier without a tenant is refused. */
export function contextFromCarrier(read: (key: string) => string | undefined): TenantContext {
  const tenantId = read(CarrierKeys.tenant);
  if (tenantId === undefined || tenantId === '') throw new TenantRequiredError();
  const context: TenantContext = {
    tenantId: assertTenantId(tenantId),
    traceId: traceIdFromTraceparent(read(CarrierKeys.traceparent)) ?? newTraceId(),
  };
  const actor = read(CarrierKeys.actor);
  if (actor) context.actor = parseActor(actor);
  return context;
}

function parseActor(encoded: string): Actor {
  const parsed: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as Actor).subject !== 'string' ||
    !Array.isArray((parsed as Actor).roles)
  ) {
    throw new TypeError('Malformed actor in carrier');
  }
  return parsed as Actor;
}

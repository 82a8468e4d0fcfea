import { SetMetadata } from '@nestjs/common';

export const TENANT_FREE_METADATA = 'motcua:rpc:tenant-free';

/**
 * Marks a gRPC method (or a whole controller) as callable without a tenant, e.g. the tenant
 * registry's OnboardTenant and GetTenant, which run before a tenant exists. A tenant sent
 * anyway is still read and bound (and refused when malformed).
 */
export const TenantFree = (): MethodDecorator & ClassDecorator => SetMetadata(TENANT_FREE_METADATA, true);

/** The services the gateway calls over gRPC. */
export const GATEWAY_DEPENDENCIES = ['tenants', 'catalogue', 'intake', 'processing', 'evaluation'] as const;
export type GatewayDependency = (typeof GATEWAY_DEPENDENCIES)[number];

/**
 * Without the tenant registry no province can be resolved, so no tenant route works: the
 * gateway is unready. Any other service down only degrades the routes that need it.
 */
export const CRITICAL_DEPENDENCIES: ReadonlySet<GatewayDependency> = new Set(['tenants']);

export const DEPENDS_ON = 'motcua:gateway:depends-on';

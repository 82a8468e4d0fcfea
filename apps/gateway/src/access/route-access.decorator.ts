import { SetMetadata } from '@nestjs/common';
import type { Action } from '@motcua/auth';

export const ROUTE_ACCESS = 'motcua:gateway:route-access';

export interface RouteAccessRule {
  /** `required`: the request names one existing province; `none`: national routes. */
  tenant: 'required' | 'none';
  /**
   * An action the gateway itself authorizes before calling a service (for national acts the
   * services cannot see a tenant for). Tenant-internal acts are authorized by the services.
   */
  action?: Action;
  /**
   * No bearer token is read (a public, tenant-scoped route, e.g. tracking by code and
   * secret): the province comes from the header or host, the service sees no actor, and the
   * rate limit keys on the client IP. Only with `tenant: 'required'` and no `action`.
   */
  anonymous?: true;
}

export const RouteAccess = (rule: RouteAccessRule): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_ACCESS, rule);

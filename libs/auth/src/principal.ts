import type { Actor, TenantContext } from '@motcua/tenancy';
import type { Role } from './role';

/** Who a verified token says the caller is. Built only by the token verifier. */
export interface Principal {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** Staff: the tenant they work for (always set). Citizens and national roles: unset. */
  readonly tenantId?: string;
  /** Desk officers, specialists and leaders: their agency's identifier code. */
  readonly agencyId?: string;
  /** Desk officers: the desks they serve at. */
  readonly deskIds?: readonly string[];
  readonly issuer: string;
}

/**
 * What the access policy reads: a `Principal` (at the gateway) or an `Actor` bound to its
 * request's tenant (in a service, see `accessSubjectOf`). Roles are plain strings because
 * an actor arrives from metadata; unknown roles grant nothing.
 */
export interface AccessSubject {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly tenantId?: string;
  readonly agencyId?: string;
  readonly deskIds?: readonly string[];
}

/** The actor propagated in gRPC metadata and Kafka headers (the tenant travels beside it). */
export function actorFromPrincipal(principal: Principal): Actor {
  const actor: Actor = { subject: principal.subject, roles: [...principal.roles] };
  if (principal.agencyId !== undefined) actor.agencyId = principal.agencyId;
  if (principal.deskIds !== undefined) actor.deskIds = [...principal.deskIds];
  return actor;
}

/**
 * The subject a service authorizes: the propagated actor with the tenant of the request.
 * The gateway only forwards a staff request whose tenant equals the token's tenant, so for
 * staff this is their own tenant. No actor (a system call): undefined.
 */
export function accessSubjectOf(context: TenantContext): AccessSubject | undefined {
  if (!context.actor) return undefined;
  return { ...context.actor, tenantId: context.tenantId };
}

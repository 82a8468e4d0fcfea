import { AuthError, AuthErrorCode } from './auth.errors';
import type { AccessSubject } from './principal';
import { isRole, Role } from './role';

/**
 * What a caller may try. `<resource>.<verb>`; add an action here and give it a rule in
 * `RULES` below (the compiler refuses an action without one).
 */
export const ACTIONS = [
  /** Create a tenant (a province) on the platform. */
  'tenant.onboard',
  /** A tenant's own administration: settings, agencies, desks, staff, calendar. */
  'tenant.administer',
  /** Read the procedure catalogue (public information). */
  'procedure.read',
  /** Create and version procedures, fees, internal processes. */
  'procedure.manage',
  /** Submit a dossier as its applicant. */
  'dossier.submit',
  'dossier.read',
  /** The applicant asks to stop processing (Decree 118 art. 21). */
  'dossier.withdraw',
  /** Desk work at intake: check, receive, request a supplement, refuse. */
  'dossier.receive',
  /** Handle, appraise, transfer between agencies. */
  'dossier.process',
  /** Approve or refuse the result (sign). */
  'dossier.approve',
  /** Return the result at the desk. */
  'dossier.return',
  /** Read the tenant's audit log. */
  'audit.read',
  /** Read aggregated figures (indices, on-time rates): never single dossiers. */
  'statistics.read',
] as const;

export type Action = (typeof ACTIONS)[number];

/**
 * What the act touches, as loaded by the service from its own data (never taken from the
 * request body): fields a rule needs and the resource lacks deny the act.
 */
export interface AccessResource {
  /** The tenant owning the resource. For `statistics.read`: the tenant aggregated (unset: national). */
  readonly tenantId?: string;
  /** The agency responsible for it (identifier code). */
  readonly agencyId?: string;
  /** The desk it is at, when it is at one. */
  readonly deskId?: string;
  /** The applicant's subject (citizen or business) of a dossier. */
  readonly ownerSubject?: string;
}

export type DenyReason =
  | 'unknown_action'
  | 'no_known_role'
  | 'role_not_permitted'
  | 'subject_incomplete'
  | 'resource_incomplete'
  | 'not_owner'
  | 'other_tenant'
  | 'other_agency'
  | 'other_desk';

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: DenyReason };

/**
 * How far a role reaches for one action:
 * - `owner`: only resources whose `ownerSubject` is the caller;
 * - `public`: public information, any tenant;
 * - `tenant`: the caller's tenant;
 * - `agency`: the caller's tenant and agency;
 * - `desk`: as `agency`, and the caller's desks when the resource is at a desk;
 * - `national`: platform-wide acts and aggregates, no tenant-internal data.
 */
type Scope = 'owner' | 'public' | 'tenant' | 'agency' | 'desk' | 'national';

const RULES: Readonly<Record<Action, Readonly<Partial<Record<Role, Scope>>>>> = {
  'tenant.onboard': { national_admin: 'national' },
  'tenant.administer': { tenant_admin: 'tenant' },
  'procedure.read': {
    citizen: 'public',
    business: 'public',
    desk_officer: 'tenant',
    specialist: 'tenant',
    leader: 'tenant',
    tenant_admin: 'tenant',
  },
  'procedure.manage': { tenant_admin: 'tenant' },
  'dossier.submit': { citizen: 'owner', business: 'owner' },
  'dossier.read': { citizen: 'owner', business: 'owner', desk_officer: 'desk', specialist: 'agency', leader: 'agency' },
  'dossier.withdraw': { citizen: 'owner', business: 'owner' },
  'dossier.receive': { desk_officer: 'desk' },
  'dossier.process': { specialist: 'agency', leader: 'agency' },
  'dossier.approve': { leader: 'agency' },
  'dossier.return': { desk_officer: 'desk' },
  'audit.read': { tenant_admin: 'tenant' },
  'statistics.read': { national_analyst: 'national', tenant_admin: 'tenant', leader: 'agency' },
};

const ALLOW: Decision = { allowed: true };
const deny = (reason: DenyReason): Decision => ({ allowed: false, reason });

function present(value: string | undefined): value is string {
  return typeof value === 'string' && value !== '';
}

function withinScope(subject: AccessSubject, scope: Scope, resource: AccessResource): Decision {
  switch (scope) {
    case 'public':
    case 'national':
      return ALLOW;
    case 'owner':
      if (!present(resource.ownerSubject)) return deny('resource_incomplete');
      return resource.ownerSubject === subject.subject ? ALLOW : deny('not_owner');
    case 'tenant':
    case 'agency':
    case 'desk': {
      if (!present(subject.tenantId)) return deny('subject_incomplete');
      if (!present(resource.tenantId)) return deny('resource_incomplete');
      if (resource.tenantId !== subject.tenantId) return deny('other_tenant');
      if (scope === 'tenant') return ALLOW;
      if (!present(subject.agencyId)) return deny('subject_incomplete');
      if (!present(resource.agencyId)) return deny('resource_incomplete');
      if (resource.agencyId !== subject.agencyId) return deny('other_agency');
      if (scope === 'agency' || resource.deskId === undefined) return ALLOW;
      return present(resource.deskId) && (subject.deskIds ?? []).includes(resource.deskId) ? ALLOW : deny('other_desk');
    }
    default: {
      const unreachable: never = scope;
      throw new Error(`Unknown scope ${String(unreachable)}`);
    }
  }
}

const ACTION_SET: ReadonlySet<string> = new Set(ACTIONS);

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && ACTION_SET.has(value);
}

/**
 * The access policy, written once: may `subject` do `action` on `resource`? Pure and
 * synchronous, evaluated locally in each service from the propagated claims. Any of the
 * caller's roles may allow; unknown roles grant nothing; missing facts deny.
 */
export function authorize(subject: AccessSubject, action: Action, resource: AccessResource = {}): Decision {
  if (!isAction(action)) return deny('unknown_action');
  if (!present(subject.subject)) return deny('subject_incomplete');
  const roles = subject.roles.filter(isRole);
  if (roles.length === 0) return deny('no_known_role');
  let firstRefusal: Decision | undefined;
  for (const role of roles) {
    const scope = RULES[action][role];
    if (scope === undefined) continue;
    const decision = withinScope(subject, scope, resource);
    if (decision.allowed) return decision;
    firstRefusal ??= decision;
  }
  return firstRefusal ?? deny('role_not_permitted');
}

/** `authorize`, throwing `AuthError(ACCESS_DENIED)` with the action and the reason when refused. */
export function assertAuthorized(subject: AccessSubject, action: Action, resource: AccessResource = {}): void {
  const decision = authorize(subject, action, resource);
  if (!decision.allowed) {
    throw new AuthError(AuthErrorCode.AccessDenied, `Not allowed to ${action}`, { action, reason: decision.reason });
  }
}

import { isTenantId } from '@motcua/tenancy';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { Principal } from './principal';
import { AGENCY_BOUND_ROLES, isRole, Role, ROLES_BY_ISSUER_KIND } from './role';
import type { TrustedIssuer } from './trusted-issuer';

/** The claim names MotCua reads from an access token (besides the registered JWT claims). */
export const Claims = {
  subject: 'sub',
  roles: 'roles',
  tenantId: 'tenant_id',
  agencyId: 'agency_id',
  deskIds: 'desk_ids',
} as const;

const MAX_ID_LENGTH = 255;

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function claimInvalid(claim: string): AuthError {
  return new AuthError(AuthErrorCode.ClaimInvalid, `The "${claim}" claim is missing or malformed`, { claim });
}

/**
 * Turns the claims of a token whose signature, issuer, audience and times were verified into
 * a principal, refusing what the issuer may not assert: roles outside its kind, a staff token
 * without its tenant, a tenant the issuer does not serve. Pure: no I/O.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>, trusted: TrustedIssuer): Principal {
  const subject = claims[Claims.subject];
  if (!isId(subject)) throw claimInvalid(Claims.subject);

  const rawRoles = claims[Claims.roles];
  if (!Array.isArray(rawRoles) || rawRoles.length === 0 || !rawRoles.every((role) => typeof role === 'string')) {
    throw claimInvalid(Claims.roles);
  }
  const allowed = ROLES_BY_ISSUER_KIND[trusted.audienceKind];
  const refused = (rawRoles as string[]).filter((role) => !isRole(role) || !allowed.includes(role));
  if (refused.length > 0) {
    throw new AuthError(AuthErrorCode.RoleNotAllowed, `A ${trusted.audienceKind} issuer may not grant these roles`, {
      issuerKind: trusted.audienceKind,
      roles: refused.map((role) => (isRole(role) ? role : 'unknown')),
    });
  }
  const roles = [...new Set(rawRoles as Role[])];

  if (trusted.audienceKind === 'national') {
    return { subject, roles, issuer: trusted.issuer };
  }

  const claimedTenant = claims[Claims.tenantId];
  if (trusted.audienceKind === 'citizen') {
    // Citizens belong to no tenant; a province's own citizen sign-in binds them to it.
    if (trusted.tenantId === undefined) return { subject, roles, issuer: trusted.issuer };
    if (claimedTenant !== undefined && claimedTenant !== trusted.tenantId) {
      throw new AuthError(AuthErrorCode.TenantMismatch, 'The token names a tenant its issuer does not serve');
    }
    return { subject, roles, tenantId: trusted.tenantId, issuer: trusted.issuer };
  }

  // Staff: bound to their issuer's tenant, and (except tenant admins) to one agency.
  if (claimedTenant === undefined || claimedTenant === null || claimedTenant === '') {
    throw new AuthError(AuthErrorCode.TenantMissing, 'A staff token must carry its tenant', { claim: Claims.tenantId });
  }
  if (!isTenantId(claimedTenant)) throw claimInvalid(Claims.tenantId);
  if (claimedTenant !== trusted.tenantId) {
    throw new AuthError(AuthErrorCode.TenantMismatch, 'The token names a tenant its issuer does not serve');
  }

  const agencyId = claims[Claims.agencyId];
  if (agencyId !== undefined && !isId(agencyId)) throw claimInvalid(Claims.agencyId);
  if (agencyId === undefined && roles.some((role) => AGENCY_BOUND_ROLES.includes(role))) {
    throw claimInvalid(Claims.agencyId);
  }
  const deskIds = claims[Claims.deskIds];
  if (deskIds !== undefined && !(Array.isArray(deskIds) && deskIds.every(isId))) throw claimInvalid(Claims.deskIds);

  const principal: { -readonly [K in keyof Principal]: Principal[K] } = {
    subject,
    roles,
    tenantId: claimedTenant,
    issuer: trusted.issuer,
  };
  if (agencyId !== undefined) principal.agencyId = agencyId;
  if (deskIds !== undefined) principal.deskIds = [...new Set(deskIds as string[])];
  return principal;
}

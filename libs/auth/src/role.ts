/**
 * The roles of MotCua. Citizens and businesses sign in through the national identity; staff
 * through their province's identity provider; national admins and analysts through the
 * national issuer. Which issuer may grant which role is fixed here, once.
 */
export const ROLES = [
  'citizen',
  'business',
  'desk_officer',
  'specialist',
  'leader',
  'tenant_admin',
  'national_admin',
  'national_analyst',
] as const;

export type Role = (typeof ROLES)[number];

/** The kind of a trusted issuer: decides which roles its tokens may carry. */
export type IssuerKind = 'citizen' | 'staff' | 'national';

export const ROLES_BY_ISSUER_KIND: Readonly<Record<IssuerKind, readonly Role[]>> = {
  citizen: ['citizen', 'business'],
  staff: ['desk_officer', 'specialist', 'leader', 'tenant_admin'],
  national: ['national_admin', 'national_analyst'],
};

/** Staff roles that work inside one agency: their tokens must name it. */
export const AGENCY_BOUND_ROLES: readonly Role[] = ['desk_officer', 'specialist', 'leader'];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

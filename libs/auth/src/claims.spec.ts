import { contextFromCarrier, contextToCarrier } from '@motcua/tenancy';
import { AuthError, AuthErrorCode } from './auth.errors';
import { principalFromClaims } from './claims';
import { accessSubjectOf, actorFromPrincipal } from './principal';
import { TrustedIssuer, validateTrustedIssuers } from './trusted-issuer';

const citizenIssuer: TrustedIssuer = {
  issuer: 'https://sso.dichvucong.gov.vn',
  audience: 'motcua-api',
  jwksUri: 'https://sso.dichvucong.gov.vn/jwks',
  audienceKind: 'citizen',
};
const hyStaff: TrustedIssuer = {
  issuer: 'https://idp.hungyen.gov.vn/realms/staff',
  audience: 'motcua-api',
  jwksUri: 'https://idp.hungyen.gov.vn/realms/staff/jwks',
  audienceKind: 'staff',
  tenantId: 'hung-yen',
};
const national: TrustedIssuer = {
  issuer: 'https://idp.motcua.gov.vn/national',
  audience: 'motcua-api',
  jwksUri: 'https://idp.motcua.gov.vn/national/jwks',
  audienceKind: 'national',
};

const staffClaims = {
  sub: 'hy-desk-1',
  roles: ['desk_officer'],
  tenant_id: 'hung-yen',
  agency_id: '000.00.17.H33',
  desk_ids: ['H33-TTPVHCC-Q01'],
};

function refusal(claims: Record<string, unknown>, trusted: TrustedIssuer): [AuthErrorCode, string] | 'accepted' {
  try {
    principalFromClaims(claims, trusted);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return [error.code, error.category];
  }
}

describe('principalFromClaims', () => {
  it('maps a staff token to its principal', () => {
    expect(principalFromClaims(staffClaims, hyStaff)).toEqual({
      subject: 'hy-desk-1',
      roles: ['desk_officer'],
      tenantId: 'hung-yen',
      agencyId: '000.00.17.H33',
      deskIds: ['H33-TTPVHCC-Q01'],
      issuer: hyStaff.issuer,
    });
  });

  it('gives a citizen no tenant and drops staff-only claims', () => {
    const claims = { sub: 'c-1', roles: ['citizen'], tenant_id: 'hung-yen', agency_id: '000.00.17.H33' };
    expect(principalFromClaims(claims, citizenIssuer)).toEqual({ subject: 'c-1', roles: ['citizen'], issuer: citizenIssuer.issuer });
  });

  it('binds citizens of a province’s own sign-in to that province', () => {
    const provincial = { ...citizenIssuer, issuer: 'https://id.hungyen.gov.vn', tenantId: 'hung-yen' };
    expect(principalFromClaims({ sub: 'c-1', roles: ['citizen'] }, provincial).tenantId).toBe('hung-yen');
    expect(refusal({ sub: 'c-1', roles: ['citizen'], tenant_id: 'thai-nguyen' }, provincial)).toEqual([
      AuthErrorCode.TenantMismatch,
      'forbidden',
    ]);
  });

  it.each<[string, Record<string, unknown>, TrustedIssuer, [AuthErrorCode, string]]>([
    ['citizen issuer minting tenant_admin', { sub: 'c-1', roles: ['citizen', 'tenant_admin'] }, citizenIssuer, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['citizen issuer minting national_admin', { sub: 'c-1', roles: ['national_admin'] }, citizenIssuer, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['staff issuer minting citizen', { ...staffClaims, roles: ['citizen'] }, hyStaff, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['staff issuer minting national_analyst', { ...staffClaims, roles: ['national_analyst'] }, hyStaff, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['national issuer minting tenant_admin', { sub: 'n-1', roles: ['tenant_admin'] }, national, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['an unknown role', { sub: 'c-1', roles: ['root'] }, citizenIssuer, [AuthErrorCode.RoleNotAllowed, 'forbidden']],
    ['staff token without tenant', { ...staffClaims, tenant_id: undefined }, hyStaff, [AuthErrorCode.TenantMissing, 'unauthenticated']],
    ['staff token of another tenant', { ...staffClaims, tenant_id: 'thai-nguyen' }, hyStaff, [AuthErrorCode.TenantMismatch, 'forbidden']],
    ['staff token with a malformed tenant', { ...staffClaims, tenant_id: 'Hung Yen' }, hyStaff, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['desk officer without agency', { ...staffClaims, agency_id: undefined }, hyStaff, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['desk ids not a list', { ...staffClaims, desk_ids: 'H33-TTPVHCC-Q01' }, hyStaff, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['roles as a string', { sub: 'c-1', roles: 'citizen' }, citizenIssuer, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['no roles', { sub: 'c-1', roles: [] }, citizenIssuer, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
    ['no subject', { roles: ['citizen'] }, citizenIssuer, [AuthErrorCode.ClaimInvalid, 'unauthenticated']],
  ])('refuses %s', (_name, claims, trusted, expected) => {
    expect(refusal(claims, trusted)).toEqual(expected);
  });

  it('lets a tenant admin work without an agency', () => {
    const claims = { sub: 'hy-admin', roles: ['tenant_admin'], tenant_id: 'hung-yen' };
    expect(principalFromClaims(claims, hyStaff)).toEqual({ subject: 'hy-admin', roles: ['tenant_admin'], tenantId: 'hung-yen', issuer: hyStaff.issuer });
  });
});

describe('actor propagation', () => {
  it('carries the principal through gRPC metadata and binds it to the request tenant', () => {
    const principal = principalFromClaims(staffClaims, hyStaff);
    const actor = actorFromPrincipal(principal);
    expect(actor).toEqual({ subject: 'hy-desk-1', roles: ['desk_officer'], agencyId: '000.00.17.H33', deskIds: ['H33-TTPVHCC-Q01'] });
    const carrier = contextToCarrier({ tenantId: 'hung-yen', traceId: 'a'.repeat(32), actor });
    const received = contextFromCarrier((key) => carrier[key]);
    expect(accessSubjectOf(received)).toEqual({ ...actor, tenantId: 'hung-yen' });
  });

  it('has no subject for a call without an actor', () => {
    expect(accessSubjectOf({ tenantId: 'hung-yen', traceId: 'b'.repeat(32) })).toBeUndefined();
  });
});

describe('validateTrustedIssuers', () => {
  it('accepts https and loopback http', () => {
    expect(() =>
      validateTrustedIssuers([citizenIssuer, hyStaff, national, { ...national, issuer: 'http://127.0.0.1:4010', jwksUri: 'http://127.0.0.1:4010/jwks' }]),
    ).not.toThrow();
  });

  it.each<[string, TrustedIssuer[], RegExp]>([
    ['no issuer', [], /At least one/],
    ['a duplicate', [hyStaff, hyStaff], /configured twice/],
    ['plain http on the network', [{ ...citizenIssuer, jwksUri: 'http://sso.example.vn/jwks' }], /https/],
    ['a staff issuer without tenant', [{ ...hyStaff, tenantId: undefined }], /set tenantId/],
    ['a national issuer with a tenant', [{ ...national, tenantId: 'hung-yen' }], /serves no tenant/],
    ['an empty audience', [{ ...citizenIssuer, audience: '' }], /audience/],
  ])('refuses %s', (_name, issuers, message) => {
    expect(() => validateTrustedIssuers(issuers)).toThrow(message);
  });
});

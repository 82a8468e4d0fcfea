import fc from 'fast-check';
import { ACTIONS, AccessResource, Action, assertAuthorized, authorize, DenyReason } from './access-policy';
import { AuthError, AuthErrorCode } from './auth.errors';
import type { AccessSubject } from './principal';
import { ROLES } from './role';

// The people of the table: Hưng Yên (hung-yen) staff in the Department of Justice
// (000.00.17.H33) and the Department of Finance (000.00.12.H33), a Thái Nguyên officer whose
// agency code was deliberately copied, two citizens, a business, national roles.
const HY = 'hung-yen';
const TN = 'thai-nguyen';
const JUSTICE = '000.00.17.H33';
const FINANCE = '000.00.12.H33';
const DESK_1 = 'H33-TTPVHCC-Q01';
const DESK_2 = 'H33-TTPVHCC-Q02';

const an: AccessSubject = { subject: 'citizen-an', roles: ['citizen'] };
const binh: AccessSubject = { subject: 'citizen-binh', roles: ['citizen'] };
const company: AccessSubject = { subject: 'business-hung-phat', roles: ['business'] };
const desk: AccessSubject = { subject: 'hy-desk', roles: ['desk_officer'], tenantId: HY, agencyId: JUSTICE, deskIds: [DESK_1] };
const deskNoDesks: AccessSubject = { subject: 'hy-desk-new', roles: ['desk_officer'], tenantId: HY, agencyId: JUSTICE };
const specialist: AccessSubject = { subject: 'hy-spec', roles: ['specialist'], tenantId: HY, agencyId: JUSTICE };
const specialistNoAgency: AccessSubject = { subject: 'hy-spec-x', roles: ['specialist'], tenantId: HY };
const leader: AccessSubject = { subject: 'hy-leader', roles: ['leader'], tenantId: HY, agencyId: JUSTICE };
const specialistAndLeader: AccessSubject = { subject: 'hy-both', roles: ['specialist', 'leader'], tenantId: HY, agencyId: JUSTICE };
const hyAdmin: AccessSubject = { subject: 'hy-admin', roles: ['tenant_admin'], tenantId: HY };
const tnDesk: AccessSubject = { subject: 'tn-desk', roles: ['desk_officer'], tenantId: TN, agencyId: JUSTICE, deskIds: [DESK_1] };
const nationalAdmin: AccessSubject = { subject: 'nat-admin', roles: ['national_admin'] };
const analyst: AccessSubject = { subject: 'nat-analyst', roles: ['national_analyst'] };
/** An actor as it arrives from metadata, not yet bound to its request's tenant. */
const unboundDeskActor: AccessSubject = { subject: 'hy-desk', roles: ['desk_officer'], agencyId: JUSTICE, deskIds: [DESK_1] };

const dossierOf = (ownerSubject: string, extra: Partial<AccessResource> = {}): AccessResource => ({
  tenantId: HY,
  agencyId: JUSTICE,
  deskId: DESK_1,
  ownerSubject,
  ...extra,
});
const anDossier = dossierOf('citizen-an');
const hyTenant: AccessResource = { tenantId: HY };
const tnTenant: AccessResource = { tenantId: TN };

type Case = [string, AccessSubject, Action, AccessResource, true | DenyReason];

const cases: Case[] = [
  // Citizens and businesses: their own dossiers only.
  ['citizen reads own dossier', an, 'dossier.read', anDossier, true],
  ['citizen submits own dossier', an, 'dossier.submit', anDossier, true],
  ['citizen withdraws own dossier', an, 'dossier.withdraw', anDossier, true],
  ['citizen reads another citizen’s dossier', binh, 'dossier.read', anDossier, 'not_owner'],
  ['citizen submits in another subject’s name', binh, 'dossier.submit', anDossier, 'not_owner'],
  ['citizen withdraws another citizen’s dossier', binh, 'dossier.withdraw', anDossier, 'not_owner'],
  ['citizen reads a dossier whose owner was not loaded', an, 'dossier.read', { tenantId: HY }, 'resource_incomplete'],
  ['empty subject on an ownerless dossier', { subject: '', roles: ['citizen'] }, 'dossier.read', dossierOf(''), 'subject_incomplete'],
  ['citizen receives own dossier at the desk', an, 'dossier.receive', anDossier, 'role_not_permitted'],
  ['citizen approves own dossier', an, 'dossier.approve', anDossier, 'role_not_permitted'],
  ['citizen reads the audit log', an, 'audit.read', hyTenant, 'role_not_permitted'],
  ['citizen reads any province’s catalogue', an, 'procedure.read', tnTenant, true],
  ['business reads own dossier', company, 'dossier.read', dossierOf('business-hung-phat'), true],
  ['business reads a citizen’s dossier', company, 'dossier.read', anDossier, 'not_owner'],
  ['business manages procedures', company, 'procedure.manage', hyTenant, 'role_not_permitted'],
  // Desk officers: their tenant, agency and desks.
  ['desk officer reads a dossier at own desk', desk, 'dossier.read', anDossier, true],
  ['desk officer receives at own desk', desk, 'dossier.receive', anDossier, true],
  ['desk officer returns the result at own desk', desk, 'dossier.return', anDossier, true],
  ['desk officer receives an online dossier (no desk) of own agency', desk, 'dossier.receive', dossierOf('citizen-an', { deskId: undefined }), true],
  ['desk officer receives at another desk of own agency', desk, 'dossier.receive', dossierOf('citizen-an', { deskId: DESK_2 }), 'other_desk'],
  ['desk officer reads a dossier at another desk', desk, 'dossier.read', dossierOf('citizen-an', { deskId: DESK_2 }), 'other_desk'],
  ['desk officer without desks on a desk dossier', deskNoDesks, 'dossier.receive', anDossier, 'other_desk'],
  ['desk officer of agency A on agency B', desk, 'dossier.receive', dossierOf('citizen-an', { agencyId: FINANCE }), 'other_agency'],
  ['desk officer of tenant Y with the same agency code on tenant X', tnDesk, 'dossier.read', anDossier, 'other_tenant'],
  ['desk officer approves', desk, 'dossier.approve', anDossier, 'role_not_permitted'],
  ['desk officer processes', desk, 'dossier.process', anDossier, 'role_not_permitted'],
  ['desk officer submits as if applicant', desk, 'dossier.submit', dossierOf('hy-desk'), 'role_not_permitted'],
  ['desk actor not bound to a tenant', unboundDeskActor, 'dossier.read', anDossier, 'subject_incomplete'],
  ['desk officer on a dossier without tenant', desk, 'dossier.read', { agencyId: JUSTICE, ownerSubject: 'citizen-an' }, 'resource_incomplete'],
  ['desk officer reads own tenant’s catalogue', desk, 'procedure.read', hyTenant, true],
  ['desk officer reads another tenant’s catalogue', desk, 'procedure.read', tnTenant, 'other_tenant'],
  // Specialists and leaders: their tenant and agency.
  ['specialist processes in own agency (any desk)', specialist, 'dossier.process', dossierOf('citizen-an', { deskId: DESK_2 }), true],
  ['specialist processes in another agency', specialist, 'dossier.process', dossierOf('citizen-an', { agencyId: FINANCE }), 'other_agency'],
  ['specialist approves', specialist, 'dossier.approve', anDossier, 'role_not_permitted'],
  ['specialist without an agency', specialistNoAgency, 'dossier.read', anDossier, 'subject_incomplete'],
  ['leader approves in own agency', leader, 'dossier.approve', anDossier, true],
  ['leader approves in another tenant', leader, 'dossier.approve', dossierOf('citizen-an', { tenantId: TN }), 'other_tenant'],
  ['leader reads own agency’s statistics', leader, 'statistics.read', { tenantId: HY, agencyId: JUSTICE }, true],
  ['leader reads the whole tenant’s statistics', leader, 'statistics.read', hyTenant, 'resource_incomplete'],
  ['leader administers the tenant', leader, 'tenant.administer', hyTenant, 'role_not_permitted'],
  ['specialist+leader approves in own agency', specialistAndLeader, 'dossier.approve', anDossier, true],
  ['specialist+leader approves in another agency', specialistAndLeader, 'dossier.approve', dossierOf('citizen-an', { agencyId: FINANCE }), 'other_agency'],
  // Tenant admins: their tenant's administration only.
  ['tenant admin manages own procedures', hyAdmin, 'procedure.manage', hyTenant, true],
  ['tenant admin administers own tenant', hyAdmin, 'tenant.administer', hyTenant, true],
  ['tenant admin reads own audit log', hyAdmin, 'audit.read', hyTenant, true],
  ['tenant admin reads own tenant’s statistics', hyAdmin, 'statistics.read', hyTenant, true],
  ['tenant admin of X manages Y’s procedures', hyAdmin, 'procedure.manage', tnTenant, 'other_tenant'],
  ['tenant admin of X reads Y’s audit log', hyAdmin, 'audit.read', tnTenant, 'other_tenant'],
  ['tenant admin of X administers Y', hyAdmin, 'tenant.administer', tnTenant, 'other_tenant'],
  ['tenant admin reads a dossier', hyAdmin, 'dossier.read', anDossier, 'role_not_permitted'],
  ['tenant admin onboards a tenant', hyAdmin, 'tenant.onboard', {}, 'role_not_permitted'],
  // National roles.
  ['national admin onboards a tenant', nationalAdmin, 'tenant.onboard', { tenantId: 'ninh-binh' }, true],
  ['national admin reads a dossier', nationalAdmin, 'dossier.read', anDossier, 'role_not_permitted'],
  ['national admin manages a tenant’s procedures', nationalAdmin, 'procedure.manage', hyTenant, 'role_not_permitted'],
  ['national admin reads a tenant’s audit log', nationalAdmin, 'audit.read', hyTenant, 'role_not_permitted'],
  ['national analyst reads national statistics', analyst, 'statistics.read', {}, true],
  ['national analyst reads a province’s statistics', analyst, 'statistics.read', hyTenant, true],
  ['national analyst reads a dossier', analyst, 'dossier.read', anDossier, 'role_not_permitted'],
  ['national analyst reads an audit log', analyst, 'audit.read', hyTenant, 'role_not_permitted'],
  ['national analyst onboards a tenant', analyst, 'tenant.onboard', {}, 'role_not_permitted'],
  // Roles and actions nobody defined.
  ['an invented role', { subject: 'x', roles: ['superuser'] }, 'dossier.read', anDossier, 'no_known_role'],
  ['no roles at all', { subject: 'x', roles: [] }, 'procedure.read', hyTenant, 'no_known_role'],
  ['an action smuggled in at run time', hyAdmin, 'tenant.delete' as Action, hyTenant, 'unknown_action'],
];

describe('authorize', () => {
  it.each(cases)('%s', (_name, subject, action, resource, expected) => {
    expect(authorize(subject, action, resource)).toEqual(expected === true ? { allowed: true } : { allowed: false, reason: expected });
  });

  it('has a rule for every action (the table names each one)', () => {
    const covered = new Set(cases.map(([, , action]) => action));
    expect(ACTIONS.filter((action) => !covered.has(action))).toEqual([]);
  });
});

describe('assertAuthorized', () => {
  it('throws ACCESS_DENIED (forbidden) with the action and reason, naming no person', () => {
    let thrown: unknown;
    try {
      assertAuthorized(binh, 'dossier.read', anDossier);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AuthError);
    const error = thrown as AuthError;
    expect([error.code, error.category, error.details]).toEqual([
      AuthErrorCode.AccessDenied,
      'forbidden',
      { action: 'dossier.read', reason: 'not_owner' },
    ]);
    expect(error.message).not.toContain('citizen-');
  });

  it('returns quietly when allowed', () => {
    expect(() => assertAuthorized(an, 'dossier.read', anDossier)).not.toThrow();
  });
});

describe('authorize, properties', () => {
  const id = fc.stringMatching(/^[a-z0-9.-]{1,12}$/);
  const role = fc.constantFrom(...ROLES);
  const action = fc.constantFrom(...ACTIONS);
  const resource = fc.record(
    { tenantId: id, agencyId: id, deskId: id, ownerSubject: id },
    { requiredKeys: [] },
  );
  const subject = fc.record(
    { subject: id, roles: fc.array(role, { maxLength: 3 }), tenantId: id, agencyId: id, deskIds: fc.array(id, { maxLength: 2 }) },
    { requiredKeys: ['subject', 'roles'] },
  );

  it('never lets staff act on another tenant’s resource', () => {
    fc.assert(
      fc.property(subject, action, resource, (who, act, what) => {
        const staffOnly = who.roles.every((r) => ['desk_officer', 'specialist', 'leader', 'tenant_admin'].includes(r));
        fc.pre(staffOnly && what.tenantId !== undefined && what.tenantId !== who.tenantId);
        expect(authorize(who, act, what).allowed).toBe(false);
      }),
    );
  });

  it('never lets citizens or businesses touch a dossier they do not own', () => {
    fc.assert(
      fc.property(subject, action, resource, (who, act, what) => {
        fc.pre(who.roles.every((r) => r === 'citizen' || r === 'business') && act.startsWith('dossier.'));
        fc.pre(what.ownerSubject !== who.subject);
        expect(authorize(who, act, what).allowed).toBe(false);
      }),
    );
  });

  it('gives national analysts nothing but statistics', () => {
    fc.assert(
      fc.property(action, resource, (act, what) => {
        const decision = authorize({ subject: 'analyst', roles: ['national_analyst'], tenantId: what.tenantId }, act, what);
        expect(decision.allowed).toBe(act === 'statistics.read');
      }),
    );
  });
});

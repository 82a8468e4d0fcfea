import { personalDataAccessOf } from './personal-data-access';

describe('personal data access', () => {
  const at = { id: '2f1c0a4e-7b7d-4c61-9a3e-0e3b9c1d2a11', accessedAt: new Date('2026-11-26T03:00:00Z'), traceId: '0123456789abcdef0123456789abcdef' };
  const read = { read: 'GetDossierDetail' as const, dataSubject: 'citizen-an', dossierId: '9b1e7c1e-51f0-4f0f-9d51-3d6f3c9a0b22' };

  it('records an officer reading an applicant’s dossier: who, roles, agency, what, trace', () => {
    const officer = { subject: 'hy-desk-0001', roles: ['desk_officer'], agencyId: '000.00.17.H33' };
    expect(personalDataAccessOf(officer, read, at)).toEqual({
      id: at.id,
      accessedAt: at.accessedAt,
      actorSubject: 'hy-desk-0001',
      actorRoles: ['desk_officer'],
      actorAgencyId: '000.00.17.H33',
      dataSubject: 'citizen-an',
      dossierId: read.dossierId,
      read: 'GetDossierDetail',
      traceId: at.traceId,
    });
  });

  it('records a tenant-wide role without an agency', () => {
    expect(personalDataAccessOf({ subject: 'hy-admin', roles: ['tenant_admin'] }, { ...read, read: 'GetReceipt' }, at)).toMatchObject({
      actorAgencyId: null,
      read: 'GetReceipt',
    });
  });

  it('does not record the applicant reading their own dossier', () => {
    expect(personalDataAccessOf({ subject: 'citizen-an', roles: ['citizen'] }, read, at)).toBeNull();
  });
});

import { AuditRecordedV1, parseEventData } from '@motcua/contracts';
import { auditEntryOf, AuditPlan } from './audit-entry';

const plan: AuditPlan = {
  tenantId: 'hung-yen',
  actorSubject: '0b7e4c1a-3f52-4d8e-9a61-5c2f7d9e1a01',
  actorRoles: ['citizen'],
  method: 'POST',
  route: '/v1/dossiers',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  clientIp: '203.113.130.5',
  userAgent: 'MotCua-Android/1.4',
};
const occurredAt = new Date('2026-11-26T03:00:00.120Z');
const AUDIT_ID = '0190f3a2-7c4e-7b1a-8d2e-000000000004';
const dossier = { id: '0190f3a2-7c4e-7b1a-8d2e-000000000002', status: 'submitted', applicant: { fullName: 'Nguyễn Văn An' } };

describe('auditEntryOf', () => {
  it('records who, what, when and from where of a write in its tenant, and nothing of the bodies', () => {
    const entry = auditEntryOf(plan, { status: 201, answer: dossier, replayed: false, occurredAt }, AUDIT_ID);
    expect(entry).toEqual({
      tenantId: 'hung-yen',
      data: {
        auditId: AUDIT_ID,
        occurredAt: '2026-11-26T03:00:00.120Z',
        actorSubject: plan.actorSubject,
        actorRoles: ['citizen'],
        method: 'POST',
        route: '/v1/dossiers',
        resourceId: dossier.id,
        status: 201,
        replayed: false,
        clientIp: '203.113.130.5',
        userAgent: 'MotCua-Android/1.4',
        traceId: plan.traceId,
      },
    });
    expect(JSON.stringify(entry)).not.toContain('Nguyễn');
    expect(parseEventData(AuditRecordedV1.type, entry?.data)).toEqual(entry?.data);
  });

  it('records refusals and replays, naming no resource when the answer named none', () => {
    expect(auditEntryOf(plan, { status: 403, replayed: false, occurredAt })?.data).toMatchObject({ status: 403, resourceId: null });
    expect(auditEntryOf(plan, { status: 201, answer: dossier, replayed: true, occurredAt })?.data).toMatchObject({ status: 201, replayed: true });
    expect(auditEntryOf(plan, { status: 499, replayed: false, occurredAt })?.data).toMatchObject({ status: 499, resourceId: null });
  });

  it('puts a national act in the log of the tenant its answer names', () => {
    const national: AuditPlan = { ...plan, tenantId: undefined, tenantFromAnswer: 'id', actorRoles: ['national_admin'], route: '/v1/tenants' };
    expect(auditEntryOf(national, { status: 201, answer: { id: 'thai-nguyen', officialCode: '19' }, replayed: false, occurredAt })).toMatchObject({
      tenantId: 'thai-nguyen',
      data: { resourceId: 'thai-nguyen', route: '/v1/tenants' },
    });
    // Refused, or an answer naming no valid tenant: no tenant's log to put it in.
    expect(auditEntryOf(national, { status: 403, replayed: false, occurredAt })).toBeUndefined();
    expect(auditEntryOf(national, { status: 201, answer: { id: 'Not A Tenant' }, replayed: false, occurredAt })).toBeUndefined();
    expect(auditEntryOf({ ...national, tenantFromAnswer: undefined }, { status: 201, answer: { id: 'thai-nguyen' }, replayed: false, occurredAt })).toBeUndefined();
  });

  it('leaves rate-limit refusals and reads out', () => {
    expect(auditEntryOf(plan, { status: 429, replayed: false, occurredAt })).toBeUndefined();
    expect(auditEntryOf({ ...plan, method: 'GET' }, { status: 200, replayed: false, occurredAt })).toBeUndefined();
  });

  it('keeps only what its schema allows from the request', () => {
    const entry = auditEntryOf(
      { ...plan, clientIp: 'not-an-ip', userAgent: `evil\r\nX-Injected: 1${'a'.repeat(400)}`, actorRoles: ['citizen', 'Robert"); DROP'] },
      { status: 201, answer: { id: 'x'.repeat(101) }, replayed: false, occurredAt },
    );
    expect(entry?.data).toMatchObject({ clientIp: null, resourceId: null, actorRoles: ['citizen'] });
    expect(entry?.data.userAgent).toHaveLength(256);
    expect(entry?.data.userAgent).not.toMatch(/[\r\n]/);
    expect(() => parseEventData(AuditRecordedV1.type, entry?.data)).not.toThrow();
    expect(auditEntryOf({ ...plan, clientIp: '::ffff:10.0.0.1', userAgent: '   ' }, { status: 201, replayed: false, occurredAt })?.data).toMatchObject({
      clientIp: '::ffff:10.0.0.1',
      userAgent: null,
    });
  });
});

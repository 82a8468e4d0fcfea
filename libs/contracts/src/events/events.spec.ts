import { z } from 'zod';
import {
  AdministrativeUnitChangedV1,
  AgencyChangedV1,
  allEventDefinitions,
  CalendarChangedV1,
  DeskChangedV1,
  ProcedureAmendedV1,
  ProcedureWithdrawnV1,
  AuditRecordedV1,
  DocumentReusedV1,
  DossierProcessingStartedV1,
  DossierSubmittedV1,
  DossierSupplementRequestedV1,
  DossierResubmittedV1,
  DossierReceivedV1,
  DossierRefusedV1,
  DossierWithdrawnV1,
  DossierRoutedV1,
  DossierFeesAssessedV1,
  DossierResultIssuedV1,
  EventSchemaError,
  parseEventData,
  ProcedurePublishedV1,
  TenantOnboardedV1,
  Topics,
  UnknownEventTypeError,
} from '../index';
import { PROCESSING_EVENT_SAMPLES } from './processing-event-samples';

const uuid = (n: number) => `0190f3a2-7c4e-7b1a-8d2e-${String(n).padStart(12, '0')}`;

/** A published procedure version as the catalogue's procedure events carry it. */
const publishedVersion = {
  procedureId: uuid(1),
  versionId: uuid(4),
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  version: 1,
  field: 'Hộ tịch',
  level: 'commune',
  agencyId: null,
  processingTime: { unit: 'days', amount: 1 },
  onlineLevel: 'full',
  locationIndependent: false,
  postalIntake: true,
  postalReturn: true,
  onTheSpot: false,
  components: [
    { code: 'TK01', mandatory: true },
    { code: 'GT02', mandatory: false },
  ],
  effectiveFrom: '2026-01-01T00:00:00+07:00',
  decision: { number: '12/QĐ-UBND', date: '2025-12-20' },
  publishedBy: 'hy-admin-0001',
  publishedAt: '2025-12-21T02:00:00Z',
};

/** A valid sample and refused variants of each event type of the walking skeleton. */
const ownSamples: Record<string, { valid: Record<string, unknown>; invalid: [string, Record<string, unknown>][] }> = {
  [TenantOnboardedV1.type]: {
    valid: { tenantId: 'hung-yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' },
    invalid: [
      ['an upper-case tenant slug', { tenantId: 'Hung-Yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' }],
      ['a 3-digit official code', { tenantId: 'hung-yen', officialCode: '033', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' }],
      ['a date without time', { tenantId: 'hung-yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26' }],
    ],
  },
  [ProcedurePublishedV1.type]: {
    valid: publishedVersion,
    invalid: [
      ['fractional processing days', { ...publishedVersion, processingTime: { unit: 'days', amount: 1.5 } }],
      ['version 0', { ...publishedVersion, version: 0 }],
      ['a component with an unknown field', { ...publishedVersion, components: [{ code: 'TK01', mandatory: true, name: 'Tờ khai' }] }],
      ['a decision without its date', { ...publishedVersion, decision: { number: '12/QĐ-UBND' } }],
    ],
  },
  [ProcedureAmendedV1.type]: {
    valid: { ...publishedVersion, versionId: uuid(5), version: 2, supersedesVersionId: uuid(4), supersededUntil: '2026-03-01T00:00:00+07:00' },
    invalid: [
      ['no superseded version field', { ...publishedVersion, version: 2 }],
      ['an unknown level', { ...publishedVersion, level: 'national', supersedesVersionId: null, supersededUntil: null }],
    ],
  },
  [ProcedureWithdrawnV1.type]: {
    valid: {
      procedureId: uuid(1),
      versionId: uuid(4),
      code: '1.001193',
      version: 1,
      effectiveTo: '2026-06-01T00:00:00+07:00',
      decision: { number: '50/QĐ-UBND', date: '2026-05-20' },
      withdrawnBy: 'hy-admin-0001',
      withdrawnAt: '2026-05-21T02:00:00Z',
    },
    invalid: [
      ['no decision', { procedureId: uuid(1), versionId: uuid(4), code: '1.001193', version: 1, effectiveTo: '2026-06-01T00:00:00Z', decision: null, withdrawnBy: 'a', withdrawnAt: '2026-05-21T02:00:00Z' }],
      [
        'a local time without offset',
        { procedureId: uuid(1), versionId: uuid(4), code: '1.001193', version: 1, effectiveTo: '2026-06-01T00:00:00', decision: { number: '1', date: '2026-05-20' }, withdrawnBy: 'a', withdrawnAt: '2026-05-21T02:00:00Z' },
      ],
    ],
  },
  [AdministrativeUnitChangedV1.type]: {
    valid: { code: '12097', name: 'Xã Như Quỳnh', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: null, created: true, changedBy: 'hy-admin-0001', changedAt: '2026-11-26T03:00:00Z' },
    invalid: [
      ['a 4-digit code', { code: '1209', name: 'Xã', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: null, created: true, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
      ['a national level', { code: '00', name: 'Việt Nam', level: 'national', parentCode: null, validFrom: '1945-09-02', validTo: null, created: true, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
    ],
  },
  [AgencyChangedV1.type]: {
    valid: { agencyId: '000.00.17.H33', name: 'Sở Tư pháp', kind: 'department', unitCode: '33', parentId: null, validFrom: '2020-01-01', validTo: null, created: false, changedBy: 'hy-admin-0001', changedAt: '2026-11-26T03:00:00Z' },
    invalid: [
      ['a lower-case identifier code', { agencyId: 'so-tu-phap', name: 'Sở Tư pháp', kind: 'department', unitCode: '33', parentId: null, validFrom: '2020-01-01', validTo: null, created: false, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
      ['an unknown kind', { agencyId: '000.00.17.H33', name: 'Sở Tư pháp', kind: 'ministry', unitCode: '33', parentId: null, validFrom: '2020-01-01', validTo: null, created: false, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
    ],
  },
  [DeskChangedV1.type]: {
    valid: {
      deskId: 'H33-TTPVHCC-Q01',
      name: 'Quầy 01',
      agencyId: '000.00.01.H33',
      unitCodes: ['33'],
      procedureCodes: ['1.001193'],
      levels: ['province'],
      active: true,
      created: true,
      changedBy: 'hy-admin-0001',
      changedAt: '2026-11-26T03:00:00Z',
    },
    invalid: [
      ['a desk id with spaces', { deskId: 'Quầy 01', name: 'Quầy 01', agencyId: '000.00.01.H33', unitCodes: [], procedureCodes: [], levels: [], active: true, created: true, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
      ['a missing active flag', { deskId: 'H33-Q01', name: 'Quầy 01', agencyId: '000.00.01.H33', unitCodes: [], procedureCodes: [], levels: [], created: true, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
    ],
  },
  [CalendarChangedV1.type]: {
    valid: {
      revision: 3,
      change: 'override-set',
      officeHours: [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
      weeklyRestDays: [6, 7],
      overrideDate: '2026-11-27',
      overrideKind: 'day_off',
      changedBy: 'hy-admin-0001',
      changedAt: '2026-11-26T03:00:00Z',
    },
    invalid: [
      ['office hours at 24:00', { revision: 1, change: 'settings', officeHours: [{ start: '07:30', end: '24:00' }], weeklyRestDays: [6, 7], overrideDate: null, overrideKind: null, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
      ['weekday 0', { revision: 1, change: 'settings', officeHours: [{ start: '07:30', end: '17:00' }], weeklyRestDays: [0], overrideDate: null, overrideKind: null, changedBy: 'a', changedAt: '2026-11-26T03:00:00Z' }],
    ],
  },
  [DossierSubmittedV1.type]: {
    valid: {
      dossierId: uuid(2),
      procedureId: uuid(1),
      procedureCode: '1.001193',
      agencyId: '000.00.17.H33',
      channel: 'online',
      applicantPseudonym: 'a'.repeat(64),
      submittedAt: '2026-11-26T10:15:00+07:00',
    },
    invalid: [
      [
        'an applicant name (personal data)',
        {
          dossierId: uuid(2),
          procedureId: uuid(1),
          procedureCode: '1.001193',
          agencyId: '000.00.17.H33',
          channel: 'online',
          applicantPseudonym: 'a'.repeat(64),
          applicantName: 'Nguyễn Văn A',
          submittedAt: '2026-11-26T10:15:00+07:00',
        },
      ],
      [
        'an unknown channel',
        { dossierId: uuid(2), procedureId: uuid(1), procedureCode: '1.001193', agencyId: '000.00.17.H33', channel: 'fax', applicantPseudonym: 'a'.repeat(64), submittedAt: '2026-11-26T10:15:00Z' },
      ],
    ],
  },
  [DocumentReusedV1.type]: {
    valid: { reuseId: uuid(40), documentId: uuid(41), dossierId: uuid(42), componentCode: 'GCS', documentType: 'giay-khai-sinh', reusedAt: '2026-11-26T09:05:00+07:00' },
    invalid: [
      ['a personal field', { reuseId: uuid(40), documentId: uuid(41), dossierId: uuid(42), componentCode: 'GCS', documentType: '', reusedAt: '2026-11-26T09:05:00+07:00', fileName: 'cccd.pdf' }],
      ['no component', { reuseId: uuid(40), documentId: uuid(41), dossierId: uuid(42), componentCode: '', documentType: '', reusedAt: '2026-11-26T09:05:00+07:00' }],
    ],
  },
  [DossierProcessingStartedV1.type]: {
    valid: { dossierId: uuid(2), taskId: uuid(3), step: 'verify', startedAt: '2026-11-26T04:00:00.123Z' },
    invalid: [
      ['a task id that is not a uuid', { dossierId: uuid(2), taskId: 'task-1', step: 'verify', startedAt: '2026-11-26T04:00:00Z' }],
      ['a missing step', { dossierId: uuid(2), taskId: uuid(3), startedAt: '2026-11-26T04:00:00Z' }],
    ],
  },
  [DossierSupplementRequestedV1.type]: {
    valid: { dossierId: uuid(2), agencyId: '000.00.01.H33', deskId: 'H33-TTPVHCC-Q01', items: [{ componentCode: 'GCS', reason: 'Thiếu bản chính' }], requestedBy: 'hy-desk-0001', requestedAt: '2026-11-26T03:00:00Z' },
    invalid: [['no item', { dossierId: uuid(2), agencyId: '000.00.01.H33', deskId: 'H33-TTPVHCC-Q01', items: [], requestedBy: 'hy-desk-0001', requestedAt: '2026-11-26T03:00:00Z' }]],
  },
  [DossierResubmittedV1.type]: {
    valid: { dossierId: uuid(2), agencyId: '000.00.01.H33', resubmittedAt: '2026-11-27T03:00:00Z' },
    invalid: [['a phone number (personal data)', { dossierId: uuid(2), agencyId: '000.00.01.H33', phone: '0912345678', resubmittedAt: '2026-11-27T03:00:00Z' }]],
  },
  [DossierReceivedV1.type]: {
    valid: {
      dossierId: uuid(2),
      code: '000.00.17.H33-260101-0001',
      procedureId: uuid(1),
      procedureVersionId: uuid(4),
      procedureCode: '1.001193',
      channel: 'desk',
      nationalChannel: 1,
      agencyId: '000.00.17.H33',
      receivingAgencyId: '000.00.01.H33',
      receivingDeskId: 'H33-TTPVHCC-Q01',
      applicantPseudonym: 'a'.repeat(64),
      receivedBy: 'hy-desk-0001',
      receivedAt: '2026-01-01T03:00:00Z',
      appointmentAt: '2026-01-06T10:00:00Z',
    },
    invalid: [['a national channel 4', { dossierId: uuid(2), code: '000.00.17.H33-260101-0001', procedureId: uuid(1), procedureVersionId: uuid(4), procedureCode: '1.001193', channel: 'desk', nationalChannel: 4, agencyId: '000.00.17.H33', receivingAgencyId: '000.00.01.H33', receivingDeskId: 'Q01', applicantPseudonym: 'a'.repeat(64), receivedBy: 'x', receivedAt: '2026-01-01T03:00:00Z', appointmentAt: '2026-01-06T10:00:00Z' }]],
  },
  [DossierRefusedV1.type]: {
    valid: { dossierId: uuid(2), agencyId: '000.00.01.H33', deskId: 'H33-TTPVHCC-Q01', reasons: ['Không thuộc thẩm quyền'], refusedBy: 'hy-desk-0001', refusedAt: '2026-11-26T03:00:00Z' },
    invalid: [['no reason', { dossierId: uuid(2), agencyId: '000.00.01.H33', deskId: 'H33-TTPVHCC-Q01', reasons: [], refusedBy: 'hy-desk-0001', refusedAt: '2026-11-26T03:00:00Z' }]],
  },
  [DossierWithdrawnV1.type]: {
    valid: { dossierId: uuid(2), agencyId: '000.00.17.H33', previousStatus: 'received', withdrawnAt: '2026-11-26T03:00:00Z' },
    invalid: [['a missing time', { dossierId: uuid(2), agencyId: '000.00.17.H33', previousStatus: 'received' }]],
  },
  [DossierRoutedV1.type]: {
    valid: { dossierId: uuid(2), receivingAgencyId: '000.00.01.H33', receivingDeskId: 'H33-TTPVHCC-Q01', competentAgencyId: '000.00.17.H33', locationIndependent: true, routedAt: '2026-11-26T03:00:00Z' },
    invalid: [['a lower-case agency', { dossierId: uuid(2), receivingAgencyId: 'x', receivingDeskId: 'Q01', competentAgencyId: '000.00.17.H33', locationIndependent: true, routedAt: '2026-11-26T03:00:00Z' }]],
  },
  [DossierFeesAssessedV1.type]: {
    valid: { dossierId: uuid(2), procedureVersionId: uuid(4), channel: 'online', lines: [{ item: 'LP', kind: 'charge', type: 'base', rule: '', amount: 8000 }, { item: 'LP', kind: 'charge', type: 'discount', rule: 'online-50', amount: -4000 }], total: 4000, assessedAt: '2026-11-26T03:00:00Z' },
    invalid: [['a fractional amount', { dossierId: uuid(2), procedureVersionId: uuid(4), channel: 'online', lines: [], total: 0.5, assessedAt: '2026-11-26T03:00:00Z' }]],
  },
  [DossierResultIssuedV1.type]: {
    valid: { dossierId: uuid(2), resultId: uuid(7), decision: 'approved', documentType: 'giay-khai-sinh', sha256: 'a'.repeat(64), keyId: uuid(8), issuedAt: '2026-12-01T03:00:00Z', agencyId: '000.00.01.H33' },
    invalid: [
      ['an unknown decision', { dossierId: uuid(2), resultId: uuid(7), decision: 'postponed', documentType: 'giay-khai-sinh', sha256: 'a'.repeat(64), keyId: uuid(8), issuedAt: '2026-12-01T03:00:00Z', agencyId: '000.00.01.H33' }],
      ['an upper-case hash', { dossierId: uuid(2), resultId: uuid(7), decision: 'refused', documentType: 'giay-khai-sinh', sha256: 'A'.repeat(64), keyId: uuid(8), issuedAt: '2026-12-01T03:00:00Z', agencyId: '000.00.01.H33' }],
      ['the applicant named', { dossierId: uuid(2), resultId: uuid(7), decision: 'approved', documentType: 'giay-khai-sinh', sha256: 'a'.repeat(64), keyId: uuid(8), issuedAt: '2026-12-01T03:00:00Z', agencyId: '000.00.01.H33', applicantName: 'Nguyễn Văn An' }],
    ],
  },
  [AuditRecordedV1.type]: {
    valid: {
      auditId: uuid(4),
      occurredAt: '2026-11-26T03:00:00.120Z',
      actorSubject: '0b7e4c1a-3f52-4d8e-9a61-5c2f7d9e1a01',
      actorRoles: ['citizen'],
      method: 'POST',
      route: '/v1/dossiers',
      resourceId: uuid(2),
      status: 201,
      replayed: false,
      clientIp: '203.113.130.5',
      userAgent: 'MotCua-Android/1.4',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    },
    invalid: [
      [
        'a request body (no bodies in the audit)',
        {
          auditId: uuid(4),
          occurredAt: '2026-11-26T03:00:00Z',
          actorSubject: 's',
          actorRoles: ['citizen'],
          method: 'POST',
          route: '/v1/dossiers',
          resourceId: null,
          status: 201,
          replayed: false,
          clientIp: null,
          userAgent: null,
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
          body: { applicant: {} },
        },
      ],
      [
        'a concrete path instead of the route pattern',
        {
          auditId: uuid(4),
          occurredAt: '2026-11-26T03:00:00Z',
          actorSubject: 's',
          actorRoles: ['citizen'],
          method: 'POST',
          route: '/v1/dossiers?name=Nguyễn',
          resourceId: null,
          status: 201,
          replayed: false,
          clientIp: null,
          userAgent: null,
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        },
      ],
      [
        'a read (only writes are audited)',
        {
          auditId: uuid(4),
          occurredAt: '2026-11-26T03:00:00Z',
          actorSubject: 's',
          actorRoles: ['citizen'],
          method: 'GET',
          route: '/v1/dossiers/:id',
          resourceId: null,
          status: 200,
          replayed: false,
          clientIp: '::1',
          userAgent: null,
          traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        },
      ],
    ],
  },
};

const samples = { ...ownSamples, ...PROCESSING_EVENT_SAMPLES };

/** Past-tense final words that do not end in -ed; extend when a new event needs one. */
const IRREGULAR_PAST = new Set(['paid', 'sent', 'withdrawn', 'held', 'made', 'given', 'taken', 'done', 'set', 'put']);
const KEBAB = /^[a-z]+(-[a-z]+)*$/;
/** Field names that would carry a person's data; events use a per-tenant pseudonym instead. */
const PERSONAL_DATA = /citizen|cccd|cmnd|passport|full.?name|applicant.?name|birth|phone|email|address|gender/i;

function propertyNames(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(propertyNames);
  if (typeof schema !== 'object' || schema === null) return [];
  const { properties, ...rest } = schema as { properties?: Record<string, unknown> };
  const own = properties ? Object.keys(properties) : [];
  return [...own, ...Object.values(properties ?? {}).flatMap(propertyNames), ...Object.values(rest).flatMap(propertyNames)];
}

describe('event definitions', () => {
  const definitions = allEventDefinitions();

  it('include every event type of the walking skeleton', () => {
    expect(definitions.map((d) => d.type)).toEqual(
      expect.arrayContaining(['tenant.onboarded', 'procedure.published', 'dossier.submitted', 'dossier.processing-started']),
    );
  });

  it.each(definitions.map((d) => [d.type, d] as const))('%s is published to a known topic', (_type, definition) => {
    expect(Object.values(Topics)).toContain(definition.topic);
    expect(definition.topic).not.toBe(Topics.deadLetter);
  });

  it.each(definitions.map((d) => [d.type] as const))('%s is named <aggregate>.<past-tense-verb> in kebab case', (type) => {
    const parts = type.split('.');
    expect(parts).toHaveLength(2);
    const [aggregate, verb] = parts;
    expect(aggregate).toMatch(KEBAB);
    expect(verb).toMatch(KEBAB);
    const lastWord = verb.split('-').at(-1) ?? '';
    expect(lastWord.endsWith('ed') || IRREGULAR_PAST.has(lastWord)).toBe(true);
  });

  it.each(definitions.map((d) => [d.type, d] as const))('%s has a versioned dataschema URN', (_type, definition) => {
    expect(definition.dataschema).toBe(`urn:motcua:events:${definition.type}:v${definition.version}`);
  });

  it.each(definitions.map((d) => [d.type, d] as const))('%s has no field that names personal data', (_type, definition) => {
    expect(propertyNames(z.toJSONSchema(definition.schema)).filter((name) => PERSONAL_DATA.test(name))).toEqual([]);
  });

  it('has a sample for every definition (a new event type needs one here)', () => {
    expect(Object.keys(samples).sort()).toEqual(definitions.map((d) => d.type).sort());
  });

  describe.each(Object.entries(samples))('%s', (type, { valid, invalid }) => {
    it('parses the valid sample unchanged', () => {
      expect(parseEventData(type, valid)).toEqual(valid);
    });

    it.each(invalid)('refuses %s', (_why, data) => {
      expect(() => parseEventData(type, data)).toThrow(EventSchemaError);
    });
  });

  it('refuses an unknown event type', () => {
    expect(() => parseEventData('dossier.teleported', {})).toThrow(UnknownEventTypeError);
  });
});

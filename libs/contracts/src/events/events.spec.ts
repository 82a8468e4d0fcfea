import { z } from 'zod';
import {
  allEventDefinitions,
  DossierProcessingStartedV1,
  DossierSubmittedV1,
  EventSchemaError,
  parseEventData,
  ProcedurePublishedV1,
  TenantOnboardedV1,
  Topics,
  UnknownEventTypeError,
} from '../index';

const uuid = (n: number) => `0190f3a2-7c4e-7b1a-8d2e-${String(n).padStart(12, '0')}`;

/** A valid sample and refused variants of each event type of the walking skeleton. */
const samples: Record<string, { valid: Record<string, unknown>; invalid: [string, Record<string, unknown>][] }> = {
  [TenantOnboardedV1.type]: {
    valid: { tenantId: 'hung-yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' },
    invalid: [
      ['an upper-case tenant slug', { tenantId: 'Hung-Yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' }],
      ['a 3-digit official code', { tenantId: 'hung-yen', officialCode: '033', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26T03:00:00Z' }],
      ['a date without time', { tenantId: 'hung-yen', officialCode: '33', name: 'Tỉnh Hưng Yên', onboardedAt: '2026-11-26' }],
    ],
  },
  [ProcedurePublishedV1.type]: {
    valid: {
      procedureId: uuid(1),
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      processingDays: 3,
      version: 2,
      agencyId: '000.00.17.H33',
      components: [
        { code: 'TK01', mandatory: true },
        { code: 'GT02', mandatory: false },
      ],
    },
    invalid: [
      ['fractional processing days', { procedureId: uuid(1), code: '1.001193', name: 'x', processingDays: 1.5, version: 1, agencyId: '000.00.17.H33', components: [] }],
      ['version 0', { procedureId: uuid(1), code: '1.001193', name: 'x', processingDays: 3, version: 0, agencyId: '000.00.17.H33', components: [] }],
      [
        'a component with an unknown field',
        { procedureId: uuid(1), code: '1.001193', name: 'x', processingDays: 3, version: 1, agencyId: '000.00.17.H33', components: [{ code: 'TK01', mandatory: true, name: 'Tờ khai' }] },
      ],
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
  [DossierProcessingStartedV1.type]: {
    valid: { dossierId: uuid(2), taskId: uuid(3), step: 'verify', startedAt: '2026-11-26T04:00:00.123Z' },
    invalid: [
      ['a task id that is not a uuid', { dossierId: uuid(2), taskId: 'task-1', step: 'verify', startedAt: '2026-11-26T04:00:00Z' }],
      ['a missing step', { dossierId: uuid(2), taskId: uuid(3), startedAt: '2026-11-26T04:00:00Z' }],
    ],
  },
};

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

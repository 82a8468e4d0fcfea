import { CatalogueError, CatalogueErrorCode } from '../../procedure/domain/catalogue.errors';
import { AdministrativeUnit, checkAgency, checkDesk, checkUnit, decideDeskReceive, Desk, isValidAt } from './structure';

const province: AdministrativeUnit = { code: '33', name: 'Tỉnh Hưng Yên', level: 'province', parentCode: null, validFrom: '1997-01-01', validTo: null };
const district: AdministrativeUnit = { code: '323', name: 'Huyện Văn Lâm', level: 'district', parentCode: '33', validFrom: '1999-01-01', validTo: '2025-07-01' };
const commune: AdministrativeUnit = { code: '12097', name: 'Xã Như Quỳnh', level: 'commune', parentCode: '33', validFrom: '2025-07-01', validTo: null };

function fields(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (error) {
    if (error instanceof CatalogueError) return { code: error.code, fields: (error.details.errors ?? []).map((e) => e.field) };
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

describe('administrative units', () => {
  it('accept a province, a legacy district and a commune under the province (two-tier since July 2025)', () => {
    expect(checkUnit(province, null)).toEqual(province);
    expect(checkUnit(district, province)).toEqual(district);
    expect(checkUnit(commune, province)).toEqual(commune);
    expect(checkUnit({ ...commune, parentCode: '323', validFrom: '2000-01-01', validTo: '2025-07-01' }, district).parentCode).toBe('323');
  });

  it('refuse wrong codes, parents and dates, all at once', () => {
    expect(fields(() => checkUnit({ ...commune, code: '123', name: ' ', validFrom: '2025-02-30', validTo: '2024-01-01' }, undefined))).toEqual({
      code: CatalogueErrorCode.UnitInvalid,
      fields: ['code', 'name', 'validFrom', 'parentCode'],
    });
    expect(fields(() => checkUnit({ ...district, parentCode: '12097' }, commune)).fields).toEqual(['parentCode']);
    expect(fields(() => checkUnit({ ...province, parentCode: '01' }, null)).fields).toEqual(['parentCode']);
    expect(fields(() => checkUnit({ ...commune, validFrom: '2025-07-01', validTo: '2025-07-01' }, province)).fields).toEqual(['validTo']);
  });

  it('are valid from their first day up to (not including) their end', () => {
    expect([isValidAt(district, '2025-06-30'), isValidAt(district, '2025-07-01'), isValidAt(commune, '2025-07-01'), isValidAt(commune, '2025-06-30')]).toEqual([true, false, true, false]);
  });
});

describe('agencies', () => {
  const agency = { id: '000.00.17.H33', name: 'Sở Tư pháp', kind: 'department' as const, unitCode: '33', parentId: null, validFrom: '2020-01-01', validTo: null };

  it('need an identifier code, a kind and a unit of the tenant', () => {
    expect(checkAgency(agency, { unitExists: true, parentExists: false })).toEqual(agency);
    expect(fields(() => checkAgency({ ...agency, id: 'sở tư pháp', kind: 'ministry' as 'other', parentId: '000.00.00.H33' }, { unitExists: false, parentExists: false })).fields).toEqual([
      'id',
      'kind',
      'unitCode',
      'parentId',
    ]);
  });
});

describe('desks', () => {
  const desk: Desk = { id: 'H33-TTPVHCC-Q01', name: 'Quầy 01', agencyId: '000.00.01.H33', unitCodes: ['33'], procedureCodes: ['1.001193'], levels: ['province'], active: true };

  it('refuse unknown agencies and units and bad codes', () => {
    expect(checkDesk(desk, { agencyExists: true, missingUnits: [] })).toEqual(desk);
    expect(
      fields(() => checkDesk({ ...desk, id: '!', unitCodes: ['33', '99999', '33'], procedureCodes: ['x'], levels: ['national' as 'province'] }, { agencyExists: false, missingUnits: ['99999'] })).fields,
    ).toEqual(['id', 'agencyId', 'unitCodes[1]', 'unitCodes[2]', 'procedureCodes[0]', 'levels[0]']);
  });

  const birth = { code: '1.001193', level: 'commune' as const, locationIndependent: false };
  const commune12097 = ['12097', '33'];

  it.each([
    ['a location-independent procedure at any active desk', { ...desk, procedureCodes: [], levels: [], unitCodes: ['00001'] }, { ...birth, locationIndependent: true }, commune12097, true, 'location_independent'],
    ['an inactive desk, even location-independent', { ...desk, active: false }, { ...birth, locationIndependent: true }, null, false, 'desk_inactive'],
    ['a procedure assigned by code, for a unit under the desk’s province', desk, birth, commune12097, true, 'assigned'],
    ['a procedure assigned by level', { ...desk, procedureCodes: [], levels: ['commune' as const] }, { ...birth, code: '1.000894' }, commune12097, true, 'assigned'],
    ['a procedure not assigned', { ...desk, procedureCodes: [] }, birth, commune12097, false, 'procedure_not_assigned'],
    ['an applicant from outside the desk’s units', { ...desk, unitCodes: ['12100'] }, birth, commune12097, false, 'unit_outside_desk'],
    ['no unit given: the procedure decides', { ...desk, unitCodes: ['12100'] }, birth, null, true, 'assigned'],
  ])('%s', (_name, theDesk, procedure, lineage, allowed, reason) => {
    const decision = decideDeskReceive(theDesk, procedure, lineage);
    expect(decision).toMatchObject({ allowed, reason });
    expect(decision.explanation.length).toBeGreaterThan(10);
  });
});

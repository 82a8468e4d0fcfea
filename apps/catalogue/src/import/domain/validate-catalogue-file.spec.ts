import { append, edit, remove, smallCatalogueFile } from './catalogue.fixture';
import { csvHeader } from './catalogue-csv';
import { formatCsv } from './csv';
import { ImportError } from './import-error';
import { CatalogueValidation, validateCatalogueFile } from './validate-catalogue-file';

function errorsOf(result: CatalogueValidation): ImportError[] {
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

const where = (result: CatalogueValidation): string[] => errorsOf(result).map((error) => `${error.location} | ${error.code}`);

describe('validateCatalogueFile', () => {
  it('accepts a valid file and returns it with defaults applied and text normalised', () => {
    const file = smallCatalogueFile();
    file.procedures[0].name = '  Đăng ký   khai sinh '.normalize('NFD');
    const result = validateCatalogueFile({ json: file });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const [birth, business] = result.catalogue.procedures;
    expect(birth.name).toBe('Đăng ký khai sinh'.normalize('NFC'));
    expect(birth.components[0]).toMatchObject({ template: null, document_type: 'to_khai_khai_sinh' });
    expect(birth.fees[0]).toMatchObject({ per: 'dossier', online_discount: null });
    expect(business.cases).toEqual([]);
    expect(business.internal_process).toEqual([]);
    expect(result.catalogue.units[0]).toMatchObject({ parent_code: null, valid_to: null });
  });

  it('reads the JSON from text, with or without a byte-order mark', () => {
    const text = JSON.stringify(smallCatalogueFile());
    expect(validateCatalogueFile({ json: text }).ok).toBe(true);
    expect(validateCatalogueFile({ json: `\uFEFF${text}` }).ok).toBe(true);
  });

  it('reports JSON that cannot be read', () => {
    const result = validateCatalogueFile({ json: '{"format": "motcua.catalogue/v1",' });
    expect(errorsOf(result)).toEqual([{ location: 'catalogue.json', code: 'syntax', message: expect.any(String) }]);
  });

  it('lists every error of a broken file at once, each with its location', () => {
    const file = smallCatalogueFile();
    edit(file, 'generator', 'excel'); // unknown top-level field
    edit(file, 'units[1].parent_code', '34'); // parent missing
    append(file, 'agencies', { code: '000.00.17.H33', name: 'Sở Tư pháp (trùng)', unit_code: '33' }); // duplicate
    edit(file, 'procedures[0].components[1].count', 0); // out of range
    edit(file, 'procedures[0].components[0].mandatroy', true); // misspelt field
    remove(file, 'procedures[0].components[0].name'); // missing field
    edit(file, 'procedures[0].competent_agency_code', '000.99.99.H33'); // unknown agency
    edit(file, 'procedures[0].internal_process[1].share', 0.6); // shares sum to 1.1
    append(file, 'procedures', { ...file.procedures[1] }); // duplicate procedure code
    edit(file, 'desks[0].procedure_codes', ['1.001193', '9.999999']); // unknown procedure

    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'generator | invalid',
      'procedures[0].components[0].name | invalid',
      'procedures[0].components[0].mandatroy | invalid',
      'procedures[0].components[1].count | invalid',
      'units[1].parent_code | unknown_reference',
      'agencies[3].code | duplicate',
      'procedures[2].code | duplicate',
      'procedures[0].competent_agency_code | unknown_reference',
      'procedures[0].internal_process | inconsistent',
      'desks[0].procedure_codes[1] | unknown_reference',
    ]);
    const errors = errorsOf(validateCatalogueFile({ json: file }));
    expect(errors.find((error) => error.location.endsWith('.name'))?.message).toBe('required');
    expect(errors.find((error) => error.location === 'procedures[0].internal_process')?.message).toBe('the shares of the steps sum to 1.1, not 1');
    expect(errors.find((error) => error.location === 'agencies[3].code')?.message).toBe('duplicate agency code 000.00.17.H33 (also at agencies[0])');
  });

  it('does not report references to a record that already failed its own checks', () => {
    const file = smallCatalogueFile();
    edit(file, 'agencies[2].name', ''); // the commune's agency is invalid, but its code is known
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['agencies[2].name | invalid']);
  });

  it('checks the format marker and the tenant', () => {
    const file = smallCatalogueFile();
    edit(file, 'format', 'motcua.catalogue/v0');
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['format | invalid']);
    const other = validateCatalogueFile({ json: smallCatalogueFile() }, { tenantId: 'thai-nguyen' });
    expect(errorsOf(other)).toEqual([{ location: 'tenant', code: 'inconsistent', message: 'the file is for tenant hung-yen, not for thai-nguyen' }]);
  });

  it('rejects a procedure whose level does not match its competent agency, and a decision dated after it takes effect', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[1].level', 'commune');
    edit(file, 'procedures[1].version.decision_date', '2025-07-02');
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['procedures[1].level | inconsistent', 'procedures[1].version.decision_date | inconsistent']);
  });

  it('checks fee rules against the declared cases', () => {
    const file = smallCatalogueFile();
    append(file, 'procedures[0].fees[0].variants', { case_code: 'NGUOI_CO_CONG', amount: 0 }); // undeclared case
    append(file, 'procedures[0].fees[0].exemptions', { case_code: 'QUA_HAN', reason: 'x y' }); // variant and exemption for one case
    edit(file, 'procedures[0].fees[0].online_discount', { amount: 10000 }); // more than the 5,000 VND variant
    edit(file, 'procedures[1].fees[0].amount', 0); // discount on a free fee
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'procedures[0].fees[0].variants[1].case_code | unknown_reference',
      'procedures[0].fees[0].exemptions[1].case_code | inconsistent',
      'procedures[0].fees[0].online_discount.amount | inconsistent',
      'procedures[1].fees[0].online_discount | inconsistent',
    ]);
  });

  it('requires amounts in whole, non-negative VND and a valid processing time', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[1].fees[0].amount', 50000.5);
    edit(file, 'procedures[1].processing_time', { unit: 'days', amount: 3 });
    edit(file, 'procedures[0].processing_time', { unit: 'working_days', amount: 1.5 });
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'procedures[0].processing_time.amount | invalid',
      'procedures[1].processing_time.unit | invalid',
      'procedures[1].fees[0].amount | invalid',
    ]);
  });

  it('accepts a process handed over between agencies and rejects undeclared or wrong handovers', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[0].internal_process', [
      { name: 'Tiếp nhận', role: 'desk_officer', agency_code: 'competent', share: 0.2, hands_over_to: '000.00.17.H33' },
      { name: 'Thẩm định', role: 'specialist', agency_code: '000.00.17.H33', share: 0.5, hands_over_to: 'competent' },
      { name: 'Ký', role: 'leader', agency_code: 'competent', share: 0.3 },
    ]);
    expect(validateCatalogueFile({ json: file }).ok).toBe(true);

    remove(file, 'procedures[0].internal_process[1].hands_over_to'); // agency changes without a handover
    edit(file, 'procedures[0].internal_process[0].hands_over_to', '000.00.12.H33'); // next step is elsewhere
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'procedures[0].internal_process[1].agency_code | inconsistent',
      'procedures[0].internal_process[1].hands_over_to | inconsistent',
    ]);
  });

  it('flags a procedure on the spot only when done within one working day at one agency', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[0].on_the_spot', true); // 1 working day, no handover
    const result = validateCatalogueFile({ json: file });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.catalogue.procedures.map((procedure) => procedure.on_the_spot)).toEqual([true, false]);

    edit(file, 'procedures[0].on_the_spot', 'yes');
    edit(file, 'procedures[1].on_the_spot', true); // 3 working days
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['procedures[0].on_the_spot | invalid', 'procedures[1].on_the_spot | inconsistent']);

    edit(file, 'procedures[0].on_the_spot', true);
    edit(file, 'procedures[0].processing_time', { unit: 'working_hours', amount: 12 });
    edit(file, 'procedures[0].internal_process', [
      { name: 'Tiếp nhận', role: 'desk_officer', agency_code: 'competent', share: 0.5, hands_over_to: '000.00.17.H33' },
      { name: 'Ký', role: 'leader', agency_code: '000.00.17.H33', share: 0.5 },
    ]);
    edit(file, 'procedures[1].processing_time', { unit: 'working_hours', amount: 8 });
    const errors = errorsOf(validateCatalogueFile({ json: file }));
    expect(errors.map((error) => `${error.location} | ${error.code}`)).toEqual(['procedures[0].on_the_spot | inconsistent', 'procedures[0].on_the_spot | inconsistent']);
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('not 12 working hours'), expect.stringContaining('step 1 of the internal process hands the dossier over')]);
  });

  it('checks units: code length by level, parents by level and validity, overlapping duplicates', () => {
    const file = smallCatalogueFile();
    append(
      file,
      'units',
      { code: '323', name: 'Thành phố Hưng Yên', level: 'district', parent_code: '33', valid_from: '2009-01-19', valid_to: '2025-06-30' },
      { code: '11953', name: 'Phường Lam Sơn', level: 'commune', parent_code: '323', valid_from: '2009-01-19', valid_to: '2025-06-30' },
      // a code reused after the reorganisation: fine, the validity periods do not overlap
      { code: '11953', name: 'Phường Phố Hiến', level: 'commune', parent_code: '33', valid_from: '2025-07-01' },
    );
    expect(validateCatalogueFile({ json: file }).ok).toBe(true);

    append(
      file,
      'units',
      { code: '11953', name: 'Phường trùng', level: 'commune', parent_code: '33', valid_from: '2026-01-01' }, // overlaps
      { code: '1196', name: 'Xã bốn số', level: 'commune', parent_code: '33', valid_from: '2025-07-01' }, // wrong length
      { code: '11999', name: 'Xã ngoài thời hạn', level: 'commune', parent_code: '323', valid_from: '2024-01-01' }, // outlives its district
      { code: '34', name: 'Tỉnh có cha', level: 'province', parent_code: '33', valid_from: '1997-01-01' },
    );
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'units[6].code | invalid',
      'units[5].code | duplicate',
      'units[7].parent_code | inconsistent',
      'units[8].parent_code | inconsistent',
    ]);
  });

  it('checks the desks: "*" stands alone, codes are known and listed once', () => {
    const file = smallCatalogueFile();
    edit(file, 'desks[0].unit_codes', ['12250', '12250', '99999']);
    edit(file, 'desks[1].procedure_codes', ['*', '1.001193']);
    edit(file, 'desks[1].agency_code', '000.00.99.H33');
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'desks[0].unit_codes[1] | duplicate',
      'desks[0].unit_codes[2] | unknown_reference',
      'desks[1].agency_code | unknown_reference',
      'desks[1].procedure_codes | inconsistent',
    ]);
  });

  it("lets commune and district procedures leave the competent agency to the applicant's People's Committee", () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[0].competent_agency_code', null);
    edit(file, 'procedures[0].implementing_agency_code', null);
    // no agency is marked as a People's Committee yet: nothing to resolve to
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['procedures[0].competent_agency_code | inconsistent']);
    edit(file, 'agencies[2].kind', 'people_committee');
    const result = validateCatalogueFile({ json: file });
    expect(result.ok && result.catalogue.procedures[0]).toMatchObject({ competent_agency_code: null, implementing_agency_code: null });

    edit(file, 'procedures[1].competent_agency_code', null); // a province procedure must name its agency
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['procedures[1].competent_agency_code | invalid']);
  });

  it('checks agency parents (known, no cycle) and validity dates', () => {
    const file = smallCatalogueFile();
    append(file, 'agencies', { code: '000.01.17.H33', name: 'Trung tâm trợ giúp pháp lý', unit_code: '33', parent_code: '000.00.17.H33' });
    expect(validateCatalogueFile({ json: file }).ok).toBe(true);
    edit(file, 'agencies[0].parent_code', '000.01.17.H33'); // 17 → 01.17 → 17
    edit(file, 'agencies[1].parent_code', '000.09.09.H33');
    edit(file, 'agencies[2].valid_from', '2025-07-01');
    edit(file, 'agencies[2].valid_to', '2025-06-30');
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'agencies[0].parent_code | inconsistent',
      'agencies[1].parent_code | unknown_reference',
      'agencies[2].valid_to | inconsistent',
      'agencies[3].parent_code | inconsistent',
    ]);
  });

  it('checks price steps, caps and partial exemptions of counted fees', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures[1].fees[0]', {
      code: 'PHI_CT',
      name: 'Phí chứng thực bản sao',
      kind: 'fee',
      amount: 2000,
      per: 'page',
      tiers: [{ from_unit: 3, amount: 1000 }],
      cap: 200000,
    });
    edit(file, 'procedures[0].fees[0].exemptions[0].percent', 50);
    const result = validateCatalogueFile({ json: file });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.catalogue.procedures[0].fees[0].exemptions.map((exemption) => exemption.percent)).toEqual([50]);

    edit(file, 'procedures[1].fees[0].tiers', [
      { from_unit: 3, amount: 1000 },
      { from_unit: 3, amount: 500 },
    ]);
    edit(file, 'procedures[1].fees[0].cap', 1000);
    edit(file, 'procedures[0].fees[0].tiers', [{ from_unit: 2, amount: 1 }]); // per dossier
    expect(where(validateCatalogueFile({ json: file }))).toEqual([
      'procedures[0].fees[0].tiers | inconsistent',
      'procedures[1].fees[0].tiers[1].from_unit | inconsistent',
      'procedures[1].fees[0].cap | inconsistent',
    ]);
  });

  it('accepts desks that receive by level, and refuses a desk that receives nothing', () => {
    const file = smallCatalogueFile();
    edit(file, 'desks[0].procedure_codes', []);
    edit(file, 'desks[0].levels', ['commune']);
    expect(validateCatalogueFile({ json: file }).ok).toBe(true);
    edit(file, 'desks[0].levels', []);
    expect(where(validateCatalogueFile({ json: file }))).toEqual(['desks[0].procedure_codes | invalid']);
  });

  it('stops listing at maxErrors and counts the rest', () => {
    const file = smallCatalogueFile();
    edit(file, 'procedures', Array.from({ length: 30 }, () => ({ code: 'x' })));
    const result = validateCatalogueFile({ json: file }, { maxErrors: 10 });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toHaveLength(10);
    expect(result.omitted).toBeGreaterThan(100);
  });
});

describe('validateCatalogueFile with CSV parts', () => {
  const toCsv = (part: 'units' | 'agencies' | 'desks', rows: Record<string, unknown>[]): string =>
    formatCsv([
      csvHeader(part),
      ...rows.map((row) =>
        csvHeader(part).map((column) => {
          const value = row[column];
          if (value === undefined || value === null) return '';
          return Array.isArray(value) ? value.join(';') : String(value);
        }),
      ),
    ]);

  function splitFile() {
    const file = smallCatalogueFile();
    const csv = { units: toCsv('units', file.units), agencies: toCsv('agencies', file.agencies), desks: toCsv('desks', file.desks) };
    for (const part of ['units', 'agencies', 'desks']) remove(file, part);
    return { file, csv };
  }

  it('gives the same catalogue from CSV files as from the JSON alone', () => {
    const { file, csv } = splitFile();
    const fromCsv = validateCatalogueFile({ json: file, csv });
    const fromJson = validateCatalogueFile({ json: smallCatalogueFile() });
    expect(fromCsv).toEqual(fromJson);
    expect(fromCsv.ok).toBe(true);
  });

  it('locates errors by file, row and column', () => {
    const { file, csv } = splitFile();
    const agencies = csv.agencies.split('\r\n');
    agencies[2] = agencies[2].replace('000.00.12.H33', '000.00.12'); // row 3: bad code
    agencies[3] = agencies[3].replace('12250', '12251'); // row 4: unknown unit
    const desks = `\uFEFF${csv.desks.replace('H33-X12250-BPMC', 'h33 x12250')}`;
    const result = validateCatalogueFile({ json: file, csv: { ...csv, agencies: agencies.join('\r\n'), desks } });
    expect(errorsOf(result)).toEqual([
      { location: 'agencies.csv row 3, column code', code: 'invalid', message: 'not a valid code (e.g. 000.00.17.H33)' },
      { location: 'desks.csv row 2, column code', code: 'invalid', message: 'not a valid desk code (e.g. H33-TTPVHCC-Q01)' },
      { location: 'agencies.csv row 4, column unit_code', code: 'unknown_reference', message: 'unknown unit 12251' },
      { location: 'procedures[1].implementing_agency_code', code: 'unknown_reference', message: expect.stringContaining('000.00.12.H33') },
      { location: 'procedures[1].competent_agency_code', code: 'unknown_reference', message: expect.stringContaining('000.00.12.H33') },
    ]);
  });

  it('reports header problems, wrong field counts, empty required cells and CSV syntax errors', () => {
    const { file } = splitFile();
    const units = 'code,name,level,valid_from,colour\r\n33,Tỉnh Hưng Yên,province,1997-01-01,xanh\r\n';
    const agencies = 'code,name,unit_code\r\n000.00.17.H33,Sở Tư pháp\r\n000.00.12.H33,,33\r\n';
    const desks = 'code,name,agency_code,unit_codes,procedure_codes\r\nH33-Q01,"Quầy 01,000.00.17.H33,*,*\r\n';
    expect(where(validateCatalogueFile({ json: file, csv: { units, agencies, desks } }))).toEqual([
      'units.csv row 1, column colour | invalid',
      'agencies.csv row 2 | invalid',
      'agencies.csv row 3, column name | invalid',
      'desks.csv row 2 | syntax',
      // units.csv was refused whole, so references to units are not reported; agencies.csv was read whole
      'procedures[0].implementing_agency_code | unknown_reference',
      'procedures[0].competent_agency_code | unknown_reference',
    ]);
  });

  it('refuses a part given both in the JSON and as CSV', () => {
    const file = smallCatalogueFile();
    const result = validateCatalogueFile({ json: file, csv: { units: toCsv('units', file.units) } });
    expect(errorsOf(result)).toEqual([
      { location: 'units', code: 'inconsistent', message: 'units are given both in the JSON file and in units.csv: give them once' },
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_CATALOGUE, applyPlan, planImport } from '../../../apps/catalogue/src/import/domain/plan-import';
import { validateCatalogueFile } from '../../../apps/catalogue/src/import/domain/validate-catalogue-file';
import { parseSearchQuery, searchDocument } from '../../../apps/catalogue/src/search/domain/search-text';

const text = readFileSync(join(__dirname, 'hung-yen.catalogue.json'), 'utf8');

function sample() {
  const result = validateCatalogueFile({ json: text }, { tenantId: 'hung-yen' });
  if (!result.ok) throw new Error(`the sample catalogue is invalid:\n${result.errors.map((e) => `${e.location}: ${e.message}`).join('\n')}`);
  return result.catalogue;
}

describe('the Hưng Yên sample catalogue', () => {
  it('passes validateCatalogueFile', () => {
    expect(sample().tenant).toBe('hung-yen');
  });

  it('has at least 30 procedures with national codes, across the required fields', () => {
    const { procedures } = sample();
    expect(procedures.length).toBeGreaterThanOrEqual(30);
    for (const procedure of procedures) expect(procedure.code).toMatch(/^\d\.\d{6}$/);
    const fields = new Set(procedures.map((procedure) => procedure.field));
    for (const field of ['Hộ tịch', 'Chứng thực', 'Đất đai', 'Thành lập và hoạt động của hộ kinh doanh', 'Hoạt động xây dựng']) expect(fields).toContain(field);
    expect(procedures.find((procedure) => procedure.code === '1.001193')?.name).toBe('Đăng ký khai sinh');
  });

  it('matches the demo users: agencies and desks of tools/oidc-dev/users.json exist', () => {
    const { agencies, desks } = sample();
    const users = JSON.parse(readFileSync(join(__dirname, '../../oidc-dev/users.json'), 'utf8')) as {
      users: { tenantId?: string; agencyId?: string; deskIds?: string[] }[];
    };
    const demo = users.users.filter((user) => user.tenantId === 'hung-yen');
    const agencyCodes = agencies.map((agency) => agency.code);
    const deskCodes = desks.map((desk) => desk.code);
    for (const user of demo) {
      if (user.agencyId) expect(agencyCodes).toContain(user.agencyId);
      for (const desk of user.deskIds ?? []) expect(deskCodes).toContain(desk);
    }
  });

  it('includes inter-agency procedures whose process hands the dossier over', () => {
    const interAgency = sample().procedures.filter((procedure) => procedure.internal_process.some((step) => step.hands_over_to !== undefined));
    expect(interAgency.map((procedure) => procedure.code).sort()).toEqual(['1.013831', '1.013978', '2.000986', '2.002622']);
  });

  it('flags on the spot (4 tại chỗ) only the certifications returned the day they are asked for', () => {
    const procedures = sample().procedures;
    expect(procedures.filter((procedure) => procedure.on_the_spot).map((procedure) => procedure.code)).toEqual(['2.000815', '2.000884', '2.000942']);
    // Certifying a will or a renunciation of an inheritance takes up to 2 working days: not on the spot.
    const time = (code: string) => procedures.find((procedure) => procedure.code === code)?.processing_time;
    expect([time('2.001019'), time('2.001016')]).toEqual([expect.objectContaining({ unit: 'working_days', amount: 2 }), expect.objectContaining({ unit: 'working_days', amount: 2 })]);
  });

  it('is idempotent: importing it twice plans no change the second time', () => {
    const catalogue = sample();
    const stored = applyPlan(EMPTY_CATALOGUE, catalogue, planImport(EMPTY_CATALOGUE, catalogue));
    expect(planImport(stored, sample()).changes).toBe(0);
  });

  it('finds "Đăng ký khai sinh" when searched without diacritics', () => {
    const query = parseSearchQuery('dang ky khai sinh');
    if (query.kind !== 'text') throw new Error('expected a text query');
    const hits = sample().procedures.filter((procedure) => {
      const document = searchDocument({ name: procedure.name, field: procedure.field, agencyNames: [] });
      return query.tokens.every((token) => document.searchText.split(' ').some((word) => word.startsWith(token)));
    });
    expect(hits.map((procedure) => procedure.code)).toEqual(expect.arrayContaining(['1.001193', '1.000689', '2.000528', '2.000986']));
  });
});

import { validateCatalogueFile } from '../../../apps/catalogue/src/import/domain/validate-catalogue-file';
import { EMPTY_CATALOGUE, applyPlan, planImport } from '../../../apps/catalogue/src/import/domain/plan-import';
import { generateCatalogue } from './catalogue-generator';
import { parseArguments } from './generate';

describe('generateCatalogue', () => {
  const generated = generateCatalogue({ procedures: 1700, seed: 1 });
  const validation = validateCatalogueFile({ json: generated }, { tenantId: 'hung-yen' });

  it('produces a valid province-sized catalogue of 1,700 procedures', () => {
    if (!validation.ok) throw new Error(validation.errors.slice(0, 20).map((e) => `${e.location}: ${e.message}`).join('\n'));
    expect(validation.catalogue.procedures).toHaveLength(1700);
  });

  it('keeps Hưng Yên\'s shares of levels and inter-agency procedures', () => {
    if (!validation.ok) throw new Error('invalid');
    const { procedures } = validation.catalogue;
    const count = (level: string) => procedures.filter((procedure) => procedure.level === level).length;
    expect([count('province'), count('district'), count('commune')]).toEqual([1267, 271, 162]);
    const interAgency = procedures.filter((procedure) => procedure.internal_process.some((step) => step.hands_over_to !== undefined));
    expect(interAgency).toHaveLength(101);
    const withProcess = procedures.filter((procedure) => procedure.internal_process.length > 0).length;
    expect(withProcess).toBeGreaterThan(400);
    expect(withProcess).toBeLessThan(650);
    // Names repeat across levels (as in real catalogues), never within one.
    expect(new Set(procedures.map((procedure) => `${procedure.level}|${procedure.name}`)).size).toBe(1700);
  });

  it('flags a small share on the spot, each done within one working day at one agency', () => {
    if (!validation.ok) throw new Error('invalid');
    const onTheSpot = validation.catalogue.procedures.filter((procedure) => procedure.on_the_spot);
    expect(onTheSpot.length).toBeGreaterThan(20);
    expect(onTheSpot.length).toBeLessThan(170);
    for (const procedure of onTheSpot) {
      const { unit, amount } = procedure.processing_time;
      expect(unit === 'working_days' ? amount <= 1 : amount <= 8).toBe(true);
      expect(procedure.internal_process.some((step) => step.hands_over_to !== undefined)).toBe(false);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateCatalogue({ procedures: 200, seed: 'load-test' });
    expect(JSON.stringify(generateCatalogue({ procedures: 200, seed: 'load-test' }))).toBe(JSON.stringify(again));
    expect(JSON.stringify(generateCatalogue({ procedures: 200, seed: 'other' }))).not.toBe(JSON.stringify(again));
  });

  it('includes the demo agencies and desks, and re-imports without change', () => {
    if (!validation.ok) throw new Error('invalid');
    const { agencies, desks } = validation.catalogue;
    for (const code of ['000.00.12.H33', '000.00.17.H33', '000.24.11.H33']) expect(agencies.map((agency) => agency.code)).toContain(code);
    for (const code of ['H33-TTPVHCC-Q01', 'H33-TTPVHCC-Q02', 'H33-X12250-BPMC']) expect(desks.map((desk) => desk.code)).toContain(code);
    const stored = applyPlan(EMPTY_CATALOGUE, validation.catalogue, planImport(EMPTY_CATALOGUE, validation.catalogue));
    expect(planImport(stored, validation.catalogue).changes).toBe(0);
  });

  it('stays valid for small and odd sizes and other seeds', () => {
    for (const [procedures, seed] of [
      [1, 7],
      [17, 'x'],
      [333, 42],
    ] as const) {
      const result = validateCatalogueFile({ json: generateCatalogue({ procedures, seed }) });
      expect(result.ok ? result.catalogue.procedures.length : result.errors.slice(0, 3)).toBe(procedures);
    }
  });
});

describe('generate.ts arguments', () => {
  it('reads the documented flags', () => {
    expect(parseArguments(['--procedures', '1700', '--seed', '1', '--pretty'])).toEqual({ procedures: 1700, seed: '1', pretty: true });
    expect(() => parseArguments(['--procedures', 'many'])).toThrow('--procedures');
    expect(() => parseArguments(['--seed'])).toThrow('needs a value');
    expect(() => parseArguments(['--colour'])).toThrow('unknown argument');
  });
});

import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Catalogue } from './catalogue-file.schema';
import { smallCatalogueFile, SmallCatalogueFile } from './catalogue.fixture';
import { applyPlan, canonicalJson, EMPTY_CATALOGUE, planImport, procedureFingerprint } from './plan-import';
import { validateCatalogueFile } from './validate-catalogue-file';

function catalogueOf(file: SmallCatalogueFile | unknown): Catalogue {
  const result = validateCatalogueFile({ json: file });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.catalogue;
}

describe('planImport', () => {
  it('creates everything in an empty tenant', () => {
    const incoming = catalogueOf(smallCatalogueFile());
    const plan = planImport(EMPTY_CATALOGUE, incoming);
    expect(plan.procedures.map((entry) => [entry.code, entry.action])).toEqual([
      ['1.001193', 'create'],
      ['2.001610', 'create'],
    ]);
    expect(plan.summary.units).toEqual({ create: 2, update: 0, unchanged: 0 });
    expect(plan.changes).toBe(2 + 3 + 2 + 2);
    expect(plan.conflicts).toEqual([]);
  });

  it('changes nothing when the same file is imported a second time', () => {
    const incoming = catalogueOf(smallCatalogueFile());
    const afterFirst = applyPlan(EMPTY_CATALOGUE, incoming, planImport(EMPTY_CATALOGUE, incoming));
    const second = planImport(afterFirst, catalogueOf(smallCatalogueFile()));
    expect(second.changes).toBe(0);
    expect(second.conflicts).toEqual([]);
    expect(second.procedures.every((entry) => entry.action === 'unchanged')).toBe(true);
    expect(second.summary.agencies).toEqual({ create: 0, update: 0, unchanged: 3 });
    expect(applyPlan(afterFirst, incoming, second)).toEqual(afterFirst);
  });

  it('adds a new version published by a later decision', () => {
    const first = catalogueOf(smallCatalogueFile());
    const stored = applyPlan(EMPTY_CATALOGUE, first, planImport(EMPTY_CATALOGUE, first));
    const file = smallCatalogueFile();
    file.procedures[0].processing_time = { unit: 'working_days', amount: 2 };
    file.procedures[0].version = { effective_from: '2026-01-01', decision_number: '88/QĐ-UBND', decision_date: '2025-12-20' };
    const plan = planImport(stored, catalogueOf(file));
    expect(plan.procedures.map((entry) => entry.action)).toEqual(['new_version', 'unchanged']);
    expect(plan.changes).toBe(1);
    const after = applyPlan(stored, catalogueOf(file), plan);
    expect(after.procedures.find((procedure) => procedure.code === '1.001193')?.versions.map((version) => version.effective_from)).toEqual([
      '2025-07-01',
      '2026-01-01',
    ]);
  });

  it('refuses to rewrite a stored version or to insert one before the newest', () => {
    const first = catalogueOf(smallCatalogueFile());
    const stored = applyPlan(EMPTY_CATALOGUE, first, planImport(EMPTY_CATALOGUE, first));

    const edited = smallCatalogueFile();
    edited.procedures[0].components[0].count = 2; // same decision, other content
    edited.procedures[1].version = { effective_from: '2025-01-01', decision_number: '7/QĐ-UBND', decision_date: '2024-12-20' }; // older
    const plan = planImport(stored, catalogueOf(edited));
    expect(plan.procedures.map((entry) => entry.action)).toEqual(['conflict', 'conflict']);
    expect(plan.conflicts.map((conflict) => conflict.location)).toEqual(['procedures[0].version', 'procedures[1].version']);
    expect(plan.conflicts[0].message).toContain('publish the change by a new decision');
    expect(() => applyPlan(stored, catalogueOf(edited), plan)).toThrow();

    const reused = smallCatalogueFile();
    reused.procedures[0].version = { ...reused.procedures[0].version, effective_from: '2026-03-01' }; // same decision, other date
    expect(planImport(stored, catalogueOf(reused)).procedures[0]).toMatchObject({ action: 'conflict', reason: expect.stringContaining('1234/QĐ-UBND') });
  });

  it('lists updated fields of plain records and leaves what the file omits untouched', () => {
    const first = catalogueOf(smallCatalogueFile());
    const stored = applyPlan(EMPTY_CATALOGUE, first, planImport(EMPTY_CATALOGUE, first));
    const file = smallCatalogueFile();
    file.agencies[0].name = 'Sở Tư pháp Hưng Yên';
    file.desks.pop();
    file.procedures.pop();
    const plan = planImport(stored, catalogueOf(file));
    expect(plan.agencies[0]).toEqual({ key: '000.00.17.H33', action: 'update', changed: ['name'] });
    expect(plan.untouched).toEqual({ units: [], agencies: [], desks: ['H33-TTPVHCC-Q01'], procedures: ['2.001610'] });
    expect(plan.changes).toBe(1);
  });

  it('never plans a change for a catalogue imported over itself, whatever its versions', () => {
    const base = catalogueOf(smallCatalogueFile());
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }), fc.boolean(), (bumps, keepAll) => {
        // Import the base, then a file whose procedures moved on by a number of later decisions.
        let stored = applyPlan(EMPTY_CATALOGUE, base, planImport(EMPTY_CATALOGUE, base));
        const file = smallCatalogueFile();
        file.procedures.forEach((procedure, index) => {
          for (let bump = 1; bump <= bumps[index]; bump += 1) {
            procedure.version = { effective_from: `202${5 + bump}-07-01`, decision_number: `${100 + bump}/QĐ-UBND`, decision_date: `202${5 + bump}-06-01` };
            stored = applyPlan(stored, catalogueOf(file), planImport(stored, catalogueOf(file)));
          }
        });
        if (!keepAll) file.procedures.pop();
        expect(planImport(stored, catalogueOf(file)).changes).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});

describe('procedureFingerprint', () => {
  it('ignores the version, the notes and key order, but not the content', () => {
    const [procedure] = catalogueOf(smallCatalogueFile()).procedures;
    const fingerprint = procedureFingerprint(procedure);
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(procedureFingerprint({ ...procedure, notes: 'chưa kiểm tra lệ phí', version: { ...procedure.version, decision_number: '9/QĐ-UBND' } })).toBe(
      fingerprint,
    );
    const reordered = JSON.parse(canonicalJson(procedure)) as typeof procedure;
    expect(procedureFingerprint(reordered)).toBe(fingerprint);
    expect(procedureFingerprint({ ...procedure, online_level: 'partial' })).not.toBe(fingerprint);
  });

  it('counts on_the_spot only when set, so versions imported before the flag keep their fingerprints', () => {
    const [procedure] = catalogueOf(smallCatalogueFile()).procedures;
    expect(procedure.on_the_spot).toBe(false);
    const { version: _version, notes: _notes, on_the_spot: _onTheSpot, ...before } = procedure;
    expect(procedureFingerprint(procedure)).toBe(createHash('sha256').update(canonicalJson(before)).digest('hex'));
    expect(procedureFingerprint({ ...procedure, on_the_spot: true })).not.toBe(procedureFingerprint(procedure));
  });

  it('is the same for text written composed or decomposed, once validated', () => {
    const composed = smallCatalogueFile();
    const decomposed = smallCatalogueFile();
    decomposed.procedures[0].components[0].name = decomposed.procedures[0].components[0].name.normalize('NFD');
    expect(procedureFingerprint(catalogueOf(decomposed).procedures[0])).toBe(procedureFingerprint(catalogueOf(composed).procedures[0]));
  });

  it('canonicalJson sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"f":1}]},"b":1}');
  });
});

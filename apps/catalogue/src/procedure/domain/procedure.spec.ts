import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { NO_FEES } from './fees';
import { amendProcedure, endVersion, isInForce, ProcedureDefinition, ProcedureVersion, publishProcedure, withdrawProcedure } from './procedure';

const now = new Date('2026-11-26T03:00:00Z');

export const birthRegistration: ProcedureDefinition = {
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  competentAgencyId: null,
  implementingAgencyId: null,
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP'],
  components: [
    { code: 'TK01', name: 'Tờ khai đăng ký khai sinh', mandatory: true, form: 'original', count: 1, formTemplate: 'Mẫu TT04/2020/TT-BTP', documentType: null },
    { code: 'GCS', name: 'Giấy chứng sinh', mandatory: true, form: 'original', count: 1, formTemplate: null, documentType: 'giay-chung-sinh' },
  ],
  processingTime: { unit: 'days', amount: 1 },
  fees: NO_FEES,
  results: [{ code: 'GKS', name: 'Giấy khai sinh', documentType: 'giay-khai-sinh' }],
  onlineLevel: 'full',
  locationIndependent: false,
  postalIntake: true,
  postalReturn: true,
  internalProcess: [
    { name: 'Tiếp nhận', role: 'desk_officer', agencyId: null, share: 0.1, handsOver: false },
    { name: 'Thẩm định', role: 'specialist', agencyId: null, share: 0.2, handsOver: false },
    { name: 'Ký', role: 'leader', agencyId: null, share: 0.7, handsOver: false },
  ],
  onTheSpot: false,
};

function caught(fn: () => unknown): CatalogueError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
  throw new Error('expected a CatalogueError');
}

const v1 = (): ProcedureVersion =>
  publishProcedure({
    procedureId: 'p1',
    versionId: 'v1',
    code: '1.001193',
    definition: birthRegistration,
    publication: { effectiveFrom: new Date('2026-01-01T00:00:00+07:00'), decision: { number: '12/QĐ-UBND', date: '2025-12-20' } },
    now,
    actor: 'admin-1',
  });

describe('publishProcedure', () => {
  it('publishes version 1 with its decision and effective date', () => {
    expect(v1()).toMatchObject({
      id: 'v1',
      procedureId: 'p1',
      version: 1,
      effectiveFrom: new Date('2025-12-31T17:00:00Z'),
      effectiveTo: null,
      decision: { number: '12/QĐ-UBND', date: '2025-12-20' },
      publishedBy: 'admin-1',
      definition: birthRegistration,
    });
  });

  it('is in force from now when no date is given', () => {
    const version = publishProcedure({ procedureId: 'p1', versionId: 'v1', code: '1.001193', definition: birthRegistration, publication: { effectiveFrom: null, decision: null }, now, actor: 'a' });
    expect(version.effectiveFrom).toEqual(now);
    expect(version.decision).toBeNull();
  });

  it('accepts shares that sum to 1 up to binary rounding (ten steps of 0.1)', () => {
    const internalProcess = Array.from({ length: 10 }, (_, i) => ({ name: `Bước ${i + 1}`, role: 'specialist' as const, agencyId: null, share: 0.1, handsOver: i === 4 }));
    expect(internalProcess.reduce((sum, s) => sum + s.share, 0)).not.toBe(1);
    const version = publishProcedure({ procedureId: 'p', versionId: 'v', code: '1.001193', definition: { ...birthRegistration, internalProcess }, publication: { effectiveFrom: null, decision: null }, now, actor: 'a' });
    expect(version.definition.internalProcess).toHaveLength(10);
  });

  it('reports every problem at once', () => {
    const error = caught(() =>
      publishProcedure({
        procedureId: 'p1',
        versionId: 'v1',
        code: 'abc',
        definition: {
          ...birthRegistration,
          name: 'x',
          level: 'province',
          components: [birthRegistration.components[0], { ...birthRegistration.components[1], code: 'TK01', count: 0, form: 'scan' as 'copy' }],
          processingTime: { unit: 'days', amount: 1.5 },
          onlineLevel: 'some' as 'full',
          internalProcess: [
            { name: 'Tiếp nhận', role: 'desk_officer', agencyId: null, share: 0.5, handsOver: false },
            { name: 'Ký', role: 'boss' as 'leader', agencyId: 'x', share: 0.4, handsOver: false },
          ],
        },
        publication: { effectiveFrom: new Date('2026-01-01T00:00:00+07:00'), decision: { number: '', date: '2026-01-02' } },
        now,
        actor: 'a',
      }),
    );
    expect(error.code).toBe(CatalogueErrorCode.InvalidProcedure);
    expect(error.details.errors?.map((e) => e.field)).toEqual([
      'code',
      'definition.name',
      'definition.competentAgencyId',
      'definition.components[1].form',
      'definition.components[1].count',
      'definition.components[1].code',
      'definition.processingTime.amount',
      'definition.onlineLevel',
      'definition.internalProcess[1].role',
      'definition.internalProcess[1].agencyId',
      'definition.internalProcess',
      'publication.decision.number',
      'publication.decision.date',
    ]);
  });

  it('counts working hours for fast procedures', () => {
    const definition = { ...birthRegistration, processingTime: { unit: 'hours' as const, amount: 4 } };
    expect(publishProcedure({ procedureId: 'p', versionId: 'v', code: '1.001193', definition, publication: { effectiveFrom: null, decision: null }, now, actor: 'a' }).definition.processingTime).toEqual({
      unit: 'hours',
      amount: 4,
    });
  });

  it('needs a named competent agency above the commune and district levels', () => {
    const error = caught(() =>
      publishProcedure({ procedureId: 'p', versionId: 'v', code: '1.001193', definition: { ...birthRegistration, level: 'province' }, publication: { effectiveFrom: null, decision: null }, now, actor: 'a' }),
    );
    expect(error.details.errors).toEqual([{ field: 'definition.competentAgencyId', message: expect.stringContaining('required') }]);
  });
});

describe('on the spot (4 tại chỗ)', () => {
  const publish = (definition: ProcedureDefinition) =>
    publishProcedure({ procedureId: 'p', versionId: 'v', code: '2.000815', definition, publication: { effectiveFrom: null, decision: null }, now, actor: 'a' });
  const certification: ProcedureDefinition = { ...birthRegistration, name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', onTheSpot: true };

  it('is off unless a version says so, and kept as said', () => {
    expect(publish(birthRegistration).definition.onTheSpot).toBe(false);
    expect(publish(certification).definition.onTheSpot).toBe(true);
  });

  it.each<[string, ProcedureDefinition['processingTime']]>([
    ['1 working day', { unit: 'days', amount: 1 }],
    ['8 working hours', { unit: 'hours', amount: 8 }],
    ['at once (0)', { unit: 'days', amount: 0 }],
    ['2 working hours', { unit: 'hours', amount: 2 }],
  ])('accepts a procedure done within one working day: %s', (_name, processingTime) => {
    expect(publish({ ...certification, processingTime }).definition).toMatchObject({ onTheSpot: true, processingTime });
  });

  it.each<[string, ProcedureDefinition['processingTime']]>([
    ['2 working days', { unit: 'days', amount: 2 }],
    ['9 working hours', { unit: 'hours', amount: 9 }],
  ])('refuses a procedure taking longer than one working day: %s', (_name, processingTime) => {
    const error = caught(() => publish({ ...certification, processingTime }));
    expect(error.code).toBe(CatalogueErrorCode.InvalidProcedure);
    expect(error.details.errors).toEqual([{ field: 'definition.onTheSpot', message: expect.stringContaining('within one working day') }]);
  });

  it('refuses an inter-agency flow: the dossier cannot be handed over within the visit', () => {
    const internalProcess = [
      { name: 'Tiếp nhận', role: 'desk_officer' as const, agencyId: null, share: 0.5, handsOver: true },
      { name: 'Ký', role: 'leader' as const, agencyId: '000.00.17.H33', share: 0.5, handsOver: false },
    ];
    const error = caught(() => publish({ ...certification, internalProcess }));
    expect(error.details.errors).toEqual([{ field: 'definition.onTheSpot', message: expect.stringContaining('step 1 of the internal process hands the dossier over') }]);
    expect(publish({ ...certification, onTheSpot: false, internalProcess }).definition.onTheSpot).toBe(false);
  });

  it('puts the same rule on a new version: the flag is versioned like every other field', () => {
    const { created } = amendProcedure(v1(), {
      versionId: 'v2',
      definition: { ...birthRegistration, onTheSpot: true },
      publication: { effectiveFrom: new Date('2026-03-01T00:00:00+07:00'), decision: { number: '99/QĐ-UBND', date: '2026-02-01' } },
      now,
      actor: 'a',
    });
    expect([v1().definition.onTheSpot, created.definition.onTheSpot]).toEqual([false, true]);
    const error = caught(() =>
      amendProcedure(v1(), {
        versionId: 'v2',
        definition: { ...birthRegistration, onTheSpot: true, processingTime: { unit: 'days', amount: 3 } },
        publication: { effectiveFrom: new Date('2026-03-01T00:00:00+07:00'), decision: { number: '99/QĐ-UBND', date: '2026-02-01' } },
        now,
        actor: 'a',
      }),
    );
    expect(error.details.errors?.map((e) => e.field)).toEqual(['definition.onTheSpot']);
  });
});

describe('amendProcedure', () => {
  const amendment = (effectiveFrom: Date, decision = { number: '99/QĐ-UBND', date: '2026-02-01' }) => ({
    versionId: 'v2',
    definition: { ...birthRegistration, processingTime: { unit: 'days' as const, amount: 3 } },
    publication: { effectiveFrom, decision },
    now,
    actor: 'admin-2',
  });

  it('publishes the next version and ends the previous one when it starts', () => {
    const from = new Date('2026-03-01T00:00:00+07:00');
    const { ended, created } = amendProcedure(v1(), amendment(from));
    expect(created).toMatchObject({ id: 'v2', procedureId: 'p1', code: '1.001193', version: 2, effectiveFrom: from, effectiveTo: null, publishedBy: 'admin-2' });
    expect(ended).toEqual({ versionId: 'v1', effectiveTo: from, endedBy: 'superseded', endDecision: { number: '99/QĐ-UBND', date: '2026-02-01' } });
    if (!ended) throw new Error('version 1 should end');
    const old = endVersion(v1(), ended);
    expect([isInForce(old, new Date(from.getTime() - 1)), isInForce(old, from), isInForce(created, from)]).toEqual([true, false, true]);
  });

  it('needs a decision', () => {
    const error = caught(() => amendProcedure(v1(), { ...amendment(new Date('2026-03-01T00:00:00+07:00')), publication: { effectiveFrom: new Date('2026-03-01T00:00:00+07:00'), decision: null } }));
    expect(error.details.errors).toEqual([{ field: 'publication.decision', message: expect.any(String) }]);
  });

  it('refuses a version that does not start after the current one starts', () => {
    const error = caught(() => amendProcedure(v1(), amendment(new Date('2026-01-01T00:00:00+07:00'), { number: '1', date: '2025-12-01' })));
    expect(error.code).toBe(CatalogueErrorCode.VersionConflict);
  });

  it('publishes a withdrawn procedure again only from its withdrawal on', () => {
    const end = withdrawProcedure(v1(), { effectiveTo: new Date('2026-06-01T00:00:00+07:00'), decision: { number: '50/QĐ-UBND', date: '2026-05-20' }, now });
    const withdrawn = endVersion(v1(), end);
    expect(caught(() => amendProcedure(withdrawn, amendment(new Date('2026-05-01T00:00:00+07:00')))).code).toBe(CatalogueErrorCode.VersionConflict);
    const again = amendProcedure(withdrawn, amendment(new Date('2026-07-01T00:00:00+07:00')));
    expect(again.ended).toBeNull();
    expect(again.created.version).toBe(2);
  });
});

describe('withdrawProcedure', () => {
  it('ends the current version with the withdrawal decision', () => {
    const at = new Date('2026-06-01T00:00:00+07:00');
    expect(withdrawProcedure(v1(), { effectiveTo: at, decision: { number: '50/QĐ-UBND', date: '2026-05-20' }, now })).toEqual({
      versionId: 'v1',
      effectiveTo: at,
      endedBy: 'withdrawn',
      endDecision: { number: '50/QĐ-UBND', date: '2026-05-20' },
    });
  });

  it('refuses without a decision, before the version starts, and twice', () => {
    expect(caught(() => withdrawProcedure(v1(), { effectiveTo: null, decision: null, now })).details.errors).toEqual([{ field: 'decision', message: expect.any(String) }]);
    expect(caught(() => withdrawProcedure(v1(), { effectiveTo: new Date('2025-12-31T00:00:00+07:00'), decision: { number: '1', date: '2025-12-01' }, now })).code).toBe(
      CatalogueErrorCode.VersionConflict,
    );
    const withdrawn = endVersion(v1(), withdrawProcedure(v1(), { effectiveTo: null, decision: { number: '1', date: '2026-11-01' }, now }));
    expect(caught(() => withdrawProcedure(withdrawn, { effectiveTo: null, decision: { number: '2', date: '2026-11-01' }, now })).code).toBe(CatalogueErrorCode.VersionConflict);
  });
});

import fc from 'fast-check';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';
import { assessFees, Channel, CHANNELS, FeeCase, FeeItem, FeeSchedule, MAX_QUANTITY, MAX_VND, validateFeeSchedule } from './fees';
import { FieldErrors } from '../../shared/domain/validation';

const item = (overrides: Partial<FeeItem> & Pick<FeeItem, 'code' | 'amount'>): FeeItem => ({
  name: `Khoản ${overrides.code}`,
  kind: 'charge',
  unit: null,
  tiers: [],
  cap: null,
  variantAmounts: [],
  ...overrides,
});

/** Civil status registration: a charge (late registration costs more), copies of the extract per copy. */
const civilStatus: FeeSchedule = {
  variants: [{ code: 'late', name: 'Đăng ký quá hạn' }],
  items: [
    item({ code: 'LP', name: 'Lệ phí đăng ký hộ tịch', amount: 8_000, variantAmounts: [{ variant: 'late', amount: 10_000 }] }),
    item({ code: 'TL', name: 'Phí cấp bản sao trích lục', kind: 'fee', amount: 8_000, unit: 'bản' }),
  ],
  exemptions: [
    { code: 'poor', name: 'Hộ nghèo', attributes: ['poor-household'], items: ['LP'], percent: 100 },
    { code: 'merit', name: 'Người có công', attributes: ['person-with-merit'], items: [], percent: 50 },
  ],
  discounts: [{ code: 'online-50', name: 'Giảm 50% khi nộp trực tuyến', channels: ['online'], items: ['LP'], percent: 50 }],
};

/** Certification of copies: 2,000 per page, 1,000 from the third page, at most 200,000. */
const certification: FeeSchedule = {
  variants: [],
  items: [item({ code: 'CT', name: 'Phí chứng thực bản sao', kind: 'fee', amount: 2_000, unit: 'trang', tiers: [{ fromUnit: 3, amount: 1_000 }], cap: 200_000 })],
  exemptions: [],
  discounts: [],
};

const feeCase = (overrides: Partial<FeeCase> = {}): FeeCase => ({ variant: null, attributes: [], quantities: { TL: 0 }, ...overrides });

describe('assessFees', () => {
  it.each<[string, FeeSchedule, FeeCase, Channel, number, [string, string, number][]]>([
    ['at the desk, default amounts', civilStatus, feeCase(), 'desk', 8_000, [['LP', 'base', 8_000]]],
    ['online: the charge is halved', civilStatus, feeCase(), 'online', 4_000, [['LP', 'base', 8_000], ['LP', 'discount', -4_000]]],
    ['by post: no discount', civilStatus, feeCase(), 'postal', 8_000, [['LP', 'base', 8_000]]],
    ['a poor household online: exempt, so nothing left to discount', civilStatus, feeCase({ attributes: ['poor-household'] }), 'online', 0, [['LP', 'base', 8_000], ['LP', 'exemption', -8_000]]],
    ['late registration with two copies', civilStatus, feeCase({ variant: 'late', quantities: { TL: 2 } }), 'desk', 26_000, [['LP', 'base', 10_000], ['TL', 'base', 16_000]]],
    [
      'a person with merit online: 50% off everything, then 50% off what is left of the charge',
      civilStatus,
      feeCase({ attributes: ['person-with-merit'], quantities: { TL: 1 } }),
      'online',
      6_000,
      [['LP', 'base', 8_000], ['LP', 'exemption', -4_000], ['LP', 'discount', -2_000], ['TL', 'base', 8_000], ['TL', 'exemption', -4_000]],
    ],
    ['two exemptions: the larger applies', civilStatus, feeCase({ attributes: ['person-with-merit', 'poor-household'] }), 'desk', 0, [['LP', 'base', 8_000], ['LP', 'exemption', -8_000]]],
    ['one page certified', certification, { variant: null, attributes: [], quantities: { CT: 1 } }, 'desk', 2_000, [['CT', 'base', 2_000]]],
    ['two pages certified', certification, { variant: null, attributes: [], quantities: { CT: 2 } }, 'desk', 4_000, [['CT', 'base', 4_000]]],
    ['ten pages: 1,000 from the third', certification, { variant: null, attributes: [], quantities: { CT: 10 } }, 'desk', 12_000, [['CT', 'base', 12_000]]],
    ['five hundred pages: capped', certification, { variant: null, attributes: [], quantities: { CT: 500 } }, 'desk', 200_000, [['CT', 'base', 200_000]]],
    ['no pages: nothing due, no line', certification, { variant: null, attributes: [], quantities: { CT: 0 } }, 'desk', 0, []],
  ])('%s', (_name, schedule, theCase, channel, total, lines) => {
    const assessment = assessFees(schedule, theCase, channel);
    expect(assessment.total).toBe(total);
    expect(assessment.lines.map((l) => [l.item, l.type, l.amount])).toEqual(lines);
  });

  it('names the rule behind each reduction', () => {
    const { lines } = assessFees(civilStatus, feeCase({ attributes: ['person-with-merit'] }), 'online');
    expect(lines.filter((l) => l.type !== 'base').map((l) => [l.rule, l.ruleName])).toEqual([
      ['merit', 'Người có công'],
      ['online-50', 'Giảm 50% khi nộp trực tuyến'],
    ]);
  });

  it('rounds what is due down to the đồng (the reduction takes the odd half)', () => {
    const schedule: FeeSchedule = { ...civilStatus, items: [item({ code: 'LP', amount: 15_001 }), civilStatus.items[1]] };
    expect(assessFees(schedule, feeCase(), 'online').lines.map((l) => l.amount)).toEqual([15_001, -7_501]);
  });

  it('refuses a case that does not fit the schedule, listing every problem', () => {
    let caught: unknown;
    try {
      assessFees(civilStatus, { variant: 'early', attributes: ['student'], quantities: { LP: 1 } }, 'fax' as Channel);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueError);
    expect((caught as CatalogueError).code).toBe(CatalogueErrorCode.FeeCaseInvalid);
    expect((caught as CatalogueError).details.errors?.map((e) => e.field)).toEqual(['variant', 'attributes[0]', 'quantities.LP', 'quantities.TL', 'channel']);
  });
});

describe('validateFeeSchedule', () => {
  it('accepts the sample schedules', () => {
    for (const schedule of [civilStatus, certification]) {
      const errors = new FieldErrors('fees');
      validateFeeSchedule(schedule, errors);
      expect(errors.errors).toEqual([]);
    }
  });

  it('reports every problem with its path', () => {
    const errors = new FieldErrors('fees');
    validateFeeSchedule(
      {
        variants: [{ code: 'Late', name: '' }],
        items: [
          item({ code: 'LP', amount: -1, kind: 'tax' as 'fee', variantAmounts: [{ variant: 'early', amount: 1.5 }] }),
          item({ code: 'LP', amount: 1_000, tiers: [{ fromUnit: 1, amount: 5 }] }),
        ],
        exemptions: [{ code: 'poor', name: 'Hộ nghèo', attributes: [], items: ['XX'], percent: 0 }],
        discounts: [{ code: 'online', name: 'Trực tuyến', channels: ['fax' as Channel], items: [], percent: 101 }],
      },
      errors,
    );
    expect(errors.errors.map((e) => e.field)).toEqual([
      'fees.variants[0].code',
      'fees.variants[0].name',
      'fees.items[0].kind',
      'fees.items[0].amount',
      'fees.items[0].variantAmounts[0].variant',
      'fees.items[0].variantAmounts[0].amount',
      'fees.items[1].tiers',
      'fees.items[1].tiers[0].fromUnit',
      'fees.items[1].code',
      'fees.exemptions[0].attributes',
      'fees.exemptions[0].items[0]',
      'fees.exemptions[0].percent',
      'fees.discounts[0].channels[0]',
      'fees.discounts[0].percent',
    ]);
  });
});

describe('assessFees, for any schedule and case', () => {
  const vnd = fc.integer({ min: 0, max: MAX_VND });
  const percent = fc.integer({ min: 1, max: 100 });
  const attributes = ['a1', 'a2', 'a3'];
  const variants = ['v1', 'v2'];

  const scheduleAndCase = fc
    .integer({ min: 1, max: 6 })
    .chain((count) => {
      const codes = Array.from({ length: count }, (_, i) => `I${i}`);
      const itemArb = (code: string) =>
        fc.record({
          amount: vnd,
          perUnit: fc.boolean(),
          tiers: fc.uniqueArray(fc.integer({ min: 2, max: 50 }), { maxLength: 3 }).chain((froms) =>
            fc.tuple(...[...froms].sort((a, b) => a - b).map((fromUnit) => vnd.map((amount) => ({ fromUnit, amount })))),
          ),
          cap: fc.option(vnd, { nil: null }),
          variantAmounts: fc.subarray(variants).chain((vs) => fc.tuple(...vs.map((variant) => vnd.map((amount) => ({ variant, amount }))))),
          kind: fc.constantFrom('fee' as const, 'charge' as const),
        }).map(({ perUnit, tiers, ...rest }): FeeItem => ({ code, name: code, unit: perUnit ? 'trang' : null, tiers: perUnit ? tiers : [], ...rest }));
      const ruleItems = fc.subarray(codes);
      return fc.record({
        items: fc.tuple(...codes.map(itemArb)),
        exemptions: fc.array(fc.record({ attributes: fc.subarray(attributes, { minLength: 1 }), items: ruleItems, percent }), { maxLength: 3 }),
        discounts: fc.array(fc.record({ channels: fc.subarray([...CHANNELS], { minLength: 1 }), items: ruleItems, percent }), { maxLength: 3 }),
        variant: fc.option(fc.constantFrom(...variants), { nil: null }),
        caseAttributes: fc.subarray(attributes),
        quantities: fc.tuple(...codes.map(() => fc.integer({ min: 0, max: MAX_QUANTITY }))),
        channel: fc.constantFrom(...CHANNELS),
      });
    })
    .map(({ items, exemptions, discounts, variant, caseAttributes, quantities, channel }) => {
      const schedule: FeeSchedule = {
        variants: variants.map((code) => ({ code, name: code })),
        items,
        exemptions: exemptions.map((e, i) => ({ ...e, code: `e${i}`, name: `e${i}` })),
        discounts: discounts.map((d, i) => ({ ...d, code: `d${i}`, name: `d${i}` })),
      };
      const theCase: FeeCase = {
        variant,
        attributes: caseAttributes.filter((a) => exemptions.some((e) => e.attributes.includes(a))),
        quantities: Object.fromEntries(items.flatMap((it, i) => (it.unit ? [[it.code, quantities[i]]] : []))),
      };
      return { schedule, theCase, channel };
    });

  it('generates valid schedules (so the properties below test real inputs)', () => {
    fc.assert(
      fc.property(scheduleAndCase, ({ schedule }) => {
        const errors = new FieldErrors();
        validateFeeSchedule(schedule, errors);
        expect(errors.errors).toEqual([]);
      }),
    );
  });

  it('itemises: the parts sum to the total, which is a whole, non-negative number of đồng', () => {
    fc.assert(
      fc.property(scheduleAndCase, ({ schedule, theCase, channel }) => {
        const { lines, total } = assessFees(schedule, theCase, channel);
        expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(total);
        expect(Number.isSafeInteger(total)).toBe(true);
        expect(total).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never lets an item go negative, and reductions never exceed what they reduce', () => {
    fc.assert(
      fc.property(scheduleAndCase, ({ schedule, theCase, channel }) => {
        const { lines } = assessFees(schedule, theCase, channel);
        for (const code of new Set(lines.map((l) => l.item))) {
          const own = lines.filter((l) => l.item === code);
          expect(own[0].type).toBe('base');
          expect(own[0].amount).toBeGreaterThan(0);
          expect(own.slice(1).every((l) => l.amount < 0)).toBe(true);
          expect(own.reduce((sum, l) => sum + l.amount, 0)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('never charges more with exemptions or discounts than without', () => {
    fc.assert(
      fc.property(scheduleAndCase, ({ schedule, theCase, channel }) => {
        const bare = assessFees({ ...schedule, exemptions: [], discounts: [] }, { ...theCase, attributes: [] }, channel);
        const reduced = assessFees(schedule, theCase, channel);
        expect(reduced.total).toBeLessThanOrEqual(bare.total);
        expect(reduced.lines.filter((l) => l.type === 'base')).toEqual(bare.lines);
      }),
    );
  });
});

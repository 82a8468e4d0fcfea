import { CatalogueError } from './catalogue.errors';
import { createProcedure } from './procedure';

const now = new Date('2026-11-26T03:00:00Z');
const draft = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  processingDays: 1,
  agencyId: '000.00.17.H33',
  components: [{ code: 'TK01', name: 'Tờ khai đăng ký khai sinh', mandatory: true }],
};

describe('createProcedure', () => {
  it('creates version 1 of a valid draft', () => {
    expect(createProcedure('p1', draft, now)).toEqual({ id: 'p1', ...draft, version: 1, createdAt: now });
  });

  it('accepts a locally suffixed national code', () => {
    expect(createProcedure('p1', { ...draft, code: '1.001193.000.00.00.H12' }, now).code).toBe('1.001193.000.00.00.H12');
  });

  it('reports every problem at once', () => {
    let caught: unknown;
    try {
      createProcedure('p1', { code: 'abc', name: 'x', processingDays: -1, agencyId: 'x', components: [{ code: 'A', name: 'ok', mandatory: true }, { code: 'A', name: '', mandatory: false }] }, now);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CatalogueError);
    expect((caught as CatalogueError).details.errors?.map((e) => e.field)).toEqual([
      'code',
      'name',
      'processingDays',
      'agencyId',
      'components[1].code',
      'components[1].name',
    ]);
  });
});

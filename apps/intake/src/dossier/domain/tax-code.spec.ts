import { taxCodeProblem } from './tax-code';

describe('taxCodeProblem', () => {
  it.each([
    ['0100109106', null],
    ['0300588569', null],
    ['0100109106001', null],
    ['0100109106-001', null],
    ['0100109107', 'check_digit'],
    ['0100109106000', 'branch'],
    ['010010910', 'format'],
    ['01001091060', 'format'],
    ['01001O9106', 'format'],
  ])('%s → %s', (value, problem) => {
    expect(taxCodeProblem(value)).toBe(problem);
  });
});

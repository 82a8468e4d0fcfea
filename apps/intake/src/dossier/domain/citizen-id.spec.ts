import { citizenIdProblem } from './citizen-id';

const today = new Date('2026-11-26T00:00:00Z');

describe('citizenIdProblem', () => {
  it.each([
    ['033099001234', null],
    ['001203000001', null],
    ['03309900123', 'format'],
    ['0330990012345', 'format'],
    ['03309900123a', 'format'],
    ['003099001234', 'province'],
    ['099099001234', 'province'],
    ['033299001234', 'birth_year'],
  ])('%s → %s', (value, problem) => {
    expect(citizenIdProblem(value, today)).toBe(problem);
  });
});

import { nameWithCode } from './labels';

describe('nameWithCode', () => {
  it('prints "Name (code)", the bare code when no name is known, the name when no code', () => {
    expect(nameWithCode('UBND xã Phụng Công', '000.00.01.H33')).toBe('UBND xã Phụng Công (000.00.01.H33)');
    expect(nameWithCode(null, '000.00.01.H33')).toBe('000.00.01.H33');
    expect(nameWithCode('  ', 'H33-PC-01')).toBe('H33-PC-01');
    expect(nameWithCode('Ủy ban nhân dân xã Phù Cừ', '')).toBe('Ủy ban nhân dân xã Phù Cừ');
  });
});

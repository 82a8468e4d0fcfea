import { formatDossierCode, localDate, looksLikeDossierCode } from './dossier-code';

describe('dossier code', () => {
  it('uses the local date in Vietnam', () => {
    expect(localDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(localDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
  });

  it('formats the agency-day code', () => {
    const code = formatDossierCode({ format: 'agency-day', agencyCode: '000.00.17.H33', date: '2026-01-01', sequence: 1 });
    expect(code).toBe('000.00.17.H33-260101-0001');
    expect(looksLikeDossierCode(code)).toBe(true);
    expect(() => formatDossierCode({ format: 'agency-day', agencyCode: 'X00', date: '2026-01-01', sequence: 10_000 })).toThrow(RangeError);
  });

  it('formats the Circular 04/2025 code with system digits and 4+ digit sequence', () => {
    expect(formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 12, systemDigits: '07' })).toBe('G01.39-260223-070012');
    expect(formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 123_456, systemDigits: '07' })).toBe('G01.39-260223-07123456');
    expect(() => formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 1 })).toThrow(RangeError);
  });
});

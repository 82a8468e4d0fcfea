import { AGENCY_DAY_MAX_SEQUENCE, formatDossierCode, localDate, looksLikeDossierCode } from './dossier-code';
import { IntakeError, IntakeErrorCode } from './intake.errors';

describe('dossier code', () => {
  it('uses the local date in Vietnam', () => {
    expect(localDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(localDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
  });

  it('formats the agency-day code', () => {
    const code = formatDossierCode({ format: 'agency-day', agencyCode: '000.00.17.H33', date: '2026-01-01', sequence: 1 });
    expect(code).toBe('000.00.17.H33-260101-0001');
    expect(looksLikeDossierCode(code)).toBe(true);
    expect(() => formatDossierCode({ format: 'agency-day', agencyCode: 'X00', date: '2026-01-01', sequence: 0 })).toThrow(RangeError);
  });

  it('gives the agency-day format 9999 codes a day and refuses the 10,000th as exhausted, never 5 digits', () => {
    const at = (sequence: number) => formatDossierCode({ format: 'agency-day', agencyCode: '000.00.17.H33', date: '2026-01-01', sequence });
    expect(AGENCY_DAY_MAX_SEQUENCE).toBe(9999);
    expect(at(9999)).toBe('000.00.17.H33-260101-9999');
    let refusal: unknown;
    try {
      at(10_000);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(IntakeError);
    expect(refusal).toMatchObject({
      code: IntakeErrorCode.DossierCodesExhausted,
      category: 'rate_limited',
      details: { format: 'agency-day', agencyCode: '000.00.17.H33', day: '2026-01-01', maxSequence: 9999 },
    });
    expect(() => at(123_456)).toThrow(IntakeError);
  });

  it('formats the Circular 04/2025 code with system digits and 4+ digit sequence', () => {
    expect(formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 12, systemDigits: '07' })).toBe('G01.39-260223-070012');
    expect(formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 123_456, systemDigits: '07' })).toBe('G01.39-260223-07123456');
    expect(() => formatDossierCode({ format: 'tt04-2025', agencyCode: 'G01.39', date: '2026-02-23', sequence: 1 })).toThrow(RangeError);
  });
});

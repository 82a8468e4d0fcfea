import { IntakeError, IntakeErrorCode } from './intake.errors';

/**
 * Dossier codes (docs/dossier-code.md). Two formats, chosen per procedure or system as data:
 * - `agency-day` (Decree 118/Circular 03): `<receiving agency identifier code>-<yymmdd>-<NNNN>`,
 *   e.g. `000.00.17.H33-260101-0001`; NNNN the agency's 4-digit sequence of that local day,
 *   never widened: the 10,000th receipt of a day is refused (DOSSIER_CODES_EXHAUSTED).
 * - `tt04-2025` (Circular 04/2025, nationally centralised systems):
 *   `<deciding agency code>-<YYMMDD>-<AA><XXXX>`, AA two digits from the system owner's code,
 *   XXXX at least 4 digits.
 */
export const DOSSIER_CODE_FORMATS = ['agency-day', 'tt04-2025'] as const;
export type DossierCodeFormat = (typeof DOSSIER_CODE_FORMATS)[number];

export const DOSSIER_CODE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The calendar date in Vietnam (UTC+7, no daylight saving) as YYYY-MM-DD. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** `yymmdd` of a YYYY-MM-DD date. */
export function yymmdd(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}

export interface DossierCodeParts {
  format: DossierCodeFormat;
  /** agency-day: the receiving agency's identifier code; tt04-2025: the deciding agency's code. */
  agencyCode: string;
  /** The local receipt date, YYYY-MM-DD. */
  date: string;
  /** 1-based sequence of the day. */
  sequence: number;
  /** tt04-2025 only: two digits from the system owner's code. */
  systemDigits?: string;
}

/** The last sequence the agency-day format can write in its 4 digits. */
export const AGENCY_DAY_MAX_SEQUENCE = 9999;

/**
 * The code of the `sequence`-th receipt. An agency-day sequence past 9999 is refused with
 * DOSSIER_CODES_EXHAUSTED (RESOURCE_EXHAUSTED) rather than written with 5 digits: the format
 * is fixed at 4 digits, and the receipt's transaction rolls back, counter included.
 */
export function formatDossierCode(parts: DossierCodeParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new RangeError('sequence must be a positive integer');
  const day = yymmdd(parts.date);
  if (parts.format === 'agency-day') {
    if (parts.sequence > AGENCY_DAY_MAX_SEQUENCE) {
      throw new IntakeError(IntakeErrorCode.DossierCodesExhausted, `The agency has given all ${AGENCY_DAY_MAX_SEQUENCE} dossier codes of the day`, {
        format: parts.format,
        agencyCode: parts.agencyCode,
        day: parts.date,
        maxSequence: AGENCY_DAY_MAX_SEQUENCE,
      });
    }
    return `${parts.agencyCode}-${day}-${String(parts.sequence).padStart(4, '0')}`;
  }
  const digits = parts.systemDigits ?? '';
  if (!/^\d{2}$/.test(digits)) throw new RangeError('the tt04-2025 format needs two system digits');
  return `${parts.agencyCode}-${day}-${digits}${String(parts.sequence).padStart(4, '0')}`;
}

const CODE = /^([0-9A-Z][0-9A-Z.]{2,39})-(\d{6})-(\d{4,})$/;

/** Whether a string has the shape of a dossier code of either format (for lookups). */
export function looksLikeDossierCode(value: string): boolean {
  return CODE.test(value);
}

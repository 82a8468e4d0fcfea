/**
 * CCCD (citizen identity number): 12 digits = 3-digit code of the province of birth
 * registration, a century/gender digit, 2 digits of the birth year, 6 serial digits.
 * The province codes are those of the 63 provinces in use when the numbers were issued;
 * they stay valid after the 2025 merger.
 */
export const CITIZEN_ID_PROVINCE_CODES: ReadonlySet<string> = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

/** Century digit: 0/1 born 1900–1999 (male/female), 2/3 2000–2099, 4/5 2100–2199, 6/7 2200–2299, 8/9 1800–1899. */
const CENTURY_START: Record<string, number> = { '0': 1900, '1': 1900, '2': 2000, '3': 2000, '4': 2100, '5': 2100, '6': 2200, '7': 2200, '8': 1800, '9': 1800 };

export type CitizenIdProblem = 'format' | 'province' | 'birth_year';

/** Returns the first problem of a CCCD, or null when it is well formed (the birth year may not lie in the future). */
export function citizenIdProblem(value: string, today: Date): CitizenIdProblem | null {
  if (!/^\d{12}$/.test(value)) return 'format';
  if (!CITIZEN_ID_PROVINCE_CODES.has(value.slice(0, 3))) return 'province';
  const birthYear = CENTURY_START[value[3]] + Number(value.slice(4, 6));
  if (birthYear > today.getUTCFullYear()) return 'birth_year';
  return null;
}

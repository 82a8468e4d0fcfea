/**
 * Vietnamese tax code (mã số thuế): 10 digits, the 10th a check digit over the first nine
 * (weights 31, 29, 23, 19, 17, 13, 7, 5, 3; check = 10 − (sum mod 11), invalid when that is 10);
 * or 13 digits: a valid 10-digit code of the parent and a 3-digit branch number 001–999.
 * Written with or without the hyphen before the branch (`0100109106-001`).
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

export type TaxCodeProblem = 'format' | 'check_digit' | 'branch';

export function normalizeTaxCode(value: string): string {
  return value.replace(/^(\d{10})-(\d{3})$/, '$1$2');
}

export function taxCodeProblem(value: string): TaxCodeProblem | null {
  const code = normalizeTaxCode(value);
  if (!/^\d{10}(\d{3})?$/.test(code)) return 'format';
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(code[index]), 0);
  const check = 10 - (sum % 11);
  if (check === 10 || check !== Number(code[9])) return 'check_digit';
  if (code.length === 13 && code.slice(10) === '000') return 'branch';
  return null;
}

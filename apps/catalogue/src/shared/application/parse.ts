import { parseLocalDate, startOfLocalDay } from '@motcua/calendar';
import { FieldErrors, isIsoDate } from '../domain/validation';

/** Formats of the gRPC inputs (STACK.md: a proto type says nothing about formats or ranges). */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An RFC 3339 instant with its offset. */
export function parseInstant(value: string, errors: FieldErrors, field: string): Date | null {
  const date = RFC3339.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) {
    errors.add(field, 'an RFC 3339 instant with its offset, e.g. 2026-02-13T09:00:00+07:00');
    return null;
  }
  return date;
}

/** An RFC 3339 instant, or YYYY-MM-DD meaning 00:00 in Vietnam on that day; empty: null (the caller's default). */
export function parseEffectiveInstant(value: string | null | undefined, errors: FieldErrors, field: string): Date | null {
  const text = value ?? '';
  if (text === '') return null;
  if (isIsoDate(text)) return startOfLocalDay(parseLocalDate(text));
  if (!RFC3339.test(text) || Number.isNaN(new Date(text).getTime())) {
    errors.add(field, 'an RFC 3339 instant or a date YYYY-MM-DD');
    return null;
  }
  return new Date(text);
}

/**
 * Integer VND from an int64 (a string on the wire, `longs: String`). Anything else gives NaN,
 * which the domain reports on the field with its range.
 */
export function parseVnd(value: string | number | null | undefined): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : Number.NaN;
  if (typeof value !== 'string' || !/^-?\d{1,16}$/.test(value)) return Number.NaN;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : Number.NaN;
}

/** Empty strings (proto3 defaults) as absent. */
export function optionalText(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

import { isValidLocalDate, IsoDate } from '@motcua/calendar';
import { FieldError } from '@motcua/domain-kernel';

/**
 * Collects every field error of an input, so one answer lists them all (STYLE.md: validate at
 * every boundary; the gateway turns `details.errors` into a 400 with `errors[]`).
 */
export class FieldErrors {
  constructor(
    private readonly prefix = '',
    private readonly list: FieldError[] = [],
  ) {}

  /** A collector writing into this one, with fields reported under `path` (e.g. `definition.fees`). */
  nested(path: string): FieldErrors {
    return new FieldErrors(this.join(path), this.list);
  }

  add(field: string, message: string): void {
    this.list.push({ field: this.join(field), message });
  }

  /** Adds the error unless `ok`; returns `ok`. */
  check(ok: boolean, field: string, message: string): boolean {
    if (!ok) this.add(field, message);
    return ok;
  }

  get errors(): FieldError[] {
    return [...this.list];
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  private join(field: string): string {
    if (!this.prefix) return field;
    if (!field) return this.prefix;
    return field.startsWith('[') ? `${this.prefix}${field}` : `${this.prefix}.${field}`;
  }
}

/** Trimmed text of 1..max characters (0..max when not required). */
export function checkText(errors: FieldErrors, value: string, field: string, max: number, required = true): boolean {
  const trimmed = value.trim();
  if (required && trimmed === '') return errors.check(false, field, 'required');
  return errors.check(trimmed.length <= max, field, `at most ${max} characters`);
}

export function isIsoDate(value: string): value is IsoDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  return isValidLocalDate({ year, month, day });
}

export function checkIsoDate(errors: FieldErrors, value: string, field: string): value is IsoDate {
  return errors.check(isIsoDate(value), field, 'a date YYYY-MM-DD');
}

/** Reports every value that appears more than once. */
export function checkUnique<T>(errors: FieldErrors, items: readonly T[], key: (item: T) => string, field: (index: number) => string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) errors.add(field(index), 'repeated');
    seen.add(k);
  });
}

/** Whether `value` is one of `allowed` (a closed set of lower-case strings). */
export function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** What kind of problem an import error is; the message says the case. */
export type ImportErrorCode =
  /** The JSON or CSV text cannot be read. */
  | 'syntax'
  /** A value has the wrong type, format or range, or a field is missing or unknown. */
  | 'invalid'
  /** A code appears twice where it must be unique. */
  | 'duplicate'
  /** A code refers to a unit, agency, procedure or case that the catalogue does not have. */
  | 'unknown_reference'
  /** Values that are fine alone contradict each other (shares that do not sum to 1, a level that does not match the agency, dates out of order). */
  | 'inconsistent'
  /** An incoming version conflicts with what is already stored (planImport only). */
  | 'conflict';

export interface ImportError {
  /** Where: `procedures[12].components[3].count`, `agencies.csv row 7, column code`. */
  location: string;
  code: ImportErrorCode;
  message: string;
}

/** `formatPath('procedures[12]', ['components', 3, 'count'])` is `procedures[12].components[3].count`. */
export function formatPath(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Collects errors up to a limit and counts the rest, so a broken file cannot flood a response. */
export class ImportErrorList {
  readonly errors: ImportError[] = [];
  omitted = 0;

  constructor(private readonly max: number) {}

  add(location: string, code: ImportErrorCode, message: string): void {
    if (this.errors.length < this.max) this.errors.push({ location, code, message });
    else this.omitted += 1;
  }

  get empty(): boolean {
    return this.errors.length === 0 && this.omitted === 0;
  }
}

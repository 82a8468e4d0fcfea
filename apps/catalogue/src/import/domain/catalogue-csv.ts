import { parseCsv } from './csv';
import { ImportErrorList } from './import-error';

/**
 * The flat parts of a catalogue as CSV, one file each (docs/catalogue-import.md):
 *
 *   units.csv     code,name,level,parent_code,valid_from,valid_to,notes
 *   agencies.csv  code,name,unit_code,kind,parent_code,valid_from,valid_to,notes
 *   desks.csv     code,name,agency_code,unit_codes,procedure_codes,levels,notes
 *
 * The header row names the columns (any order; optional columns may be left out). Cells are
 * trimmed; an empty cell is an absent value. List cells hold codes separated by `;`.
 */
export type CsvPart = 'units' | 'agencies' | 'desks';

interface ColumnSpec {
  name: string;
  required: boolean;
  kind: 'text' | 'nullable' | 'list';
}

const column = (name: string, required: boolean, kind: ColumnSpec['kind'] = 'text'): ColumnSpec => ({ name, required, kind });

export const CSV_COLUMNS: Readonly<Record<CsvPart, readonly ColumnSpec[]>> = {
  units: [
    column('code', true),
    column('name', true),
    column('level', true),
    column('parent_code', false, 'nullable'),
    column('valid_from', true),
    column('valid_to', false, 'nullable'),
    column('notes', false),
  ],
  agencies: [
    column('code', true),
    column('name', true),
    column('unit_code', true),
    column('kind', false),
    column('parent_code', false, 'nullable'),
    column('valid_from', false, 'nullable'),
    column('valid_to', false, 'nullable'),
    column('notes', false),
  ],
  desks: [
    column('code', true),
    column('name', true),
    column('agency_code', true),
    column('unit_codes', true, 'list'),
    column('procedure_codes', false, 'list'),
    column('levels', false, 'list'),
    column('notes', false),
  ],
};

/** The header line of each file, in the documented order. */
export function csvHeader(part: CsvPart): string[] {
  return CSV_COLUMNS[part].map((spec) => spec.name);
}

export const csvFileName = (part: CsvPart): string => `${part}.csv`;

/** A CSV row as the object the JSON format would hold, with where it came from. */
export interface CsvRow {
  row: number;
  value: Record<string, unknown>;
}

/** `desks.csv row 4, column unit_codes`; without a field: `desks.csv row 4`. */
export function csvLocation(part: CsvPart, row: number, field?: string): string {
  const at = `${csvFileName(part)} row ${row}`;
  if (field === undefined || field === '') return at;
  const columnName = field.split(/[.[]/)[0];
  return `${at}, column ${columnName}`;
}

const LIST_SEPARATOR = /\s*;\s*/;

export interface CsvPartRows {
  rows: CsvRow[];
  /** False when the header or the CSV syntax was broken: rows may be missing. */
  complete: boolean;
}

/** Reads one file into rows; header and syntax problems go to `errors`. */
export function readCsvPart(part: CsvPart, text: string, errors: ImportErrorList): CsvPartRows {
  const file = csvFileName(part);
  const parsed = parseCsv(text);
  for (const error of parsed.errors) errors.add(`${file} row ${error.row}`, 'syntax', `${error.message} (line ${error.line})`);
  const [header, ...records] = parsed.records;
  if (header === undefined) {
    if (parsed.errors.length === 0) errors.add(file, 'invalid', `empty file: the first row must be the header ${csvHeader(part).join(',')}`);
    return { rows: [], complete: false };
  }

  const specs = CSV_COLUMNS[part];
  const names = header.fields.map((name) => name.trim());
  const columns: (ColumnSpec | undefined)[] = [];
  let headerOk = true;
  names.forEach((name, index) => {
    const spec = specs.find((candidate) => candidate.name === name);
    if (spec === undefined) {
      errors.add(`${file} row 1, column ${name || `#${index + 1}`}`, 'invalid', `unknown column (the columns are ${csvHeader(part).join(', ')})`);
      headerOk = false;
    } else if (names.indexOf(name) !== index) {
      errors.add(`${file} row 1, column ${name}`, 'duplicate', 'the column appears twice');
      headerOk = false;
    }
    columns.push(spec);
  });
  for (const spec of specs) {
    if (spec.required && !names.includes(spec.name)) {
      errors.add(`${file} row 1`, 'invalid', `missing column ${spec.name}`);
      headerOk = false;
    }
  }
  if (!headerOk) return { rows: [], complete: false };

  const rows: CsvRow[] = [];
  for (const record of records) {
    if (record.fields.length !== names.length) {
      errors.add(csvLocation(part, record.row), 'invalid', `${record.fields.length} fields where the header has ${names.length}`);
      continue;
    }
    const value: Record<string, unknown> = {};
    record.fields.forEach((cell, index) => {
      const spec = columns[index];
      if (spec === undefined) return;
      const trimmed = cell.trim();
      if (spec.kind === 'list') {
        value[spec.name] = trimmed === '' ? [] : trimmed.split(LIST_SEPARATOR).filter((item) => item !== '');
      } else if (trimmed !== '') {
        value[spec.name] = trimmed;
      } else if (spec.kind === 'nullable') {
        value[spec.name] = null;
      }
    });
    rows.push({ row: record.row, value });
  }
  return { rows, complete: parsed.errors.length === 0 };
}

/**
 * RFC 4180 CSV, as spreadsheets export it: comma-separated fields, records ended by CRLF (LF
 * or a lone CR also accepted), fields in double quotes may hold commas, quotes (doubled) and
 * line breaks. A UTF-8 byte-order mark before the first field is dropped. Lines that are
 * completely empty are skipped (spreadsheets add them at the end). Stricter than most
 * readers on purpose: a quote inside an unquoted field, text after a closing quote and an
 * unterminated quoted field are errors, since each of them usually means a broken export.
 */

export interface CsvRecord {
  /** The record's number, counting the header as row 1 (spreadsheet numbering when no field spans lines). */
  row: number;
  /** The physical line on which the record starts (1-based). */
  line: number;
  fields: string[];
}

export interface CsvSyntaxError {
  row: number;
  line: number;
  message: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Syntax errors; parsing stops at the first one, so at most one is reported. */
  errors: CsvSyntaxError[];
}

const BOM = '\uFEFF';

export function parseCsv(text: string): CsvParseResult {
  const input = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quotedRecord = false; // whether any field of the current record was quoted
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = input.length;

  const fail = (message: string, at = line): CsvParseResult => ({
    records,
    errors: [{ row: records.length + 1, line: at, message }],
  });
  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !quotedRecord;
    if (!blank) records.push({ row: records.length + 1, line: recordLine, fields });
    fields = [];
    field = '';
    quotedRecord = false;
  };
  const lineBreakLength = (at: number): number => {
    if (input[at] === '\r') return input[at + 1] === '\n' ? 2 : 1;
    return input[at] === '\n' ? 1 : 0;
  };

  while (i < n) {
    // At the start of a field.
    if (input[i] === '"') {
      quotedRecord = true;
      i += 1;
      for (;;) {
        if (i >= n) return fail(`a quoted field opened on line ${recordLine} is never closed`, recordLine);
        const ch = input[i];
        if (ch === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        const lb = lineBreakLength(i);
        if (lb > 0) {
          field += input.slice(i, i + lb);
          i += lb;
          line += 1;
          continue;
        }
        field += ch;
        i += 1;
      }
      if (i < n && input[i] !== ',' && lineBreakLength(i) === 0) {
        return fail(`unexpected ${JSON.stringify(input[i])} after a closing quote (a quote inside a quoted field is written "")`);
      }
    } else {
      while (i < n && input[i] !== ',' && lineBreakLength(i) === 0) {
        if (input[i] === '"') return fail('a quote inside an unquoted field (quote the whole field and double the quote)');
        field += input[i];
        i += 1;
      }
    }
    // After a field: a comma, a line break or the end.
    if (i >= n) break;
    if (input[i] === ',') {
      fields.push(field);
      field = '';
      i += 1;
      if (i >= n) break; // "a,b," ends with an empty last field
      continue;
    }
    i += lineBreakLength(i);
    line += 1;
    endRecord();
    recordLine = line;
  }
  if (field !== '' || fields.length > 0 || quotedRecord) endRecord();
  return { records, errors: [] };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field as RFC 4180 writes it. */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as RFC 4180 text (CRLF line ends, a final CRLF). A record of one empty field is written `""` so it is not read as a blank line. */
export function formatCsv(records: readonly (readonly string[])[]): string {
  return records
    .map((fields) => (fields.length === 1 && fields[0] === '' ? '""\r\n' : `${fields.map(formatCsvField).join(',')}\r\n`))
    .join('');
}

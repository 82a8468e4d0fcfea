import fc from 'fast-check';
import { formatCsv, parseCsv } from './csv';

const fieldsOf = (text: string): string[][] => {
  const result = parseCsv(text);
  expect(result.errors).toEqual([]);
  return result.records.map((record) => record.fields);
};

describe('parseCsv', () => {
  it('reads a header and rows separated by CRLF', () => {
    expect(fieldsOf('code,name\r\n33,Tỉnh Hưng Yên\r\n12250,Xã Phù Cừ\r\n')).toEqual([
      ['code', 'name'],
      ['33', 'Tỉnh Hưng Yên'],
      ['12250', 'Xã Phù Cừ'],
    ]);
  });

  it('accepts LF and lone CR line ends and a missing final line end', () => {
    expect(fieldsOf('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fieldsOf('a,b\rc,d\r')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'code,name,note\r\n"000.00.17.H33","Sở Tư pháp, tỉnh Hưng Yên","dòng 1\r\ndòng 2 ""trích dẫn"""\r\n';
    expect(fieldsOf(text)).toEqual([
      ['code', 'name', 'note'],
      ['000.00.17.H33', 'Sở Tư pháp, tỉnh Hưng Yên', 'dòng 1\r\ndòng 2 "trích dẫn"'],
    ]);
  });

  it('numbers rows by record and remembers the physical line a record starts on', () => {
    const result = parseCsv('h1,h2\n"a\nb",c\nd,e\n');
    expect(result.records.map((record) => [record.row, record.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('drops a UTF-8 byte-order mark before the first field', () => {
    expect(fieldsOf('\uFEFFcode,name\r\n33,Hưng Yên\r\n')[0]).toEqual(['code', 'name']);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(fieldsOf('a,,c,\r\n,,,\r\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
  });

  it('skips completely empty lines but keeps a quoted empty field', () => {
    expect(fieldsOf('a,b\r\n\r\nc,d\r\n\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(fieldsOf('a\r\n""\r\n')).toEqual([['a'], ['']]);
  });

  it('keeps spaces around unquoted fields as data', () => {
    expect(fieldsOf(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('reports an unterminated quoted field with where it started', () => {
    const result = parseCsv('code,name\r\n33,"Hưng Yên\r\n12250,Phù Cừ\r\n');
    expect(result.errors).toEqual([{ row: 2, line: 2, message: 'a quoted field opened on line 2 is never closed' }]);
  });

  it('reports a quote inside an unquoted field and text after a closing quote', () => {
    expect(parseCsv('a,b\r\nc,d"e\r\n').errors[0]).toMatchObject({ row: 2, line: 2 });
    expect(parseCsv('a,"b"c\r\n').errors[0]).toMatchObject({ row: 1, line: 1, message: expect.stringContaining('after a closing quote') });
  });

  it('reads back what formatCsv writes, for any fields', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ',', '"', '\r', '\n', ' ', '\r\n', 'x'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (records) => {
        expect(fieldsOf(formatCsv(records))).toEqual(records);
      }),
    );
  });
});

import fc from 'fast-check';
import {
  allWordsTsQuery,
  exactText,
  foldVietnamese,
  hasDiacritics,
  MAX_QUERY_TOKENS,
  MAX_TOKEN_LENGTH,
  parseSearchQuery,
  plainTsQueryText,
  prefixTsQuery,
  queryTokens,
  searchDocument,
  searchText,
  searchTokens,
} from './search-text';

describe('foldVietnamese', () => {
  it('folds a name with and without diacritics to the same text', () => {
    expect(foldVietnamese('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldVietnamese('dang ky khai sinh')).toBe(foldVietnamese('Đăng ký khai sinh'));
  });

  it('lower-cases capitals and turns Đ into d', () => {
    expect(foldVietnamese('ĐĂNG KÝ')).toBe('dang ky');
    expect(foldVietnamese('ĐỒNG ĐẲNG đường')).toBe('dong dang duong');
    expect(foldVietnamese('İSTANBUL')).toBe('istanbul');
  });

  it('strips every Vietnamese tone and vowel mark', () => {
    expect(foldVietnamese('àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị')).toBe('aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii');
    expect(foldVietnamese('òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ')).toBe('ooooo oooooo oooooo uuuuu uuuuuu yyyyy');
  });

  it('gives the same text for composed (NFC) and decomposed (NFD) input and for old-style tone placement', () => {
    const composed = 'Chứng thực bản sao'.normalize('NFC');
    const decomposed = 'Chứng thực bản sao'.normalize('NFD');
    expect(composed).not.toBe(decomposed);
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese(composed));
    expect(foldVietnamese('hoà')).toBe(foldVietnamese('hòa'));
  });

  it('collapses mixed whitespace (tabs, newlines, no-break spaces) and trims', () => {
    expect(foldVietnamese('  Đăng\tký\n\nkhai\u00A0 sinh  ')).toBe('dang ky khai sinh');
    expect(foldVietnamese('\u3000Cấp\u2003lại ')).toBe('cap lai');
  });

  it('drops zero-width characters pasted from documents', () => {
    expect(foldVietnamese('khai\u200Bsinh\uFEFF')).toBe('khaisinh');
  });

  it('keeps punctuation (tokens separate on it)', () => {
    expect(foldVietnamese('Cấp lại (do bị mất, hỏng)')).toBe('cap lai (do bi mat, hong)');
  });

  it('is idempotent and never leaves a mark or a capital', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const folded = foldVietnamese(text);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(/\p{M}/u.test(folded)).toBe(false);
        expect(/[đĐ]/.test(folded)).toBe(false);
        expect(folded).toBe(folded.trim());
        expect(folded.includes('  ')).toBe(false);
      }),
    );
  });
});

describe('searchTokens', () => {
  it('splits on punctuation and keeps only [a-z0-9] words', () => {
    expect(searchTokens('Đăng ký khai-sinh, (lần đầu)!')).toEqual(['dang', 'ky', 'khai', 'sinh', 'lan', 'dau']);
    expect(searchTokens('Nghị định 123/2015/NĐ-CP')).toEqual(['nghi', 'dinh', '123', '2015', 'nd', 'cp']);
    expect(searchTokens('1.001193')).toEqual(['1', '001193']);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(searchTokens('  ,.;!?  ')).toEqual([]);
    expect(searchTokens('')).toEqual([]);
  });

  it('yields only tokens of [a-z0-9] for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const token of searchTokens(text)) expect(token).toMatch(/^[a-z0-9]+$/);
      }),
    );
  });
});

describe('tsquery builders', () => {
  it('build a prefix query from a query with diacritics, capitals and punctuation', () => {
    expect(prefixTsQuery('Đăng ký')).toBe('dang:* & ky:*');
    expect(prefixTsQuery('  ĐĂNG   KÝ, khai-sinh ')).toBe('dang:* & ky:* & khai:* & sinh:*');
    expect(allWordsTsQuery('đăng ký khai sinh')).toBe('dang & ky & khai & sinh');
    expect(plainTsQueryText('Đăng  ký!')).toBe('dang ky');
  });

  it('neutralise tsquery operators and SQL in user input', () => {
    expect(prefixTsQuery("dang' | !ky & (sinh) <-> x:* ; DROP TABLE procedures; --")).toBe(
      'dang:* & ky:* & sinh:* & x:* & drop:* & table:* & procedures:*',
    );
    expect(prefixTsQuery("':*&|!()<->")).toBeNull();
    expect(allWordsTsQuery('   ')).toBeNull();
  });

  it('deduplicate and bound the tokens', () => {
    expect(queryTokens('ky ký KÝ kỳ')).toEqual(['ky']);
    const many = Array.from({ length: 30 }, (_, i) => `tu${i}`).join(' ');
    expect(queryTokens(many)).toHaveLength(MAX_QUERY_TOKENS);
    expect(queryTokens('a'.repeat(100))[0]).toHaveLength(MAX_TOKEN_LENGTH);
  });

  it('only ever produce tokens, ":*" and " & "', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const query = prefixTsQuery(text);
        if (query !== null) expect(query).toMatch(/^[a-z0-9]+:\*( & [a-z0-9]+:\*)*$/);
      }),
    );
  });
});

describe('parseSearchQuery', () => {
  it('recognises a national code or a prefix of one', () => {
    expect(parseSearchQuery(' 1.001193 ')).toEqual({ kind: 'code', codePrefix: '1.001193' });
    expect(parseSearchQuery('2.0008')).toEqual({ kind: 'code', codePrefix: '2.0008' });
    expect(parseSearchQuery('2.000815.000.00.00.h33')).toEqual({ kind: 'code', codePrefix: '2.000815.000.00.00.H33' });
  });

  it('turns text into a tsquery, the folded phrase and the phrase as typed', () => {
    expect(parseSearchQuery('Đăng ký khai sinh')).toEqual({
      kind: 'text',
      tokens: ['dang', 'ky', 'khai', 'sinh'],
      tsquery: 'dang:* & ky:* & khai:* & sinh:*',
      phrase: 'dang ky khai sinh',
      exactPhrase: 'đăng ký khai sinh',
    });
    const plain = parseSearchQuery('dang ky khai sinh');
    expect(plain).toMatchObject({ kind: 'text', phrase: 'dang ky khai sinh', exactPhrase: null });
  });

  it('is empty for a query without words', () => {
    expect(parseSearchQuery('  ?! ')).toEqual({ kind: 'empty' });
  });
});

describe('search documents', () => {
  it('store folded weighted parts so "dang ky khai sinh" finds "Đăng ký khai sinh"', () => {
    const document = searchDocument({
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      agencyNames: ['Ủy ban nhân dân xã Phù Cừ'],
      other: ['Giấy khai sinh (bản chính)'],
    });
    expect(document.weighted).toEqual({
      A: 'dang ky khai sinh',
      B: 'ho tich',
      C: 'uy ban nhan dan xa phu cu',
      D: 'giay khai sinh ban chinh',
    });
    expect(document.nameExact).toBe('đăng ký khai sinh');
    const query = parseSearchQuery('dang ky khai sinh');
    if (query.kind !== 'text') throw new Error('expected a text query');
    expect(` ${document.nameFolded} `).toContain(` ${query.phrase} `);
    for (const token of query.tokens) expect(document.searchText.split(' ')).toContain(token);
  });

  it('exactText keeps diacritics and drops punctuation; hasDiacritics tells them apart', () => {
    expect(exactText('Đăng ký, khai sinh (lần đầu)')).toBe('đăng ký khai sinh lần đầu');
    expect(hasDiacritics('Đăng ký')).toBe(true);
    expect(hasDiacritics('dang ky')).toBe(false);
    expect(searchText(' Cấp  lại, ')).toBe('cap lai');
  });
});

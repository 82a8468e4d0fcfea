import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_FONT_PATH } from './layout';
import { readTrueType, TrueTypeError } from './ttf-reader';

const font = readTrueType(readFileSync(DEFAULT_FONT_PATH));

describe('readTrueType (DejaVu Sans)', () => {
  it('finds the font file installed', () => {
    expect(existsSync(DEFAULT_FONT_PATH)).toBe(true);
  });

  it('reads the header metrics', () => {
    expect(font.unitsPerEm).toBe(2048);
    expect(font.numGlyphs).toBeGreaterThan(5000);
    expect(font.postScriptName).toBe('DejaVuSans');
    expect(font.ascent).toBeGreaterThan(0);
    expect(font.descent).toBeLessThan(0);
  });

  it('maps every Vietnamese letter to a glyph of its own', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ';
    const ids = [...letters].map((c) => font.glyphId(c.codePointAt(0) ?? 0));
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(new Set(letters).size);
  });

  it('gives widths from hmtx: space narrower than M, same for the same glyph', () => {
    const width = (c: string) => font.advanceWidth(font.glyphId(c.codePointAt(0) ?? 0));
    expect(width(' ')).toBe(651);
    expect(width('M')).toBeGreaterThan(width(' '));
    expect(width('ế')).toBe(width('e'));
  });

  it('reads beyond the BMP (format 12) and maps what the font lacks to .notdef', () => {
    expect(font.glyphId(0x1f600)).toBeGreaterThan(0);
    expect(font.glyphId(0x4e2d)).toBe(0);
    expect(font.glyphId(0x20000)).toBe(0);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => readTrueType(Buffer.from('%PDF-1.4 not a font'))).toThrow(TrueTypeError);
    expect(() => readTrueType(readFileSync(DEFAULT_FONT_PATH).subarray(0, 40))).toThrow(TrueTypeError);
  });
});
